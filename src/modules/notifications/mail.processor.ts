import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import type { JobOf, QueueHandlers } from '../../infra/queue/job-handlers';
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

  protected override async onFailed(job: Job, err: Error): Promise<void> {
    if (job.name !== JobName.SendMail) return;
    const mail = job as JobOf<typeof JobName.SendMail>;
    const final = mail.attemptsMade >= (mail.opts.attempts ?? 1);
    this.logger.logger.warn(
      { jobId: mail.id, attempt: mail.attemptsMade, final, err: err.message },
      final ? 'send-mail failed for good' : 'send-mail attempt failed; will retry',
    );
    if (final) await this.sender.markFailed(mail.data.outboxId);
  }
}
