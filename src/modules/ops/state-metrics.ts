import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MetricsService } from '../../infra/metrics/metrics.service';
import { HealthRepository } from './health.repository';

/** Gauges read from PostgreSQL at scrape time: outbox lag and live deadlines. */
@Injectable()
export class StateMetrics implements OnModuleInit {
  constructor(
    private readonly health: HealthRepository,
    private readonly metrics: MetricsService,
  ) {}

  onModuleInit(): void {
    this.metrics.gauge(
      'govinfo_outbox_lag_seconds',
      'Age of the oldest pending outbox e-mail',
      [],
      async (g) => {
        g.set(await this.health.outboxLagSeconds());
      },
    );
    this.metrics.gauge(
      'govinfo_deadlines_live',
      'Live legal dates by kind',
      ['kind'],
      async (g) => {
        g.reset();
        for (const r of await this.health.liveDeadlinesByKind()) {
          g.set({ kind: r.kind }, r.n);
        }
      },
    );
  }
}
