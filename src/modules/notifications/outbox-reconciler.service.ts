import { Inject, Injectable } from '@nestjs/common';
import { MetricsService } from '../../infra/metrics/metrics.service';
import { JobQueue } from '../../infra/queue/job-queue';
import { JobName, QueueName } from '../../infra/queue/queue-names';
import { MailJournal } from './mail-journal';
import { MailSenderService } from './mail-sender.service';
import { OutboxRepository } from './outbox.repository';
import { sendJobId } from './outbox.service';

/**
 * Rows younger than this are left to their own after-commit dispatch (re-dispatching one is
 * harmless — the job id is the row's — but wasted work).
 */
const GRACE_MS = 5_000;
/** Rows per page: one query, one pipeline of job states, one bulk add. */
const PAGE = 1_000;
const ALIVE = new Set(['delayed', 'waiting', 'active', 'prioritized', 'waiting-children']);

export interface OutboxCheck {
  /** Rows looked at (pending, and `sending` claims older than a conversation lasts). */
  readonly checked: number;
  /** Of those, rows whose send job was missing or finished (and have been dispatched again). */
  readonly missing: number;
  readonly durationMs: number;
}

/**
 * Redis is disposable: a pending outbox row whose job was lost (Redis wiped, process died
 * between commit and dispatch, after-commit dispatch gave up, a job that used up its retries) is
 * dispatched again, a retry keeping its remaining delay; so is a `sending` row whose worker died
 * (the sender settles it). The journal's SMTP answers not yet in PostgreSQL are applied first.
 * Every page is one bulk dispatch: no cap on the rows a pass re-dispatches.
 */
@Injectable()
export class OutboxReconciler {
  constructor(
    private readonly rows: OutboxRepository,
    private readonly sender: MailSenderService,
    private readonly journal: MailJournal,
    @Inject(JobQueue) private readonly jobs: JobQueue,
    private readonly metrics: MetricsService,
  ) {}

  /** The number of rows dispatched again. */
  async reconcile(): Promise<number> {
    return (await this.check()).missing;
  }

  async check(): Promise<OutboxCheck> {
    const started = process.hrtime.bigint();
    for (const e of this.journal.pending()) {
      await this.rows
        .markSent(e.outboxId, { messageId: e.messageId, sentAt: new Date(e.acceptedAt) })
        .then(() => this.journal.applied(e.outboxId))
        .catch(() => undefined);
    }
    const queue = this.jobs.queue(QueueName.Mail);
    let checked = 0;
    let missing = 0;
    let after: { createdAt: string; id: string } | null = null;
    for (;;) {
      const page = await this.rows.reconcilePage(
        GRACE_MS,
        this.sender.staleClaimSeconds,
        after,
        PAGE,
      );
      if (page.length === 0) break;
      after = page[page.length - 1];
      checked += page.length;
      const ids = page.map((r) => sendJobId(r.id, r.attempts));
      const states = await Promise.all(ids.map((id) => queue.getJobState(id)));
      const lost: typeof page = [];
      const finished: string[] = [];
      page.forEach((r, i) => {
        if (ALIVE.has(states[i])) return;
        lost.push(r);
        if (states[i] === 'completed' || states[i] === 'failed') finished.push(ids[i]);
      });
      await Promise.all(finished.map((id) => queue.remove(id)));
      if (lost.length) {
        await queue.addBulk(
          lost.map((r) => ({
            name: JobName.SendMail,
            data: { outboxId: r.id },
            opts: {
              jobId: sendJobId(r.id, r.attempts),
              ...(r.delayMs > 0 ? { delay: Math.ceil(r.delayMs) } : {}),
            },
          })),
        );
      }
      missing += lost.length;
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
