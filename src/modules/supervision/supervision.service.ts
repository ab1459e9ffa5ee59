import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../infra/clock/clock';
import { Refusal } from '../../shared/domain/refusal';
import type { Principal } from '../access/domain/principal';
import { CalendarService } from '../calendar/calendar.service';
import { CaseClock } from '../requests/case-clock.service';
import { CasesRepository } from '../requests/cases.repository';
import { CASE_SQL } from '../requests/domain/case-queries';
import { RequestsQueryService } from '../requests/requests-query.service';
import type { RequestSummaryView } from '../requests/request.views';
import { statsByAgencyMonth, type MonthStats, type ReplyFact } from './domain/stats';

/** "At risk": due within this many working days (the board, the digest, the workbench). */
export const AT_RISK_WD = 5;
/** Outcomes that are not replies: no on-time question arises (D-17 counts them elsewhere). */
const NOT_REPLIES = ['WITHDRAWN', 'ABANDONED_NO_CORRECTION', 'ABANDONED_FEE_UNPAID'];

/** What supervisors watch: overdue and at-risk cases, on-time rate, net processing days. */
@Injectable()
export class SupervisionService {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    private readonly calendars: CalendarService,
    private readonly caseClock: CaseClock,
    private readonly cases: CasesRepository,
    private readonly queries: RequestsQueryService,
  ) {}

  /** Live cases of the principal's reach (imported historical cases are never supervised). */
  private async scoped(p: Principal, agencyCode?: string) {
    if (!agencyCode) return this.cases.liveQuery(p.scope('cases.read'));
    const agency = await this.cases.agencyByCode(agencyCode);
    if (!agency || !p.can('cases.read', agency.path))
      throw new Refusal('agency-not-found', { agency: agencyCode });
    return this.cases.liveQuery(p.scope('cases.read'), agency.path);
  }

  /** Open cases past their due date (the one definition of overdue), and those due within 5 WD. */
  async watchlist(
    p: Principal,
    agencyCode?: string,
  ): Promise<{ today: string; overdue: RequestSummaryView[]; atRisk: RequestSummaryView[] }> {
    const today = this.clock.today();
    const soon =
      (await this.calendars.calendarFor(null)).addWorkingDays(today, AT_RISK_WD).due ?? today;
    const qb = (await this.scoped(p, agencyCode))
      .andWhere(CASE_SQL.open('c'))
      .andWhere('(c.reply_due <= :soon OR c.late_since IS NOT NULL)', { soon })
      .orderBy('c.reply_due', 'ASC')
      .take(1000);
    const { entities, raw } = await qb.getRawAndEntities<{ a_code: string; a_name: string }>();
    const views = entities.map((c, i) => this.queries.summary(c, raw[i].a_code, raw[i].a_name));
    return {
      today,
      overdue: views.filter((v) => v.overdue),
      atRisk: views.filter((v) => !v.overdue),
    };
  }

  /**
   * Per agency and month of the first conclusion by a reply (concludedOn, D-17): on time as the
   * case records it (R-DL-04) and net processing working days (pauses excluded).
   */
  async stats(p: Principal, year: number, agencyCode?: string): Promise<MonthStats[]> {
    const qb = (await this.scoped(p, agencyCode))
      .andWhere('c.concluded_on >= :from AND c.concluded_on <= :to', {
        from: `${year}-01-01`,
        to: `${year}-12-31`,
      })
      .andWhere('c.conclusion_type NOT IN (:...notReplies)', { notReplies: NOT_REPLIES });
    const { entities, raw } = await qb.getRawAndEntities<{ a_code: string }>();
    const facts: ReplyFact[] = [];
    for (const [i, c] of entities.entries()) {
      if (!c.concludedOn || !c.anchorOn) continue;
      const cal = await this.calendars.calendarFor(c.agencyId);
      const clock = this.caseClock.compute(cal, c, await this.cases.ledgerOnPool(c.id));
      facts.push({
        agencyCode: raw[i].a_code,
        month: c.concludedOn.slice(0, 7),
        onTime: c.onTime === true,
        netDays: cal.countWorkingDays(
          c.anchorOn,
          c.concludedOn,
          clock?.pauses.map((x) => [x.start, x.end] as [string, string | null]) ?? [],
        ),
      });
    }
    return statsByAgencyMonth(facts);
  }
}
