import { Injectable } from '@nestjs/common';
import { CalendarService } from '../calendar/calendar.service';
import { CaseClock } from '../requests/case-clock.service';
import { CasesRepository } from '../requests/cases.repository';

/**
 * Outcomes that are not replies: no time-to-reply question arises. The same three as
 * SupervisionService.stats (its NOT_REPLIES), kept in step by the e2e test that compares them.
 */
const NOT_REPLIES = ['WITHDRAWN', 'ABANDONED_NO_CORRECTION', 'ABANDONED_FEE_UNPAID'];

/**
 * What the public statistics page needs of the supervision view, for everyone (no principal: the
 * figures are aggregates of an agency, never a case): the net working days to reply of the live
 * replies first concluded in a year (concludedOn, D-17), pauses excluded — computed exactly as
 * SupervisionService.stats does (the case clock's pauses, the agency's calendar).
 */
@Injectable()
export class PublicStatisticsService {
  constructor(
    private readonly calendars: CalendarService,
    private readonly caseClock: CaseClock,
    private readonly cases: CasesRepository,
  ) {}

  async netDays(agencyPath: string, subtree: boolean, year: number): Promise<number[]> {
    const scope = subtree
      ? { exact: [], prefixes: [agencyPath] }
      : { exact: [agencyPath], prefixes: [] };
    const entities = await this.cases
      .liveQuery(scope)
      .andWhere('c.concluded_on >= :from AND c.concluded_on <= :to', {
        from: `${year}-01-01`,
        to: `${year}-12-31`,
      })
      .andWhere('c.conclusion_type NOT IN (:...notReplies)', { notReplies: NOT_REPLIES })
      .getMany();
    const days: number[] = [];
    for (const c of entities) {
      if (!c.concludedOn || !c.anchorOn) continue;
      const cal = await this.calendars.calendarFor(c.agencyId);
      const clock = this.caseClock.compute(cal, c, await this.cases.ledgerOnPool(c.id));
      days.push(
        cal.countWorkingDays(
          c.anchorOn,
          c.concludedOn,
          clock?.pauses.map((x) => [x.start, x.end] as [string, string | null]) ?? [],
        ),
      );
    }
    return days;
  }
}
