import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import type { QueueHandlers } from '../../infra/queue/job-handlers';
import { JobName, QueueName } from '../../infra/queue/queue-names';
import { TypedProcessor } from '../../infra/queue/typed-processor';
import { MailSenderService } from './mail-sender.service';

@Injectable()
export class MailProcessor extends TypedProcessor<typeof QueueName.Mail> {
  protected readonly queueName = QueueName.Mail;

  constructor(
    private readonly sender: MailSenderService,
    private readonly logger: PinoLogger,
  ) {
    super();
    this.logger.setContext(MailProcessor.name);
  }

  protected handlers(): QueueHandlers<typeof QueueName.Mail> {
    return {
      [JobName.SendMail]: async ({ outboxId }, job) => {
        const outcome = await this.sender.send(outboxId);
        this.logger.logger.info(
          { jobId: job.id, attempt: job.attemptsMade + 1, outboxId, outcome },
          'send-mail done',
        );
        return outcome;
      },
    };
  }

  /**
   * A job that kept throwing (PostgreSQL away, a claim still in flight elsewhere) gives up its
   * BullMQ retries, never the row: it stays pending or sending, and the outbox reconcile
   * dispatches it again. SMTP outcomes are decided by the sender, not here.
   */
  protected override async onFailed(job: Job, err: Error): Promise<void> {
    if (job.name !== JobName.SendMail) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    this.logger.logger.warn(
      { jobId: job.id, attempt: job.attemptsMade, final, err: err.message },
      final
        ? 'send-mail job gave up; the outbox reconcile re-dispatches the row'
        : 'send-mail attempt failed; will retry',
    );
    return Promise.resolve();
  }
}
