import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../infra/clock/clock';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/app-config';
import { JobQueue } from '../../infra/queue/job-queue';
import { RedisClient } from '../../infra/queue/redis-client';
import { JobName, jobId, QueueName } from '../../infra/queue/queue-names';
import { DeadlineBook, tickJobId } from './deadline-book.service';
import { CALENDAR_CURSOR } from './calendar-recompute.service';
import { DeadlinesRepository, FIRST_CURSOR } from './deadlines.repository';
import { WorkerStateRepository } from './worker-state.repository';

const LOCK_KEY = 72_616_002;
export const RECONCILE_STATE = 'reconcile-deadlines';

/**
 * Redis is a disposable wake-up service: this re-arms every live deadline whose job is missing
 * (never armed, lost with Redis, or armed before a crash) — a past-due one fires at once — and
 * queues a recompute for calendar changes not handled yet. One instance at a time (advisory lock).
 */
@Injectable()
export class DeadlineReconciler {
  constructor(
    private readonly deadlines: DeadlinesRepository,
    private readonly state: WorkerStateRepository,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobQueue,
    private readonly book: DeadlineBook,
    private readonly redis: RedisClient,
  ) {}

  /**
   * A key that lives as long as Redis keeps our jobs: when it is missing, Redis was wiped (or
   * this is the first run) and every live deadline is checked; otherwise only those never armed.
   */
  private get markerKey(): string {
    return `${this.config.redis.queuePrefix}:timers:armed-marker`;
  }

  async reconcile(): Promise<{ rearmed: number; skipped: boolean }> {
    const done = await this.state.exclusively(LOCK_KEY, async () => {
      const full = (await this.redis.redis.exists(this.markerKey)) === 0;
      const rearmed = await this.rearm(full);
      if (full) await this.redis.redis.set(this.markerKey, this.clock.now().toISOString());
      await this.calendarBacklog();
      await this.state.write(RECONCILE_STATE, String(rearmed), this.clock.now());
      return { rearmed, skipped: false };
    });
    return done ?? { rearmed: 0, skipped: true };
  }

  private async rearm(full: boolean): Promise<number> {
    const queue = this.jobs.queue(QueueName.Deadlines);
    let rearmed = 0;
    // Keyset paging on the primary key: linear in the number of live deadlines.
    let after: readonly [string, string, string, string] = FIRST_CURSOR;
    for (;;) {
      // Redis intact: only deadlines whose current version was never armed (a crash after commit).
      const page = await this.deadlines.livePage(after, 500, !full);
      if (page.length === 0) return rearmed;
      for (const d of page) {
        after = [d.subjectType, d.subjectId, d.kind, d.ref];
        const next = await this.book.nextMoment(d, this.clock.now());
        if (!next) {
          // Every effect already happened: just record the version as handled.
          if (d.armedVersion !== d.version)
            await this.book.arm(d, this.clock.now(), undefined, null);
          continue;
        }
        const job = await queue.getJob(tickJobId(d, next));
        const state = job ? await job.getState() : 'missing';
        if (
          d.armedVersion === d.version &&
          (state === 'delayed' ||
            state === 'waiting' ||
            state === 'active' ||
            state === 'prioritized')
        )
          continue;
        if (job && (state === 'completed' || state === 'failed')) await job.remove();
        await this.book.arm(d, this.clock.now(), undefined, next);
        rearmed++;
      }
    }
  }

  /** Calendar changes after the last one recomputed (made by any process): queue one recompute. */
  private async calendarBacklog(): Promise<void> {
    const max = await this.state.latestCalendarChange();
    if (!max) return;
    const done = (await this.state.read(CALENDAR_CURSOR))?.value ?? '0';
    if (BigInt(max) > BigInt(done)) {
      await this.jobs.add(
        JobName.RecomputeDeadlines,
        { changeId: max },
        { jobId: jobId(JobName.RecomputeDeadlines, max) },
      );
    }
  }
}
