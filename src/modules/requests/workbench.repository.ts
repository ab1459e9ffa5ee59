import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AgencyScope } from '../access/domain/principal';
import { whereInScope } from '../agencies/agency-scope';
import { Agency } from '../agencies/agency.entity';
import { escapeLike } from './domain/case-search';

/** What a clerk's workbench lists besides the queue: the clerks to assign to, payments to confirm. */
@Injectable()
export class WorkbenchRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Fee payments applicants reported that a clerk of `scope` has yet to confirm or reject (D-7). */
  reportedPayments(scope: AgencyScope): Promise<
    Array<{
      referenceNo: string;
      title: string;
      amountYuan: number;
      reportedOn: string;
      reportedPaidOn: string;
      paymentDue: string | null;
    }>
  > {
    const qb = this.db
      .createQueryBuilder()
      .select([
        'c.reference_no AS "referenceNo"',
        'c.title AS title',
        'f.amount_yuan AS "amountYuan"',
        'f.reported_on::text AS "reportedOn"',
        'f.reported_paid_on::text AS "reportedPaidOn"',
        'f.payment_due::text AS "paymentDue"',
      ])
      .from('case_fee_notice', 'f')
      .innerJoin('request_case', 'c', 'c.year = f.case_year AND c.id = f.case_id')
      .innerJoin(Agency, 'a', 'a.id = c.agency_id')
      // A rejection clears the report (fee-actions): what is reported and unpaid awaits a clerk.
      .where(`c.status = 'paused' AND f.paid_on IS NULL AND f.reported_on IS NOT NULL`);
    whereInScope(qb, 'a.path', scope);
    return qb.orderBy('f.reported_on').addOrderBy('c.reference_no').limit(200).getRawMany();
  }

  /** The active clerks of the agencies in `scope`, by name (whom those cases may be assigned to). */
  clerksOf(
    scope: AgencyScope,
  ): Promise<Array<{ id: string; displayName: string; agencyCode: string; agencyName: string }>> {
    return this.db.query(
      `SELECT u.id, u.display_name AS "displayName", a.code AS "agencyCode", a.name AS "agencyName"
         FROM role_assignment r
         JOIN app_user u ON u.id = r.user_id
         JOIN agency a ON a.id = r.agency_id
        WHERE r.role = 'clerk' AND u.active
          AND (a.path = ANY($1::text[]) OR a.path LIKE ANY($2::text[]))
        ORDER BY a.code, u.display_name, u.id`,
      [scope.exact, scope.prefixes.map((x) => `${escapeLike(x)}%`)],
    );
  }
}
