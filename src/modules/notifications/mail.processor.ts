import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { JobName, type JobPayloads, QueueName } from '../../infra/queue/queue-names';
import { MailSenderService } from './mail-sender.service';

@Processor(QueueName.Mail)
export class MailProcessor extends WorkerHost {
  constructor(
    private readonly sender: MailSenderService,
    private readonly logger: PinoLogger,
  ) {
    super();
    this.logger.setContext(MailProcessor.name);
  }

  async process(job: Job<JobPayloads[typeof JobName.SendMail]>): Promise<string> {
    const log = this.logger.logger.child({
      jobId: job.id,
      job: job.name,
      attempt: job.attemptsMade + 1,
    });
    const outcome = await this.sender.send(job.data.outboxId);
    log.info({ outboxId: job.data.outboxId, outcome }, 'send-mail done');
    return outcome;
  }

  @OnWorkerEvent('failed')
  async onFailed(
    job: Job<JobPayloads[typeof JobName.SendMail]> | undefined,
    err: Error,
  ): Promise<void> {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    this.logger.logger.warn(
      { jobId: job.id, attempt: job.attemptsMade, final, err: err.message },
      final ? 'send-mail failed for good' : 'send-mail attempt failed; will retry',
    );
    if (final) await this.sender.markFailed(job.data.outboxId);
  }
}
