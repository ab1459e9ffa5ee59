import { Inject, Injectable } from '@nestjs/common';
import { MetricsService } from '../../infra/metrics/metrics.service';
import { JobQueue } from '../../infra/queue/job-queue';
import { JobName, jobId, QueueName } from '../../infra/queue/queue-names';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';

/**
 * Rows younger than this are left to their own after-commit dispatch (re-dispatching one is
 * harmless — the job id is the row's — but wasted work).
 */
const GRACE_MS = 5_000;
const PAGE = 500;
const ALIVE = new Set(['delayed', 'waiting', 'active', 'prioritized', 'waiting-children']);

export interface OutboxCheck {
  /** Pending rows looked at. */
  readonly checked: number;
  /** Of those, rows whose send job was missing or finished (and have been dispatched again). */
  readonly missing: number;
  readonly durationMs: number;
}

/**
 * Redis is disposable: a pending outbox row whose job was lost (Redis wiped, process died
 * between commit and dispatch, after-commit dispatch gave up) is dispatched again. Sending is
 * idempotent per row (locked, skipped once sent).
 */
@Injectable()
export class OutboxReconciler {
  constructor(
    private readonly outbox: OutboxService,
    private readonly rows: OutboxRepository,
    @Inject(JobQueue) private readonly jobs: JobQueue,
    private readonly metrics: MetricsService,
  ) {}

  /** The number of rows dispatched again. */
  async reconcile(): Promise<number> {
    return (await this.check()).missing;
  }

  async check(): Promise<OutboxCheck> {
    const started = process.hrtime.bigint();
    const queue = this.jobs.queue(QueueName.Mail);
    let checked = 0;
    let missing = 0;
    let after: { createdAt: string; id: string } | null = null;
    for (;;) {
      const page = await this.rows.pendingPage(GRACE_MS, after, PAGE);
      if (page.length === 0) break;
      after = page[page.length - 1];
      checked += page.length;
      const ids = page.map((r) => jobId(JobName.SendMail, r.id));
      const states = await Promise.all(ids.map((id) => queue.getJobState(id)));
      for (const [i, row] of page.entries()) {
        if (ALIVE.has(states[i])) continue;
        if (states[i] === 'completed' || states[i] === 'failed') await queue.remove(ids[i]);
        await this.outbox.dispatch(row.id);
        missing++;
      }
    }
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    this.metrics.reconcileDuration.observe(
      { reconcile: 'outbox', pass: 'full' },
      durationMs / 1000,
    );
    this.metrics.reconcileRepaired.inc({ reconcile: 'outbox' }, missing);
    return { checked, missing, durationMs };
  }
}
