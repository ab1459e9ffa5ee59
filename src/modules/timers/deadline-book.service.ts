import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../infra/clock/clock';
import type { AppConfig } from '../../infra/config/app-config';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { Tx } from '../../infra/database/unit-of-work';
import { MetricsService } from '../../infra/metrics/metrics.service';
import { JobQueue } from '../../infra/queue/job-queue';
import { JobName, jobId, type JobPayloads } from '../../infra/queue/queue-names';
import { CalendarService } from '../calendar/calendar.service';
import type { LocalDate } from '../calendar/domain/local-date';
import type { WorkingCalendar } from '../calendar/domain/working-calendar';
import type { Deadline } from './deadline.entity';
import { DeadlinesRepository, effectsKey } from './deadlines.repository';
import type { DeadlineKind, DeadlineSubject } from '../../shared/domain/deadline-kind';
import { momentOf, planEffects } from './domain/effect-schedule';

/** The subject a set of deadlines belongs to. */
export interface SubjectRef {
  readonly type: DeadlineSubject;
  readonly id: string;
  /** The subject's partition year. */
  readonly year: number;
  /** Whose calendar governs the dates (R-WD-05). */
  readonly agencyId: string;
}

export interface DesiredDeadline {
  readonly kind: DeadlineKind;
  /** '' unless several deadlines of one kind exist (consultation or fee notice id). */
  readonly ref: string;
  readonly dueOn: LocalDate;
}

type DeadlineKey = Pick<Deadline, 'subjectType' | 'subjectId' | 'kind' | 'ref' | 'version'>;

/** Deterministic wake-up job id: one per deadline version and planned moment. */
export function tickJobId(d: DeadlineKey, moment: Date): string {
  return jobId(
    JobName.DeadlineTick,
    d.subjectType,
    d.subjectId,
    d.kind,
    d.ref || 'none',
    `v${d.version}`,
    `t${Math.floor(moment.getTime() / 1000)}`,
  );
}

/** The wake-up job's payload: the deadline version's key and the moment it wakes for. */
function tickPayload(d: Deadline, next: Date): JobPayloads[typeof JobName.DeadlineTick] {
  return {
    subjectType: d.subjectType,
    subjectId: d.subjectId,
    kind: d.kind,
    ref: d.ref,
    version: d.version,
    at: next.toISOString(),
  };
}

/**
 * The one narrow interface through which owners keep their legal dates: `sync` inside the
 * subject's unit of work writes the desired deadlines (a moved or ended one gets a new version)
 * and arms, after commit, one delayed BullMQ job per live version at its next effect moment.
 */
@Injectable()
export class DeadlineBook {
  constructor(
    private readonly deadlines: DeadlinesRepository,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobQueue,
    private readonly calendars: CalendarService,
    private readonly metrics: MetricsService,
  ) {}

  /**
   * Upserts the subject's desired deadlines in `tx` (one statement); after commit their new
   * versions are armed.
   */
  async sync(tx: Tx, s: SubjectRef, desired: readonly DesiredDeadline[]): Promise<void> {
    await this.deadlines.syncSubject(tx.m, s, desired);
    // Also re-arms a version whose arming failed earlier (Redis down at the last change).
    tx.afterCommit(`arm:${s.type}:${s.id}`, () => this.armSubject(s.type, s.id));
  }

  /** Arms the live deadlines of a subject whose current version has no job yet. */
  async armSubject(type: DeadlineSubject, id: string): Promise<void> {
    const ds = await this.deadlines.unarmedOfSubject(type, id);
    if (ds.length === 0) return;
    // One read of the fired effects, one addBulk, one UPDATE, however many deadlines.
    const fired = await this.deadlines.firedEffectsOfMany(ds);
    const now = this.clock.now();
    const plans: Array<{ d: Deadline; next: Date | null }> = [];
    for (const d of ds) {
      const cal = await this.calendars.calendarFor(d.agencyId);
      plans.push({
        d,
        next: this.nextMomentIn(cal, d, fired.get(effectsKey(d)) ?? new Set(), now),
      });
    }
    await this.armMany(plans);
  }

  /** Adds the wake-up job for the deadline's next effect (if any) and records the armed version. */
  async arm(
    d: Deadline,
    after: Date = this.clock.now(),
    busyJobId?: string,
    known?: Date | null,
  ): Promise<string | null> {
    const next = known !== undefined ? known : await this.nextMoment(d, after);
    if (next) {
      let id = tickJobId(d, next);
      // Re-arming from inside the job that woke too early: its own id is still taken.
      if (id === busyJobId) id = `${id}_again${this.clock.now().getTime()}`;
      await this.jobs.add(JobName.DeadlineTick, tickPayload(d, next), this.tickOptions(id, next));
      this.metrics.timersArmed.inc({ kind: d.kind });
    }
    await this.deadlines.markArmed(d);
    return next ? next.toISOString() : null;
  }

  /**
   * `arm` for a batch (the reconcile): one `addBulk` round trip to Redis and one UPDATE for the
   * armed versions; `next` null = every effect already happened (only the version is recorded).
   */
  async armMany(plans: ReadonlyArray<{ d: Deadline; next: Date | null }>): Promise<void> {
    const jobs = plans
      .filter((p): p is { d: Deadline; next: Date } => p.next !== null)
      .map(({ d, next }) => ({
        data: tickPayload(d, next),
        opts: this.tickOptions(tickJobId(d, next), next),
      }));
    await this.jobs.addBulk(JobName.DeadlineTick, jobs);
    for (const p of plans) if (p.next) this.metrics.timersArmed.inc({ kind: p.d.kind });
    await this.deadlines.markArmedMany(plans.map((p) => p.d));
  }

  private tickOptions(jobId: string, next: Date): { jobId: string; delay: number } {
    return { jobId, delay: Math.max(0, next.getTime() - this.clock.now().getTime()) };
  }

  /** The first planned effect moment strictly after `after`, or the earliest unfired past one. */
  async nextMoment(d: Deadline, after: Date): Promise<Date | null> {
    const cal = await this.calendars.calendarFor(d.agencyId);
    return this.nextMomentIn(cal, d, await this.deadlines.firedEffects(d), after);
  }

  /** `nextMoment` with the calendar and the fired effects already read (the reconcile's batches). */
  nextMomentIn(
    cal: WorkingCalendar,
    d: Deadline,
    fired: ReadonlySet<string>,
    after: Date,
  ): Date | null {
    return this.nextOfPlan(this.plannedMoments(cal, d.kind, d.dueOn), fired, after);
  }

  /**
   * The planned effects of a deadline of `kind` due on `dueOn`, earliest first, with their
   * moments: the same for every deadline of the same calendar, kind and due date (the reconcile
   * plans each once per pass).
   */
  plannedMoments(cal: WorkingCalendar, kind: DeadlineKind, dueOn: LocalDate): PlannedMoments {
    return planEffects(cal, kind, dueOn, this.config.timers.reminderDays)
      .map((e) => ({ effect: e.effect, at: momentOf(e) }))
      .sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  /** The first planned moment not fired: the earliest overdue one, else the next one. */
  nextOfPlan(plan: PlannedMoments, fired: ReadonlySet<string>, after: Date): Date | null {
    let next: Date | null = null;
    for (const p of plan) {
      if (fired.has(p.effect)) continue;
      if (p.at.getTime() <= after.getTime()) return p.at;
      next ??= p.at;
    }
    return next;
  }
}

/** Planned effects with their moments, earliest first. */
export type PlannedMoments = ReadonlyArray<{ readonly effect: string; readonly at: Date }>;
