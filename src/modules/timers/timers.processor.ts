import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { Clock } from '../../infra/clock/clock';
import { JobQueue } from '../../infra/queue/job-queue';
import { JobSchedulers } from '../../infra/queue/job-schedulers';
import type { QueueHandlers } from '../../infra/queue/job-handlers';
import { JobName, QueueName, type JobPayloads } from '../../infra/queue/queue-names';
import type { Job } from 'bullmq';
import { DeadlinesRepository } from './deadlines.repository';
import { TypedProcessor } from '../../infra/queue/typed-processor';
import { DeadlineReconciler } from './deadline-reconciler.service';
import { CalendarRecompute } from './calendar-recompute.service';
import { DeadlineTimerService } from './deadline-timer.service';
import { SupervisorDigestService } from './supervisor-digest.service';

/** The `deadlines` queue: wake-ups, reconcile, calendar recompute, supervisor digests. */
@Injectable()
export class TimersProcessor extends TypedProcessor<typeof QueueName.Deadlines> {
  protected readonly queueName = QueueName.Deadlines;

  constructor(
    private readonly timers: DeadlineTimerService,
    private readonly reconciler: DeadlineReconciler,
    private readonly recompute: CalendarRecompute,
    private readonly digests: SupervisorDigestService,
    private readonly jobs: JobQueue,
    private readonly schedulers: JobSchedulers,
    private readonly clock: Clock,
    private readonly logger: PinoLogger,
    private readonly deadlines: DeadlinesRepository,
  ) {
    super();
    this.logger.setContext(TimersProcessor.name);
  }

  protected handlers(): QueueHandlers<typeof QueueName.Deadlines> {
    return {
      [JobName.DeadlineTick]: async (tick, job) => {
        const outcome = await this.timers.tick(tick, job.id);
        if (outcome !== 'stale' && outcome.fired.length)
          this.logger.logger.info({ jobId: job.id, fired: outcome.fired }, 'deadline effects');
        return outcome;
      },
      [JobName.ReconcileDeadlines]: () => this.reconciler.reconcile(),
      [JobName.RecomputeDeadlines]: async ({ changeId }) => {
        const result = await this.recompute.recomputeAll(changeId);
        this.logger.logger.info(result, 'deadlines recomputed after a calendar change');
        return result;
      },
      [JobName.SupervisorDigest]: () => this.digests.daily(),
      [JobName.SupervisorWeekly]: () => this.digests.weekly(),
    };
  }

  /**
   * A tick has one attempt (JOB_OPTIONS): its retry is the reconcile. The version is marked
   * unarmed so that the next upkeep pass re-arms it; if PostgreSQL is down now, the full
   * verification finds the failed job later (every FULL_VERIFY_INTERVAL_MS).
   */
  protected override async onFailed(job: Job, err: Error): Promise<void> {
    if (job.name !== JobName.DeadlineTick) return;
    const tick = job.data as JobPayloads[typeof JobName.DeadlineTick];
    this.logger.logger.warn(
      { jobId: job.id, attempt: job.attemptsMade, err: err.message },
      'deadline tick failed; the reconcile re-arms it',
    );
    await this.deadlines.markUnarmed(tick);
  }

  /** The periodic jobs (idempotent), and one reconcile at start. */
  protected override async schedule(): Promise<void> {
    await this.schedulers.upsertAll(QueueName.Deadlines);
    await this.jobs.add(JobName.ReconcileDeadlines, {
      requestedAt: this.clock.now().toISOString(),
    });
  }
}
