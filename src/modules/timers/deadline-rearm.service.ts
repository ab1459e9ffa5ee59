import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../infra/clock/clock';
import { JobQueue } from '../../infra/queue/job-queue';
import { QueueName } from '../../infra/queue/queue-names';
import { RedisClient } from '../../infra/queue/redis-client';
import { CalendarService } from '../calendar/calendar.service';
import type { WorkingCalendar } from '../calendar/domain/working-calendar';
import { DeadlineBook, tickJobId, type PlannedMoments } from './deadline-book.service';
import type { Deadline } from './deadline.entity';
import { DeadlinesRepository, effectsKey } from './deadlines.repository';

/** A never-armed version younger than this is left to its own after-commit arming in the count. */
const YOUNG_MS = 30_000;

export interface RearmCount {
  /** Live deadlines looked at. */
  readonly checked: number;
  /** Of those, live deadlines that lacked a job (lost with Redis, or never armed for 30 s). */
  readonly missing: number;
  /** Jobs added (a missing one, or a version never recorded as armed). */
  readonly rearmed: number;
}

/**
 * Checks one page of live deadlines against Redis and arms those whose job is missing: one
 * pipelined presence check, one `addBulk` and one UPDATE per page, whatever its size.
 */
@Injectable()
export class DeadlineRearm {
  constructor(
    private readonly deadlines: DeadlinesRepository,
    private readonly book: DeadlineBook,
    private readonly calendars: CalendarService,
    private readonly jobs: JobQueue,
    @Inject(Clock) private readonly clock: Clock,
    private readonly redis: RedisClient,
  ) {}

  /**
   * `pass`: shared by the pages of one reconcile pass — the calendars and effect plans read and
   * computed once (deadlines of one agency, kind and due date share their plan), and whether
   * Redis was found wiped: then no job can be alive except those armed since, which `addBulk`
   * leaves as they are (same id), so the presence check is skipped.
   */
  async page(
    page: readonly Deadline[],
    dbNow: Date,
    pass: RearmPass = newPass(),
  ): Promise<RearmCount> {
    const fired = await this.deadlines.firedEffectsOfMany(page);
    const now = this.clock.now();
    const plans: Array<{ d: Deadline; next: Date; id: string }> = [];
    const done: Array<{ d: Deadline; next: null }> = [];
    const none: ReadonlySet<string> = new Set();
    for (const d of page) {
      let cal = pass.calendars.get(d.agencyId);
      if (!cal)
        pass.calendars.set(d.agencyId, (cal = await this.calendars.calendarFor(d.agencyId)));
      const planKey = `${d.agencyId}|${d.kind}|${d.dueOn}`;
      let plan = pass.plans.get(planKey);
      if (!plan) pass.plans.set(planKey, (plan = this.book.plannedMoments(cal, d.kind, d.dueOn)));
      const next = this.book.nextOfPlan(plan, fired.get(effectsKey(d)) ?? none, now);
      // Every effect already happened: just record the version as handled.
      if (!next) {
        if (d.armedVersion !== d.version) done.push({ d, next: null });
        continue;
      }
      plans.push({ d, next, id: tickJobId(d, next) });
    }
    const states: readonly JobPresence[] = pass.wiped
      ? plans.map(() => 'missing')
      : await this.jobStates(plans.map((p) => p.id));
    let missing = 0;
    const finished: string[] = [];
    const todo: Array<{ d: Deadline; next: Date | null }> = [...done];
    plans.forEach(({ d, next, id }, i) => {
      const alive = states[i] === 'alive';
      if (alive && d.armedVersion === d.version) return;
      if (!alive) {
        const old = dbNow.getTime() - new Date(d.updatedAt).getTime() > YOUNG_MS;
        if (d.armedVersion === d.version || old) missing++;
      }
      // A finished job keeps its id: remove it, or the add would be a no-op.
      if (states[i] === 'finished') finished.push(id);
      todo.push({ d, next });
    });
    const queue = this.jobs.queue(QueueName.Deadlines);
    for (const id of finished) await queue.remove(id);
    await this.book.armMany(todo);
    return { checked: page.length, missing, rearmed: todo.length - done.length };
  }

  /**
   * Whether each job exists, in one pipelined round trip: a job hash without `finishedOn` is
   * alive (delayed, waiting, active, prioritized or waiting for children); with it, completed or
   * failed; no hash, missing.
   */
  private async jobStates(ids: readonly string[]): Promise<JobPresence[]> {
    if (ids.length === 0) return [];
    const queue = this.jobs.queue(QueueName.Deadlines);
    const pipeline = this.redis.redis.pipeline();
    for (const id of ids) pipeline.hmget(queue.toKey(id), 'timestamp', 'finishedOn');
    const replies: Array<[Error | null, unknown]> = (await pipeline.exec()) ?? [];
    return replies.map(([err, reply]) => {
      if (err) throw err;
      const [timestamp, finishedOn] = reply as [string | null, string | null];
      return timestamp === null ? 'missing' : finishedOn === null ? 'alive' : 'finished';
    });
  }
}

type JobPresence = 'alive' | 'finished' | 'missing';

/** What the pages of one reconcile pass share (see `DeadlineRearm.page`). */
export interface RearmPass {
  readonly wiped: boolean;
  readonly calendars: Map<string, WorkingCalendar>;
  readonly plans: Map<string, PlannedMoments>;
}

export const newPass = (wiped = false): RearmPass => ({
  wiped,
  calendars: new Map(),
  plans: new Map(),
});
