import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork, type Tx } from '../../infra/database/unit-of-work';
import { JobQueue } from '../../infra/queue/job-queue';
import { JobName, jobId, QueueName } from '../../infra/queue/queue-names';
import type { MailOutbox, MailParams } from './mail-outbox.entity';
import { OutboxRepository, type OutboxRow } from './outbox.repository';
import { MAIL_TEMPLATES } from './templates';
import type { Locale } from './templates/mail-template';

export interface OutboxMessage {
  template: string;
  to: string;
  params: MailParams;
  locale?: Locale;
  /** The case the mail belongs to: its clerks are told when it cannot be delivered. */
  caseId?: string | null;
}

/**
 * The send job of a row's next attempt: the id carries the attempts already made, so the retry
 * of attempt n is a new job (a finished job of attempt n-1 never blocks it) and a re-dispatch of
 * the same attempt is deduplicated by BullMQ.
 */
export const sendJobId = (outboxId: string, attempts: number): string =>
  jobId(JobName.SendMail, outboxId, `a${attempts}`);

/**
 * The transactional outbox: `write` inside the business transaction (its unit of work), which
 * dispatches the send job after COMMIT. If the process dies in between, the reconcile job
 * dispatches what was left.
 */
@Injectable()
export class OutboxService {
  constructor(
    private readonly rows: OutboxRepository,
    @Inject(JobQueue) private readonly jobs: JobQueue,
    private readonly uow: UnitOfWork,
  ) {}

  async write(tx: Tx, message: OutboxMessage): Promise<string> {
    const row = this.prepare(tx, message);
    await this.rows.insert(tx.m, row);
    return row.id;
  }

  /**
   * The outbox row of `message` for the caller to insert in `tx` (with other rows of the same
   * change in one statement); its send job is dispatched after COMMIT, as for `write`.
   */
  prepare(tx: Tx, message: OutboxMessage): OutboxRow {
    const id = randomUUID();
    tx.afterCommit(`outbox:${id}`, () => this.dispatch(id));
    return {
      id,
      template: message.template,
      toAddress: message.to,
      params: message.params,
      locale: message.locale ?? 'zh-CN',
      caseId: message.caseId ?? null,
      statutory: MAIL_TEMPLATES.get(message.template)?.statutory === true,
    };
  }

  /** Queues the attempt after `attempts` (0: the first), in `delayMs`. */
  async dispatch(outboxId: string, attempts = 0, delayMs = 0): Promise<void> {
    await this.jobs.add(
      JobName.SendMail,
      { outboxId },
      {
        jobId: sendJobId(outboxId, attempts),
        ...(delayMs > 0 ? { delay: Math.ceil(delayMs) } : {}),
      },
    );
  }

  /** Write and dispatch outside any business transaction. */
  async send(message: OutboxMessage): Promise<string> {
    return this.uow.run((tx) => this.write(tx, message));
  }

  /**
   * An operator's resend of a failed row: back to pending (a fresh run of retries), marked
   * resolved (it no longer degrades /health), and dispatched again.
   */
  async requeue(id: string, now: Date): Promise<void> {
    const row = await this.rows.find(id);
    if (!row) return;
    await this.rows.update(null, id, {
      status: 'pending',
      lastError: null,
      failure: null,
      firstFailedAt: null,
      nextAttemptAt: null,
      dataSentAt: null,
      resolvedAt: now,
    });
    const existing = await this.jobs.queue(QueueName.Mail).getJob(sendJobId(id, row.attempts));
    if (existing) await existing.remove();
    await this.dispatch(id, row.attempts);
  }

  async find(id: string): Promise<MailOutbox | null> {
    return this.rows.find(id);
  }
}
