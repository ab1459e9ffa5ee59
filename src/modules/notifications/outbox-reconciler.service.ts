import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../infra/clock/clock';
import { JobQueue } from '../../infra/queue/job-queue';
import { JobName, jobId, QueueName } from '../../infra/queue/queue-names';
import { OutboxService } from './outbox.service';

/** Rows younger than this are left to their own dispatch. */
const GRACE_MS = 30_000;

/**
 * Redis is disposable: a pending outbox row whose job was lost (Redis wiped, process died
 * between commit and dispatch) is dispatched again. Sending is idempotent per row.
 */
@Injectable()
export class OutboxReconciler {
  constructor(
    private readonly outbox: OutboxService,
    @Inject(JobQueue) private readonly jobs: JobQueue,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async reconcile(): Promise<number> {
    const ids = await this.outbox.pendingBefore(new Date(this.clock.now().getTime() - GRACE_MS));
    const queue = this.jobs.queue(QueueName.Mail);
    let dispatched = 0;
    for (const id of ids) {
      const existing = await queue.getJob(jobId(JobName.SendMail, id));
      if (existing) {
        const state = await existing.getState();
        if (state !== 'completed' && state !== 'failed') continue;
        await existing.remove();
      }
      await this.outbox.dispatch(id);
      dispatched++;
    }
    return dispatched;
  }
}
