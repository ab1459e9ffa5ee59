import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../infra/clock/clock';
import { Refusal } from '../../shared/domain/refusal';
import type { Principal } from '../access/domain/principal';
import { CalendarService } from '../calendar/calendar.service';
import { CasesRepository } from '../requests/cases.repository';
import { CASE_SQL } from '../requests/domain/case-queries';
import { RequestsQueryService } from '../requests/requests-query.service';
import type { RequestSummaryView } from '../requests/request.views';
import { statsByAgencyMonth, type MonthStats, type ReplyFact } from './domain/stats';
import { agencySeries, monthlySeries, type AgencyPoint, type MonthPoint } from './domain/charts';
import { ReplyNetDays } from './reply-net-days';
import {
  SupervisionFiguresRepository,
  type FigureScope,
  type PendingExtension,
} from './supervision-figures.repository';

/** "At risk": due within this many working days (the board, the digest, the workbench). */
export const AT_RISK_WD = 5;

/** A row of the supervisors' board: the case's summary with its extension and deferral. */
export type BoardRow = RequestSummaryView & {
  extensionDays: number;
  deferralDue: string | null;
};

export interface SupervisionBoard {
  today: string;
  overdue: BoardRow[];
  atRisk: BoardRow[];
  extensions: PendingExtension[];
}

/** What supervisors watch: overdue and at-risk cases, on-time rate, net processing days. */
@Injectable()
export class SupervisionService {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    private readonly calendars: CalendarService,
    private readonly cases: CasesRepository,
    private readonly queries: RequestsQueryService,
    private readonly figures: SupervisionFiguresRepository,
    private readonly net: ReplyNetDays,
  ) {}

  /** Live cases of the principal's reach (imported historical cases are never supervised). */
  private async scoped(p: Principal, agencyCode?: string) {
    return this.cases.liveQuery(p.scope('cases.read'), await this.subtreeOf(p, agencyCode));
  }

  /** The path of the agency asked for, when it is within reach (else a 404 refusal). */
  private async subtreeOf(p: Principal, agencyCode?: string): Promise<string | undefined> {
    if (!agencyCode) return undefined;
    const agency = await this.cases.agencyByCode(agencyCode);
    if (!agency || !p.can('cases.read', agency.path))
      throw new Refusal('agency-not-found', { agency: agencyCode });
    return agency.path;
  }

  /** Open cases past their due date (the one definition of overdue), and those due within 5 WD. */
  async watchlist(
    p: Principal,
    agencyCode?: string,
  ): Promise<{ today: string; overdue: RequestSummaryView[]; atRisk: RequestSummaryView[] }> {
    const { today, items } = await this.watched(p, agencyCode);
    const views = items.map((i) => i.view);
    return {
      today,
      overdue: views.filter((v) => v.overdue),
      atRisk: views.filter((v) => !v.overdue),
    };
  }

  /**
   * The supervisors' board: the watchlist with what a supervisor must see at a glance — the
   * extension granted (D-5), the Art 35 deferral date (D-19), the late step (D-4) — and the
   * extension requests waiting for the OGI office head's decision (R-DL-03: before the due date).
   */
  async board(p: Principal, agencyCode?: string): Promise<SupervisionBoard> {
    const [{ today, items }, where] = await Promise.all([
      this.watched(p, agencyCode),
      this.figureScope(p, 'cases.approve', agencyCode),
    ]);
    const rows = items.map(({ view, c }) => ({
      ...view,
      extensionDays: c.extensionDays,
      deferralDue: c.deferralDue,
    }));
    return {
      today,
      overdue: rows.filter((v) => v.overdue),
      atRisk: rows.filter((v) => !v.overdue),
      extensions: await this.figures.pendingExtensions(where),
    };
  }

  /**
   * The charts' figures for `year` over the reach (or one agency's subtree): per month received
   * and replied (on time), and per agency; every case, live and imported, like the report.
   */
  async chartFigures(
    p: Principal,
    year: number,
    agencyCode?: string,
  ): Promise<{ months: MonthPoint[]; agencies: AgencyPoint[] }> {
    const where = await this.figureScope(p, 'cases.read', agencyCode);
    const [received, replies, agencies] = await Promise.all([
      this.figures.receivedByMonth(where, year),
      this.figures.repliesByMonth(where, year),
      this.figures.byAgency(where, year, this.clock.today()),
    ]);
    return { months: monthlySeries(year, received, replies), agencies: agencySeries(agencies) };
  }

  private async figureScope(
    p: Principal,
    permission: 'cases.read' | 'cases.approve',
    agencyCode?: string,
  ): Promise<FigureScope> {
    return { scope: p.scope(permission), subtreePath: await this.subtreeOf(p, agencyCode) };
  }

  private async watched(p: Principal, agencyCode?: string) {
    const today = this.clock.today();
    const soon =
      (await this.calendars.calendarFor(null)).addWorkingDays(today, AT_RISK_WD).due ?? today;
    const qb = (await this.scoped(p, agencyCode))
      .andWhere(CASE_SQL.open('c'))
      .andWhere('(c.reply_due <= :soon OR c.late_since IS NOT NULL)', { soon })
      .orderBy('c.reply_due', 'ASC')
      .take(1000);
    const { entities, raw } = await qb.getRawAndEntities<{ a_code: string; a_name: string }>();
    return {
      today,
      items: entities.map((c, i) => ({
        c,
        view: this.queries.summary(c, raw[i].a_code, raw[i].a_name),
      })),
    };
  }

  /**
   * Per agency and month of the first conclusion by a reply (concludedOn, D-17): on time as the
   * case records it (R-DL-04) and net processing working days (pauses excluded).
   */
  async stats(p: Principal, year: number, agencyCode?: string): Promise<MonthStats[]> {
    const qb = this.net.repliedIn(await this.scoped(p, agencyCode), year);
    const { entities, raw } = await qb.getRawAndEntities<{ a_code: string }>();
    const facts: ReplyFact[] = [];
    for (const [i, c] of entities.entries()) {
      const netDays = await this.net.of(c);
      if (netDays === null || !c.concludedOn) continue;
      facts.push({
        agencyCode: raw[i].a_code,
        month: c.concludedOn.slice(0, 7),
        onTime: c.onTime === true,
        netDays,
      });
    }
    return statsByAgencyMonth(facts);
  }
}
