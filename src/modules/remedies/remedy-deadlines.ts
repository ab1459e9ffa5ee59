import { Injectable } from '@nestjs/common';
import type { Tx } from '../../infra/database/unit-of-work';
import { CalendarService } from '../calendar/calendar.service';
import { DeadlineBook } from '../timers/deadline-book.service';
import { plannedRemedyDeadlines } from './domain/remedy-clocks';
import { factsOf } from './remedy-facts';
import type { Remedy } from './remedy.entity';

/** Keeps a remedy's deadline rows in step with it, through the timers' one narrow interface. */
@Injectable()
export class RemedyDeadlines {
  constructor(
    private readonly book: DeadlineBook,
    private readonly calendars: CalendarService,
  ) {}

  async sync(tx: Tx, r: Remedy): Promise<void> {
    const cal = await this.calendars.calendarFor(r.agencyId, tx.m);
    await this.book.sync(
      tx,
      { type: 'remedy', id: r.id, year: r.year, agencyId: r.agencyId },
      plannedRemedyDeadlines(cal, factsOf(r)),
    );
  }
}
