import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork, type Tx } from '../../infra/database/unit-of-work';
import { JobQueue } from '../../infra/queue/job-queue';
import { JobName, jobId, QueueName } from '../../infra/queue/queue-names';
import type { MailOutbox, MailParams } from './mail-outbox.entity';
import { OutboxRepository } from './outbox.repository';
import type { Locale } from './templates/mail-template';

export interface OutboxMessage {
  template: string;
  to: string;
  params: MailParams;
  locale?: Locale;
}

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
    const id = randomUUID();
    await this.rows.insert(tx.m, {
      id,
      template: message.template,
      toAddress: message.to,
      params: message.params,
      locale: message.locale ?? 'zh-CN',
    });
    tx.afterCommit(`outbox:${id}`, () => this.dispatch(id));
    return id;
  }

  async dispatch(outboxId: string): Promise<void> {
    await this.jobs.add(
      JobName.SendMail,
      { outboxId },
      { jobId: jobId(JobName.SendMail, outboxId) },
    );
  }

  /** Write and dispatch outside any business transaction. */
  async send(message: OutboxMessage): Promise<string> {
    return this.uow.run((tx) => this.write(tx, message));
  }

  /** Back to pending (from failed or an interrupted send) and dispatched again. */
  async requeue(id: string): Promise<void> {
    await this.rows.update(null, id, { status: 'pending', lastError: null });
    const existing = await this.jobs.queue(QueueName.Mail).getJob(jobId(JobName.SendMail, id));
    if (existing) await existing.remove();
    await this.dispatch(id);
  }

  async find(id: string): Promise<MailOutbox | null> {
    return this.rows.find(id);
  }

  /** Pending rows created before `before`: candidates for re-dispatch. */
  pendingBefore(before: Date, limit = 500): Promise<string[]> {
    return this.rows.pendingBefore(before, limit);
  }
}
