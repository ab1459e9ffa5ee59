import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../infra/clock/clock';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/app-config';
import { MetricsService } from '../../infra/metrics/metrics.service';
import { JobQueue } from '../../infra/queue/job-queue';
import { RedisClient } from '../../infra/queue/redis-client';
import { JobName, jobId } from '../../infra/queue/queue-names';
import { CALENDAR_CURSOR } from './calendar-recompute.service';
import type { Deadline } from './deadline.entity';
import { DeadlinesRepository, FIRST_CURSOR, type Cursor } from './deadlines.repository';
import { DeadlineRearm, newPass, type RearmCount } from './deadline-rearm.service';
import { WorkerStateRepository } from './worker-state.repository';

const LOCK_KEY = 72_616_002;
/** worker_state: the outcome of the last reconcile pass (JSON `ReconcileRecord`), read by /health. */
export const RECONCILE_STATE = 'reconcile-deadlines';
/** worker_state: when every live deadline was last verified against Redis. */
export const FULL_VERIFY_STATE = 'reconcile-deadlines-full';
const PAGE = 1_000;

export interface ReconcileRecord extends RearmCount {
  /** `healing` while a pass that found Redis wiped runs; `done` after every pass. */
  readonly phase: 'healing' | 'done';
  /** Every live deadline was checked (marker missing, or the slow verification was due). */
  readonly full: boolean;
  /** The marker key was gone: Redis was wiped or lost its data. */
  readonly markerMissing: boolean;
  readonly durationMs: number;
}

export interface ReconcileOutcome {
  readonly rearmed: number;
  readonly skipped: boolean;
  readonly record?: ReconcileRecord;
}

/**
 * Redis is a disposable wake-up service: this re-arms every live deadline whose job is missing
 * (never armed, lost with Redis, or armed before a crash) — a past-due one fires at once — and
 * queues a recompute for calendar changes not handled yet. One instance at a time (advisory lock).
 *
 * Usually only deadlines never armed are checked (cheap at province scale). Every live deadline is
 * checked against Redis when the marker key is missing (Redis wiped, first start) and, because a
 * Redis with AOF `everysec` can lose its last second of jobs yet keep the marker, every
 * FULL_VERIFY_INTERVAL_MS as well.
 */
@Injectable()
export class DeadlineReconciler {
  constructor(
    private readonly deadlines: DeadlinesRepository,
    private readonly state: WorkerStateRepository,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobQueue,
    private readonly rearm: DeadlineRearm,
    private readonly redis: RedisClient,
    private readonly metrics: MetricsService,
  ) {}

  /** A key that lives as long as Redis keeps our jobs. */
  private get markerKey(): string {
    return `${this.config.redis.queuePrefix}:timers:armed-marker`;
  }

  async reconcile(): Promise<ReconcileOutcome> {
    const done = await this.state.exclusively(LOCK_KEY, () => this.pass());
    return done ?? { rearmed: 0, skipped: true };
  }

  private async pass(): Promise<ReconcileOutcome> {
    const started = process.hrtime.bigint();
    const markerMissing = (await this.redis.redis.exists(this.markerKey)) === 0;
    const verifiedAgo = await this.state.ageSeconds(FULL_VERIFY_STATE);
    const full =
      markerMissing ||
      (await this.interruptedHealing()) ||
      verifiedAgo === null ||
      verifiedAgo * 1000 >= this.config.upkeep.fullVerifyIntervalMs;
    if (markerMissing) {
      // Set first: a wipe during this pass removes it again and the next pass starts over.
      await this.redis.redis.set(this.markerKey, this.clock.now().toISOString());
      // Reported while it runs (a fresh Redis with no live deadline has nothing to heal).
      if ((await this.deadlines.livePage(FIRST_CURSOR, 1, false)).length)
        await this.state.record(RECONCILE_STATE, { phase: 'healing', full, markerMissing });
    }
    let count: RearmCount;
    try {
      count = await this.rearmAll(full, markerMissing);
    } catch (err) {
      if (markerMissing) await this.redis.redis.del(this.markerKey).catch(() => undefined);
      throw err;
    }
    await this.calendarBacklog();
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    const record: ReconcileRecord = { phase: 'done', full, markerMissing, durationMs, ...count };
    await this.state.record(RECONCILE_STATE, record);
    if (full) await this.state.record(FULL_VERIFY_STATE, { checked: count.checked });
    const labels = { reconcile: 'deadlines', pass: full ? 'full' : 'partial' };
    this.metrics.reconcileDuration.observe(labels, durationMs / 1000);
    this.metrics.reconcileRepaired.inc({ reconcile: 'deadlines' }, count.rearmed);
    return { rearmed: count.rearmed, skipped: false, record };
  }

  /** A worker died while healing a wiped Redis (the marker is back): finish with a full pass. */
  private async interruptedHealing(): Promise<boolean> {
    const last = await this.state.read(RECONCILE_STATE);
    try {
      return (JSON.parse(last?.value ?? '{}') as { phase?: string }).phase === 'healing';
    } catch {
      return false;
    }
  }

  private async rearmAll(full: boolean, wiped: boolean): Promise<RearmCount> {
    const total = { checked: 0, missing: 0, rearmed: 0 };
    const pass = newPass(wiped);
    const now = await this.state.dbNow();
    // Keyset paging on the live-key index: linear in the number of live deadlines. The next
    // page is read from PostgreSQL while the current one is armed in Redis.
    const after = (page: readonly Deadline[]): Cursor => {
      const last = page[page.length - 1];
      return [last.subjectType, last.subjectId, last.kind, last.ref];
    };
    const add = (c: RearmCount) => {
      total.checked += c.checked;
      total.missing += c.missing;
      total.rearmed += c.rearmed;
    };
    // Two pages in flight: one computes its plan while the other waits for Redis.
    let inFlight: Promise<RearmCount> | null = null;
    let page = await this.deadlines.livePage(FIRST_CURSOR, PAGE, !full);
    try {
      while (page.length > 0) {
        const next = this.deadlines.livePage(after(page), PAGE, !full);
        // Settled even when arming throws: no unhandled rejection of the read ahead.
        next.catch(() => undefined);
        const armed = this.rearm.page(page, now, pass);
        armed.catch(() => undefined);
        if (inFlight) add(await inFlight);
        inFlight = armed;
        page = await next;
      }
      if (inFlight) add(await inFlight);
    } finally {
      // A failure leaves nothing running behind the pass (its lock is released after this).
      await inFlight?.catch(() => undefined);
    }
    return total;
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
