import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PoolMonitor } from '../../infra/database/pool-monitor';
import { JOB_SCHEDULERS } from '../../infra/queue/job-schedulers';
import { MetricsService } from '../../infra/metrics/metrics.service';
import { HealthRepository } from './health.repository';

/**
 * Gauges read at scrape time: outbox lag and live deadlines from PostgreSQL, what the workers
 * recorded (deadlines and e-mails without a job, scheduler presence, the last reconciles), and
 * this process's database pool. Histograms of reconcile durations are the worker's own.
 */
@Injectable()
export class StateMetrics implements OnModuleInit {
  constructor(
    private readonly health: HealthRepository,
    private readonly metrics: MetricsService,
    private readonly pool: PoolMonitor,
  ) {}

  onModuleInit(): void {
    const m = this.metrics;
    m.gauge(
      'govinfo_outbox_lag_seconds',
      'Age of the oldest pending outbox e-mail',
      [],
      async (g) => {
        g.set(await this.health.outboxLagSeconds());
      },
    );
    m.gauge(
      'govinfo_mail_outbox_problems',
      'Outbox e-mails now: failed (unresolved), accepted-unconfirmed (unresolved) and retrying, statutory letters apart',
      ['state', 'statutory'],
      async (g) => {
        g.reset();
        for (const r of await this.health.mailProblemCounts())
          g.set({ state: r.state, statutory: String(r.statutory) }, r.n);
      },
    );
    m.gauge('govinfo_deadlines_live', 'Live legal dates by kind', ['kind'], async (g) => {
      g.reset();
      for (const r of await this.health.liveDeadlinesByKind()) g.set({ kind: r.kind }, r.n);
    });
    m.gauge(
      'govinfo_deadlines_without_job',
      'Live deadlines the last deadline reconcile found without a wake-up job in Redis (then re-armed)',
      [],
      async (g) => {
        g.set((await this.health.workerFacts()).deadlines?.value.missing ?? 0);
      },
    );
    m.gauge(
      'govinfo_outbox_without_job',
      'Pending e-mails the last outbox reconcile found without a send job (then dispatched)',
      [],
      async (g) => {
        g.set((await this.health.workerFacts()).outbox?.value.missing ?? 0);
      },
    );
    m.gauge(
      'govinfo_job_scheduler_present',
      'Whether the last upkeep round found each job scheduler in Redis (1) or had to re-create it (0)',
      ['scheduler'],
      async (g) => {
        g.reset();
        const u = (await this.health.workerFacts()).upkeep?.value;
        if (!u) return;
        for (const name of Object.keys(JOB_SCHEDULERS))
          g.set({ scheduler: name }, u.schedulersMissing.includes(name) ? 0 : 1);
      },
    );
    m.gauge(
      'govinfo_reconcile_last_duration_seconds',
      'Duration of the last deadline reconcile pass (any worker)',
      ['pass'],
      async (g) => {
        g.reset();
        const d = (await this.health.workerFacts()).deadlines?.value;
        if (d?.durationMs !== undefined)
          g.set({ pass: d.full ? 'full' : 'partial' }, d.durationMs / 1000);
      },
    );
    m.gauge(
      'govinfo_reconcile_last_rearmed',
      'Wake-up jobs the last deadline reconcile pass added (any worker)',
      [],
      async (g) => {
        g.set((await this.health.workerFacts()).deadlines?.value.rearmed ?? 0);
      },
    );
    m.gauge(
      'govinfo_db_pool_connections',
      "This process's PostgreSQL pool: connections in use, idle, callers waiting, and the size",
      ['state'],
      (g) => {
        const p = this.pool.stats();
        g.set({ state: 'in_use' }, p.inUse);
        g.set({ state: 'idle' }, p.idle);
        g.set({ state: 'waiting' }, p.waiting);
        g.set({ state: 'max' }, p.max);
        return Promise.resolve();
      },
    );
  }
}
