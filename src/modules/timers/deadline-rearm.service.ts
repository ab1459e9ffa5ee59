import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../infra/clock/clock';
import { JobQueue } from '../../infra/queue/job-queue';
import { QueueName } from '../../infra/queue/queue-names';
import { RedisClient } from '../../infra/queue/redis-client';
import { CalendarService } from '../calendar/calendar.service';
import type { WorkingCalendar } from '../calendar/domain/working-calendar';
import { DeadlineBook, tickJobId } from './deadline-book.service';
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

  async page(page: readonly Deadline[], dbNow: Date): Promise<RearmCount> {
    const fired = await this.deadlines.firedEffectsOfMany(page);
    const calendars = new Map<string, WorkingCalendar>();
    const now = this.clock.now();
    const plans: Array<{ d: Deadline; next: Date; id: string }> = [];
    const done: Array<{ d: Deadline; next: null }> = [];
    for (const d of page) {
      let cal = calendars.get(d.agencyId);
      if (!cal) calendars.set(d.agencyId, (cal = await this.calendars.calendarFor(d.agencyId)));
      const next = this.book.nextMomentIn(cal, d, fired.get(effectsKey(d)) ?? new Set(), now);
      // Every effect already happened: just record the version as handled.
      if (!next) {
        if (d.armedVersion !== d.version) done.push({ d, next: null });
        continue;
      }
      plans.push({ d, next, id: tickJobId(d, next) });
    }
    const states = await this.jobStates(plans.map((p) => p.id));
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
