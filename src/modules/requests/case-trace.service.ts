import { Injectable } from '@nestjs/common';
import { yearOf } from '../calendar/domain/local-date';
import type { YearSummary } from '../calendar/domain/year-summary';
import { CalendarService } from '../calendar/calendar.service';
import type { ClockResult } from '../deadlines/domain/clock';
import type { DeadlineTrace } from '../deadlines/domain/trace';
import type { Principal } from '../access/domain/principal';
import { CaseAccess } from './case-access.service';
import { CaseClock } from './case-clock.service';
import { CasesRepository } from './cases.repository';

export interface CaseTrace {
  clock: ClockResult;
  trace: DeadlineTrace;
  /** The years the count passed through, with the holiday notice each relies on (R-WD-04). */
  years: Array<{ year: number; summary: YearSummary | null }>;
}

/**
 * Why a case is due when it is: the deadline engine's day-by-day trace of its reply count, from
 * the same ledger and the agency's calendar as the stored due dates (staff in reach only).
 */
@Injectable()
export class CaseTraceService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly access: CaseAccess,
    private readonly clock: CaseClock,
    private readonly calendars: CalendarService,
  ) {}

  async of(p: Principal, id: string): Promise<CaseTrace | null> {
    const { c } = await this.access.load(this.cases.reader, p, id, { applicantAllowed: false });
    const [ledger, cal, effective] = await Promise.all([
      this.cases.ledgerOnPool(c.id),
      this.clock.calendarOf(this.cases.reader, c),
      this.calendars.current(),
    ]);
    const r = this.clock.trace(cal, c, ledger);
    if (!r) return null;
    const years = [
      ...new Set([r.trace.anchor, ...r.trace.days.map((d) => d.date)].map(yearOf)),
    ].sort();
    const known = new Map(effective.years().map((y) => [y.year, y]));
    return { ...r, years: years.map((year) => ({ year, summary: known.get(year) ?? null })) };
  }
}
