import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../infra/clock/clock';
import type { CalendarChange } from './calendar-change';
import { CalendarChanges } from './calendar-changes';
import { CalendarService } from './calendar.service';
import { CalendarRepository, toChange } from './calendar.repository';

export type NewCalendarChange = Omit<CalendarChange, 'id' | 'at'> & {
  readonly details: Record<string, string | number | boolean | null>;
};

export interface ChangeOutcome<T> {
  readonly result: T;
  /** Null when nothing changed (e.g. the identical notice imported again). */
  readonly change: NewCalendarChange | null;
}

/**
 * Runs one calendar change: in a transaction holding the calendar lock, `work` writes its rows
 * (and its audit entry); the calendar_change row — whose id becomes the new calendar version —
 * is written in the same transaction. After commit the local cache is invalidated and the
 * CalendarChanges listeners are told.
 */
@Injectable()
export class CalendarChangeWriter {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    private readonly store: CalendarRepository,
    private readonly calendar: CalendarService,
    private readonly changes: CalendarChanges,
  ) {}

  async run<T>(
    work: (tx: EntityManager) => Promise<ChangeOutcome<T>>,
  ): Promise<{ result: T; version: string; change: CalendarChange | null }> {
    const done = await this.store.inChange(async (tx) => {
      const { result, change } = await work(tx);
      if (!change) return { result, version: await this.store.version(tx), change: null };
      const row = await this.store.appendChange(tx, { ...change, at: this.clock.now() });
      return { result, version: row.id, change: toChange(row) };
    });
    if (done.change) {
      this.calendar.invalidate();
      await this.changes.publish(done.change);
    }
    return done;
  }
}
