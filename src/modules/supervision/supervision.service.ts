import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../infra/clock/clock';
import { AppError, ErrorCode } from '../../infra/http/domain-error';
import { Agency } from '../agencies/agency.entity';
import { whereInScope } from '../agencies/agency-scope';
import type { Principal } from '../auth/domain/principal';
import { CaseCalendar } from '../requests/case-calendar';
import { CaseDeadlinesService } from '../requests/case-deadlines.service';
import { RequestCase } from '../requests/request-case.entity';
import { RequestsQueryService } from '../requests/requests-query.service';
import type { RequestSummaryView } from '../requests/request.views';
import { statsByAgencyMonth, type MonthStats, type ReplyFact } from './domain/stats';

const OPEN = ['received', 'in_progress', 'paused', 'correction_requested'];
const AT_RISK_WD = 5;

/** What supervisors watch: overdue and at-risk cases, on-time rate, net processing days. */
@Injectable()
export class SupervisionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    private readonly calendars: CaseCalendar,
    private readonly deadlines: CaseDeadlinesService,
    private readonly queries: RequestsQueryService,
  ) {}

  private async scoped(p: Principal, agencyCode?: string) {
    const qb = this.db.getRepository(RequestCase).createQueryBuilder('c').innerJoin(Agency, 'a', 'a.id = c.agency_id').addSelect(['a.code', 'a.name']);
    whereInScope(qb.where('true'), 'a.path', p.scope('cases.read'));
    if (agencyCode) {
      const agency = await this.db.getRepository(Agency).findOneBy({ code: agencyCode });
      if (!agency || !p.can('cases.read', agency.path)) throw new AppError(ErrorCode.NotFound, `No agency ${agencyCode} within your reach. 未找到该机构。`);
      qb.andWhere(`a.path LIKE :sub`, { sub: `${agency.path}%` });
    }
    return qb;
  }

  /** Open cases past their due date, and those due within 5 working days. */
  async watchlist(p: Principal, agencyCode?: string): Promise<{ today: string; overdue: RequestSummaryView[]; atRisk: RequestSummaryView[] }> {
    const today = this.clock.today();
    const soon = (await this.calendars.forAgency(null)).addWorkingDays(today, AT_RISK_WD).due ?? today;
    const qb = (await this.scoped(p, agencyCode)).andWhere('c.status IN (:...open)', { open: OPEN }).andWhere('c.reply_due <= :soon', { soon }).orderBy('c.reply_due', 'ASC').take(1000);
    const { entities, raw } = await qb.getRawAndEntities<{ a_code: string; a_name: string }>();
    const views = entities.map((c, i) => this.queries.summary(c, raw[i].a_code, raw[i].a_name));
    return { today, overdue: views.filter((v) => (v.replyDue as string) < today), atRisk: views.filter((v) => (v.replyDue as string) >= today) };
  }

  /** Per agency and month of reply: on-time rate and net processing days (pauses excluded). */
  async stats(p: Principal, year: number, agencyCode?: string): Promise<MonthStats[]> {
    const qb = (await this.scoped(p, agencyCode)).andWhere(`c.status = 'replied'`).andWhere('c.replied_on >= :from AND c.replied_on <= :to', { from: `${year}-01-01`, to: `${year}-12-31` });
    const { entities, raw } = await qb.getRawAndEntities<{ a_code: string }>();
    const facts: ReplyFact[] = [];
    for (const [i, c] of entities.entries()) {
      if (!c.repliedOn || !c.anchorOn) continue;
      const clock = await this.deadlines.compute(this.db.manager, c);
      const cal = await this.calendars.forAgency(c.agencyId);
      const done = c.servedOn ?? c.repliedOn;
      facts.push({
        agencyCode: raw[i].a_code,
        month: c.repliedOn.slice(0, 7),
        onTime: c.onTime ?? (c.replyDue !== null && done <= c.replyDue),
        netDays: cal.countWorkingDays(c.anchorOn, c.repliedOn, clock?.pauses.map((x) => [x.start, x.end] as [string, string | null]) ?? []),
      });
    }
    return statsByAgencyMonth(facts);
  }
}
