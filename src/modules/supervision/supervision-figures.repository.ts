import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { LocalDate } from '../calendar/domain/local-date';
import type { AgencyScope } from '../access/domain/principal';
import { whereInScope } from '../agencies/agency-scope';
import { CASE_SQL } from '../requests/domain/case-queries';
import type { AgencyFigures, MonthCount, MonthReplies } from './domain/charts';

/** Outcomes that are not replies: no on-time question arises (D-17 counts them elsewhere). */
export const NOT_REPLIES = ['WITHDRAWN', 'ABANDONED_NO_CORRECTION', 'ABANDONED_FEE_UNPAID'];

/** Where the supervisor looks: the reach, optionally narrowed to one agency's subtree. */
export interface FigureScope {
  readonly scope: AgencyScope;
  readonly subtreePath?: string;
}

/** A pending extension request (Art 33(2), D-5) waiting for the OGI office head. */
export interface PendingExtension {
  readonly referenceNo: string;
  readonly title: string;
  readonly agencyName: string;
  readonly days: number;
  readonly reason: string;
  readonly requestedOn: LocalDate;
  readonly requestedBy: string;
  readonly replyDue: LocalDate | null;
}

/**
 * The supervisors' figures, grouped in PostgreSQL (a few dozen rows whatever the number of
 * cases), over every case of the reach — live and imported, like the annual report — and the
 * extension requests awaiting a decision.
 */
@Injectable()
export class SupervisionFiguresRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private cases(where: FigureScope): SelectQueryBuilder<object> {
    const qb = this.db
      .createQueryBuilder()
      .from('request_case', 'c')
      .innerJoin('agency', 'a', 'a.id = c.agency_id');
    whereInScope(qb, 'a.path', where.scope);
    if (where.subtreePath) qb.andWhere('a.path LIKE :sub', { sub: `${where.subtreePath}%` });
    return qb;
  }

  /** Requests received per month of `year` (D-11: by the day of receipt; never-received ones are not counted). */
  async receivedByMonth(where: FigureScope, year: number): Promise<MonthCount[]> {
    const rows = await this.cases(where)
      .select(`to_char(c.received_on, 'YYYY-MM')`, 'month')
      .addSelect('count(*)::int', 'n')
      .andWhere('c.received_on BETWEEN :from AND :to', yearRange(year))
      .groupBy('1')
      .getRawMany<MonthCount>();
    return rows;
  }

  /** Replies per month of the first conclusion in `year` (D-17) and how many were on time (R-DL-04). */
  async repliesByMonth(where: FigureScope, year: number): Promise<MonthReplies[]> {
    return this.cases(where)
      .select(`to_char(c.concluded_on, 'YYYY-MM')`, 'month')
      .addSelect('count(*)::int', 'replied')
      .addSelect('(count(*) FILTER (WHERE c.on_time))::int', 'onTime')
      .andWhere('c.concluded_on BETWEEN :from AND :to', yearRange(year))
      .andWhere('c.conclusion_type NOT IN (:...notReplies)', { notReplies: NOT_REPLIES })
      .groupBy('1')
      .getRawMany<MonthReplies>();
  }

  /** Per agency with at least one case: received and replied in `year`, on time, overdue today. */
  async byAgency(where: FigureScope, year: number, today: LocalDate): Promise<AgencyFigures[]> {
    return this.cases(where)
      .select('a.code', 'code')
      .addSelect('a.name', 'name')
      .addSelect('(count(*) FILTER (WHERE c.received_on BETWEEN :from AND :to))::int', 'received')
      .addSelect(`(count(*) FILTER (WHERE ${REPLIED_IN_YEAR}))::int`, 'replied')
      .addSelect(`(count(*) FILTER (WHERE ${REPLIED_IN_YEAR} AND c.on_time))::int`, 'onTime')
      .addSelect(`(count(*) FILTER (WHERE ${CASE_SQL.overdue('c', ':today')}))::int`, 'overdueNow')
      .setParameters({ ...yearRange(year), notReplies: NOT_REPLIES, today })
      .groupBy('a.code')
      .addGroupBy('a.name')
      .getRawMany<AgencyFigures>();
  }

  /** Extension requests not yet decided, on open cases within `scope`, the earliest due first. */
  async pendingExtensions(where: FigureScope): Promise<PendingExtension[]> {
    return this.cases(where)
      .innerJoin('case_extension', 'x', 'x.case_id = c.id AND x.decided_on IS NULL')
      .leftJoin('app_user', 'u', 'u.id = x.requested_by')
      .select('c.reference_no', 'referenceNo')
      .addSelect('c.title', 'title')
      .addSelect('a.name', 'agencyName')
      .addSelect('x.days', 'days')
      .addSelect('x.reason', 'reason')
      .addSelect(`to_char(x.requested_on, 'YYYY-MM-DD')`, 'requestedOn')
      .addSelect(`coalesce(u.display_name, '—')`, 'requestedBy')
      .addSelect(`to_char(c.reply_due, 'YYYY-MM-DD')`, 'replyDue')
      .andWhere(CASE_SQL.open('c'))
      .orderBy('c.reply_due', 'ASC', 'NULLS LAST')
      .addOrderBy('c.reference_no')
      .limit(500)
      .getRawMany<PendingExtension>();
  }
}

const REPLIED_IN_YEAR = `c.concluded_on BETWEEN :from AND :to AND c.conclusion_type NOT IN (:...notReplies)`;

function yearRange(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}
