import { Injectable } from '@nestjs/common';
import type { SelectQueryBuilder } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { CaseClock } from '../requests/case-clock.service';
import { CasesRepository } from '../requests/cases.repository';
import type { RequestCase } from '../requests/request-case.entity';
import { NOT_REPLIES } from './supervision-figures.repository';

/**
 * The working days a reply took, pauses excluded (the case clock's pauses on the agency's
 * calendar, anchor to first conclusion): one definition for the supervisors' statistics and the
 * public statistics page.
 */
@Injectable()
export class ReplyNetDays {
  constructor(
    private readonly calendars: CalendarService,
    private readonly caseClock: CaseClock,
    private readonly cases: CasesRepository,
  ) {}

  /** Narrows a case query (alias `c`) to replies first concluded in `year` (D-17). */
  repliedIn<T extends object>(qb: SelectQueryBuilder<T>, year: number): SelectQueryBuilder<T> {
    return qb
      .andWhere('c.concluded_on >= :from AND c.concluded_on <= :to', {
        from: `${year}-01-01`,
        to: `${year}-12-31`,
      })
      .andWhere('c.conclusion_type NOT IN (:...notReplies)', { notReplies: NOT_REPLIES });
  }

  /** Net working days from the anchor to the first conclusion; null without both. */
  async of(c: RequestCase): Promise<number | null> {
    if (!c.concludedOn || !c.anchorOn) return null;
    const cal = await this.calendars.calendarFor(c.agencyId);
    const clock = this.caseClock.compute(cal, c, await this.cases.ledgerOnPool(c.id));
    return cal.countWorkingDays(
      c.anchorOn,
      c.concludedOn,
      clock?.pauses.map((x) => [x.start, x.end] as [string, string | null]) ?? [],
    );
  }
}
