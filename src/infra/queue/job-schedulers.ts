import { Inject, Injectable } from '@nestjs/common';
import type { RepeatOptions } from 'bullmq';
import { Clock } from '../clock/clock';
import { JobQueue } from './job-queue';
import { JOB_QUEUE, JobName, type QueueName } from './queue-names';

type ScheduledJob =
  | typeof JobName.ReconcileDeadlines
  | typeof JobName.SupervisorDigest
  | typeof JobName.SupervisorWeekly
  | typeof JobName.ReconcileOutbox;

/**
 * Every BullMQ job scheduler (the scheduler id is the job name). They live in Redis, so a wipe
 * removes them: the worker's upkeep re-creates a missing one on its next round.
 */
export const JOB_SCHEDULERS: Readonly<Record<ScheduledJob, Omit<RepeatOptions, 'key'>>> = {
  [JobName.ReconcileDeadlines]: { every: 2 * 60_000 },
  [JobName.ReconcileOutbox]: { every: 60_000 },
  [JobName.SupervisorDigest]: { pattern: '0 9 * * *', tz: 'Asia/Shanghai' },
  [JobName.SupervisorWeekly]: { pattern: '5 9 * * 1', tz: 'Asia/Shanghai' },
};

export interface SchedulerCheck {
  /** Schedulers found in Redis before this check. */
  readonly present: string[];
  /** Schedulers that were missing (and have been re-created). */
  readonly missing: string[];
}

/** Checks that every scheduler exists in Redis and re-creates those that do not. */
@Injectable()
export class JobSchedulers {
  constructor(
    private readonly jobs: JobQueue,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Creates or updates the schedulers of `queue` (at worker start: picks up changed timings). */
  async upsertAll(queue: QueueName): Promise<void> {
    for (const [name, repeat] of Object.entries(JOB_SCHEDULERS) as Array<
      [ScheduledJob, RepeatOptions]
    >) {
      if (JOB_QUEUE[name] !== queue) continue;
      await this.jobs.queue(queue).upsertJobScheduler(name, repeat, {
        name,
        data: { requestedAt: this.clock.now().toISOString() },
      });
    }
  }

  async ensure(queues?: readonly QueueName[]): Promise<SchedulerCheck> {
    const present: string[] = [];
    const missing: string[] = [];
    for (const [name, repeat] of Object.entries(JOB_SCHEDULERS) as Array<
      [ScheduledJob, RepeatOptions]
    >) {
      const queue = this.jobs.queue(JOB_QUEUE[name]);
      if (queues && !queues.includes(JOB_QUEUE[name])) continue;
      if (await queue.getJobScheduler(name)) {
        present.push(name);
        continue;
      }
      missing.push(name);
      await queue.upsertJobScheduler(name, repeat, {
        name,
        data: { requestedAt: this.clock.now().toISOString() },
      });
    }
    return { present, missing };
  }
}
