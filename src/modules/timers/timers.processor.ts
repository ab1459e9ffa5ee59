import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { Clock } from '../../infra/clock/clock';
import { JobQueue } from '../../infra/queue/job-queue';
import { JobName, type JobPayloads, QueueName } from '../../infra/queue/queue-names';
import { DeadlineReconciler } from './deadline-reconciler.service';
import { CalendarRecompute } from './calendar-recompute.service';
import { DeadlineTimerService } from './deadline-timer.service';
import { SupervisorDigestService } from './supervisor-digest.service';

const RECONCILE_EVERY_MS = 2 * 60_000;

/** The `deadlines` queue: wake-ups, reconcile, calendar recompute, supervisor digests. */
@Processor(QueueName.Deadlines)
export class TimersProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly timers: DeadlineTimerService,
    private readonly reconciler: DeadlineReconciler,
    private readonly recompute: CalendarRecompute,
    private readonly digests: SupervisorDigestService,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly logger: PinoLogger,
  ) {
    super();
    this.logger.setContext(TimersProcessor.name);
  }

  /** Schedules the periodic jobs (idempotent) and reconciles once at start. */
  async onApplicationBootstrap(): Promise<void> {
    const q = this.jobs.queue(QueueName.Deadlines);
    const data = { requestedAt: this.clock.now().toISOString() };
    await q.upsertJobScheduler(
      JobName.ReconcileDeadlines,
      { every: RECONCILE_EVERY_MS },
      { name: JobName.ReconcileDeadlines, data },
    );
    await q.upsertJobScheduler(
      JobName.SupervisorDigest,
      { pattern: '0 9 * * *', tz: 'Asia/Shanghai' },
      { name: JobName.SupervisorDigest, data },
    );
    await q.upsertJobScheduler(
      JobName.SupervisorWeekly,
      { pattern: '5 9 * * 1', tz: 'Asia/Shanghai' },
      { name: JobName.SupervisorWeekly, data },
    );
    await this.jobs.add(JobName.ReconcileDeadlines, data);
  }

  async process(job: Job): Promise<unknown> {
    const log = this.logger.logger.child({
      jobId: job.id,
      job: job.name,
      attempt: job.attemptsMade + 1,
    });
    const name = job.name as JobName;
    switch (name) {
      case JobName.DeadlineTick: {
        const outcome = await this.timers.tick(
          job.data as JobPayloads[typeof JobName.DeadlineTick],
          job.id,
        );
        if (outcome !== 'stale' && outcome.fired.length)
          log.info({ fired: outcome.fired }, 'deadline effects');
        return outcome;
      }
      case JobName.ReconcileDeadlines:
        return this.reconciler.reconcile();
      case JobName.RecomputeDeadlines: {
        const result = await this.recompute.recomputeAll(
          (job.data as JobPayloads[typeof JobName.RecomputeDeadlines]).changeId,
        );
        log.info(result, 'deadlines recomputed after a calendar change');
        return result;
      }
      case JobName.SupervisorDigest:
        return this.digests.daily();
      case JobName.SupervisorWeekly:
        return this.digests.weekly();
      case JobName.SendMail:
      case JobName.ReconcileOutbox:
        throw new Error(`job ${name} does not belong to the deadlines queue`);
    }
  }
}
