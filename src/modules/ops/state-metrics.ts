import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MetricsService } from '../../infra/metrics/metrics.service';

/** Gauges read from PostgreSQL at scrape time: outbox lag and live deadlines. */
@Injectable()
export class StateMetrics implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly metrics: MetricsService,
  ) {}

  onModuleInit(): void {
    this.metrics.gauge(
      'govinfo_outbox_lag_seconds',
      'Age of the oldest pending outbox e-mail',
      [],
      async (g) => {
        const [{ age }] = await this.db.query<Array<{ age: number | null }>>(
          `SELECT EXTRACT(EPOCH FROM now() - min(created_at))::float AS age FROM mail_outbox WHERE status = 'pending'`,
        );
        g.set(age ?? 0);
      },
    );
    this.metrics.gauge(
      'govinfo_deadlines_live',
      'Live legal dates by kind',
      ['kind'],
      async (g) => {
        g.reset();
        for (const r of await this.db.query<Array<{ kind: string; n: number }>>(
          `SELECT kind, count(*)::int AS n FROM deadline WHERE status = 'live' GROUP BY kind`,
        )) {
          g.set({ kind: r.kind }, r.n);
        }
      },
    );
  }
}
