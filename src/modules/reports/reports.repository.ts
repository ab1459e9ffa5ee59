import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CaseGroup } from './domain/section-three';

export interface CaseRow {
  id: string;
  reference_no: string;
  agency_path: string;
  applicant_category: string;
  received_on: string | null;
  concluded_on: string | null;
  conclusion_type: string | null;
  on_time: boolean | null;
  topic: string | null;
}

export interface AgencyRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  path: string;
  depth: number;
}

/** The report's reads: cases, agencies and fees of an agency (or subtree), by date. */
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Agencies at `path` (and below it when `subtree`). */
  agencies(path: string, subtree: boolean): Promise<AgencyRow[]> {
    return this.db.query(
      `SELECT id, code, name, kind, path, depth FROM agency WHERE ${subtree ? 'path LIKE $1' : 'path = $1'} ORDER BY path`,
      [subtree ? `${path}%` : path],
    );
  }

  /**
   * Every case received by 31 Dec of `year` and not concluded before 1 Jan of `year` (what this
   * year's section 三 counts — and last year's 结转下年度, which is made of the same cases: those
   * received by 31 Dec of `year - 1` and still open then), with its agency's path.
   */
  cases(
    path: string,
    subtree: boolean,
    year: number,
    detail = true,
    /** Only the cases of this applicant category (one drill-down column). */
    category: string | null = null,
  ): Promise<CaseRow[]> {
    // Without `detail` only what section 三 counts (a third fewer bytes per row at scale).
    const cols = detail
      ? `c.id, c.reference_no, a.path AS agency_path, c.applicant_category,
         c.received_on::text AS received_on, c.concluded_on::text AS concluded_on,
         c.conclusion_type, c.on_time, c.topic`
      : `'' AS id, c.reference_no, '' AS agency_path, c.applicant_category,
         c.received_on::text AS received_on, c.concluded_on::text AS concluded_on,
         c.conclusion_type, c.on_time, NULL AS topic`;
    return this.db.query(
      `SELECT ${cols}
         FROM request_case c JOIN agency a ON a.id = c.agency_id
        WHERE ${subtree ? 'a.path LIKE $1' : 'a.path = $1'}
          AND c.received_on IS NOT NULL AND c.received_on <= $2
          AND (c.concluded_on IS NULL OR c.concluded_on >= $3)
          ${category ? 'AND c.applicant_category = $4' : ''}`,
      [
        subtree ? `${path}%` : path,
        `${year}-12-31`,
        `${year}-01-01`,
        ...(category ? [category] : []),
      ],
    );
  }

  /**
   * Section 三 of `year` counted by the database (the same cases as `cases`): one row per
   * combination of carried in or new, concluded in the year or not (with the reply type),
   * category and timeliness — a few hundred rows whatever the number of cases.
   */
  async caseGroups(path: string, subtree: boolean, year: number): Promise<CaseGroup[]> {
    const rows = await this.db.query<
      Array<{
        carried_in: boolean;
        concluded: boolean;
        conclusion_type: string | null;
        category: string;
        on_time: boolean | null;
        n: number;
      }>
    >(
      `SELECT c.received_on < $2 AS carried_in, coalesce(c.concluded_on <= $3, false) AS concluded,
              CASE WHEN c.concluded_on <= $3 THEN c.conclusion_type END AS conclusion_type,
              c.applicant_category AS category,
              CASE WHEN c.concluded_on <= $3 THEN c.on_time END AS on_time, count(*)::int AS n
         FROM request_case c JOIN agency a ON a.id = c.agency_id
        WHERE ${subtree ? 'a.path LIKE $1' : 'a.path = $1'}
          AND c.received_on IS NOT NULL AND c.received_on <= $3
          AND (c.concluded_on IS NULL OR c.concluded_on >= $2)
        GROUP BY 1, 2, 3, 4, 5`,
      [subtree ? `${path}%` : path, `${year}-01-01`, `${year}-12-31`],
    );
    return rows.map((r) => ({
      carriedIn: r.carried_in,
      concluded: r.concluded,
      conclusionType: r.conclusion_type,
      category: r.category as CaseGroup['category'],
      onTime: r.on_time,
      n: r.n,
    }));
  }

  /**
   * Reference numbers of the cases of one part of `year`'s section 三 (the selection of
   * `cases`): carried in (上年结转), carried out (结转下年度), or concluded in the year with a
   * reply type not in `mapped` (no result row: R-AR-11 names them).
   */
  async caseRefs(
    path: string,
    subtree: boolean,
    year: number,
    part: 'carry_in' | 'carry_out' | { unmappedExcept: readonly string[] },
  ): Promise<string[]> {
    const cond =
      part === 'carry_in'
        ? 'c.received_on < $2'
        : part === 'carry_out'
          ? '(c.concluded_on IS NULL OR c.concluded_on > $3)'
          : 'c.concluded_on <= $3 AND (c.conclusion_type IS NULL OR c.conclusion_type <> ALL($4))';
    const rows = await this.db.query<Array<{ reference_no: string }>>(
      `SELECT c.reference_no FROM request_case c JOIN agency a ON a.id = c.agency_id
        WHERE ${subtree ? 'a.path LIKE $1' : 'a.path = $1'}
          AND c.received_on IS NOT NULL AND c.received_on <= $3
          AND (c.concluded_on IS NULL OR c.concluded_on >= $2) AND ${cond}
        ORDER BY c.reference_no`,
      [
        subtree ? `${path}%` : path,
        `${year}-01-01`,
        `${year}-12-31`,
        ...(typeof part === 'object' ? [part.unmappedExcept] : []),
      ],
    );
    return rows.map((r) => r.reference_no);
  }

  /** Fees collected in the year per agency path: paid fee notices, and imported history. */
  async fees(
    path: string,
    subtree: boolean,
    year: number,
  ): Promise<Array<{ agency_path: string; yuan: number }>> {
    const rows = await this.db.query<Array<{ agency_path: string; yuan: string }>>(
      `SELECT a.path AS agency_path, sum(x.yuan)::text AS yuan FROM (
         SELECT c.agency_id, f.amount_yuan::numeric AS yuan
           FROM case_fee_notice f JOIN request_case c ON c.id = f.case_id
          WHERE f.paid_on BETWEEN $2 AND $3
         UNION ALL
         SELECT c.agency_id, c.imported_fee_yuan FROM request_case c
          WHERE c.imported_fee_yuan IS NOT NULL AND coalesce(c.concluded_on, c.received_on) BETWEEN $2 AND $3
       ) x JOIN agency a ON a.id = x.agency_id
        WHERE ${subtree ? 'a.path LIKE $1' : 'a.path = $1'}
        GROUP BY a.path`,
      [subtree ? `${path}%` : path, `${year}-01-01`, `${year}-12-31`],
    );
    return rows.map((r) => ({ agency_path: r.agency_path, yuan: Number(r.yuan) }));
  }

  /** Reference numbers of cases by id. */
  async referenceNos(ids: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.db.query<Array<{ id: string; reference_no: string }>>(
      `SELECT id, reference_no FROM request_case WHERE id = ANY($1)`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.reference_no]));
  }
}
