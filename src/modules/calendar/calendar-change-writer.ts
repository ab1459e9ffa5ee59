import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../../infra/clock/clock';
import type { CalendarChange } from './calendar-change';
import { CalendarChangeLog } from './calendar-change.entity';
import { CalendarChanges } from './calendar-changes';
import { CalendarService } from './calendar.service';
import { CalendarStore, toChange } from './calendar-store';

/** Arbitrary, fixed key: calendar changes are serialised, so change ids increase in commit order. */
const CALENDAR_LOCK_KEY = 72_616_002;

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
    @InjectDataSource() private readonly db: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    private readonly store: CalendarStore,
    private readonly calendar: CalendarService,
    private readonly changes: CalendarChanges,
  ) {}

  async run<T>(
    work: (tx: EntityManager) => Promise<ChangeOutcome<T>>,
  ): Promise<{ result: T; version: string; change: CalendarChange | null }> {
    const done = await this.db.transaction(async (tx) => {
      // The lock also makes max(id) of calendar_change grow in commit order (the version).
      await tx.query('SELECT pg_advisory_xact_lock($1)', [CALENDAR_LOCK_KEY]);
      const { result, change } = await work(tx);
      if (!change) return { result, version: await this.store.version(tx), change: null };
      const row = tx.getRepository(CalendarChangeLog).create({ ...change, at: this.clock.now() });
      await tx.getRepository(CalendarChangeLog).insert(row);
      return { result, version: row.id, change: toChange(row) };
    });
    if (done.change) {
      this.calendar.invalidate();
      await this.changes.publish(done.change);
    }
    return done;
  }
}
