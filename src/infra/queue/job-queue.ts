import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { JobsOptions, Queue } from 'bullmq';
import { JOB_QUEUE, JobName, type JobPayloads, QueueName } from './queue-names';

/**
 * Typed producer for every queue: `add(JobName.SendMail, { outboxId })` picks the right
 * queue and checks the payload type.
 */
@Injectable()
export class JobQueue {
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    @InjectQueue(QueueName.Mail) mail: Queue,
    @InjectQueue(QueueName.Maintenance) maintenance: Queue,
    @InjectQueue(QueueName.Deadlines) deadlines: Queue,
  ) {
    this.queues = {
      [QueueName.Mail]: mail,
      [QueueName.Maintenance]: maintenance,
      [QueueName.Deadlines]: deadlines,
    };
  }

  async add<J extends JobName>(
    name: J,
    data: JobPayloads[J],
    opts: JobsOptions = {},
  ): Promise<void> {
    await this.queue(JOB_QUEUE[name]).add(name, data, opts);
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }

  all(): Queue[] {
    return Object.values(this.queues);
  }
}
