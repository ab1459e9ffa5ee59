import { Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { JobsOptions, Queue } from 'bullmq';
import { JOB_OPTIONS } from './job-options';
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
    // Connection errors while Redis is down: one log line per queue every 10 s, not one per retry
    // on stderr (BullMQ prints unhandled queue errors with console.error).
    const log = new Logger(JobQueue.name);
    for (const q of Object.values(this.queues)) {
      let last = 0;
      q.on('error', (err: Error) => {
        if (Date.now() - last < 10_000) return;
        last = Date.now();
        log.warn(`queue ${q.name}: ${err.message}`);
      });
    }
  }

  async add<J extends JobName>(
    name: J,
    data: JobPayloads[J],
    opts: JobsOptions = {},
  ): Promise<void> {
    await this.queue(JOB_QUEUE[name]).add(name, data, { ...JOB_OPTIONS[name], ...opts });
  }

  /**
   * Many jobs of one name in one round trip (BullMQ `addBulk`; the default options and the
   * job's own `JOB_OPTIONS` applied).
   */
  async addBulk<J extends JobName>(
    name: J,
    jobs: ReadonlyArray<{ data: JobPayloads[J]; opts: JobsOptions }>,
  ): Promise<void> {
    if (jobs.length === 0) return;
    const own = JOB_OPTIONS[name];
    await this.queue(JOB_QUEUE[name]).addBulk(
      jobs.map((j) => ({ name, data: j.data, opts: own ? { ...own, ...j.opts } : j.opts })),
    );
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }

  all(): Queue[] {
    return Object.values(this.queues);
  }
}
