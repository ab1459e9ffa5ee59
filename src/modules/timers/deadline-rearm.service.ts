import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../infra/clock/clock';
import { JobQueue } from '../../infra/queue/job-queue';
import { QueueName } from '../../infra/queue/queue-names';
import { CalendarService } from '../calendar/calendar.service';
import type { WorkingCalendar } from '../calendar/domain/working-calendar';
import { DeadlineBook, tickJobId } from './deadline-book.service';
import type { Deadline } from './deadline.entity';
import { DeadlinesRepository, effectsKey } from './deadlines.repository';

/** A never-armed version younger than this is left to its own after-commit arming in the count. */
const YOUNG_MS = 30_000;
/** Jobs armed at once (each also writes its row: bounded by the pool). */
const PARALLEL = 20;
const ALIVE = new Set(['delayed', 'waiting', 'active', 'prioritized', 'waiting-children']);

export interface RearmCount {
  /** Live deadlines looked at. */
  readonly checked: number;
  /** Of those, live deadlines that lacked a job (lost with Redis, or never armed for 30 s). */
  readonly missing: number;
  /** Jobs added (a missing one, or a version never recorded as armed). */
  readonly rearmed: number;
}

/** Checks one page of live deadlines against Redis and arms those whose job is missing. */
@Injectable()
export class DeadlineRearm {
  constructor(
    private readonly deadlines: DeadlinesRepository,
    private readonly book: DeadlineBook,
    private readonly calendars: CalendarService,
    private readonly jobs: JobQueue,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async page(page: readonly Deadline[], dbNow: Date): Promise<RearmCount> {
    const queue = this.jobs.queue(QueueName.Deadlines);
    const fired = await this.deadlines.firedEffectsOfMany(page);
    const calendars = new Map<string, WorkingCalendar>();
    const now = this.clock.now();
    const plans: Array<{ d: Deadline; next: Date; id: string }> = [];
    for (const d of page) {
      let cal = calendars.get(d.agencyId);
      if (!cal) calendars.set(d.agencyId, (cal = await this.calendars.calendarFor(d.agencyId)));
      const next = this.book.nextMomentIn(cal, d, fired.get(effectsKey(d)) ?? new Set(), now);
      // Every effect already happened: just record the version as handled.
      if (!next) {
        if (d.armedVersion !== d.version) await this.book.arm(d, now, undefined, null);
        continue;
      }
      plans.push({ d, next, id: tickJobId(d, next) });
    }
    const states = await Promise.all(plans.map((p) => queue.getJobState(p.id)));
    let missing = 0;
    const todo: Array<() => Promise<unknown>> = [];
    plans.forEach(({ d, next, id }, i) => {
      const alive = ALIVE.has(states[i]);
      if (alive && d.armedVersion === d.version) return;
      if (!alive) {
        const old = dbNow.getTime() - new Date(d.updatedAt).getTime() > YOUNG_MS;
        if (d.armedVersion === d.version || old) missing++;
      }
      todo.push(async () => {
        if (states[i] === 'completed' || states[i] === 'failed') await queue.remove(id);
        await this.book.arm(d, now, undefined, next);
      });
    });
    for (let i = 0; i < todo.length; i += PARALLEL)
      await Promise.all(todo.slice(i, i + PARALLEL).map((f) => f()));
    return { checked: page.length, missing, rearmed: todo.length };
  }
}
