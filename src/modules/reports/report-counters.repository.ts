import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CounterRow, RemedyCounterRow } from './domain/counters';

/** Reads the counters of an agency (or its subtree), summed: section 三 up to a year, 四 of a year. */
@Injectable()
export class ReportCountersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async upTo(path: string, subtree: boolean, year: number): Promise<CounterRow[]> {
    const rows = await this.db.query<
      Array<{
        year: number;
        kind: 'new' | 'concluded';
        conclusion_type: string;
        category: string;
        n: number;
      }>
    >(
      `SELECT rc.year, rc.kind, rc.conclusion_type, rc.category, sum(rc.n)::int AS n
         FROM report_counter rc JOIN agency a ON a.id = rc.agency_id
        WHERE ${subtree ? 'a.path LIKE $1' : 'a.path = $1'} AND rc.year <= $2
        GROUP BY 1, 2, 3, 4`,
      [subtree ? `${path}%` : path, year],
    );
    return rows.map((r) => ({
      year: r.year,
      kind: r.kind,
      conclusionType: r.conclusion_type,
      category: r.category,
      n: r.n,
    }));
  }

  /**
   * The section 四 counters of `year` for the agency (or its subtree), by the counting
   * agency's code (R-AR-21), with its path (the 2008 format groups a subtree by it).
   */
  async remediesOf(
    path: string,
    subtree: boolean,
    year: number,
  ): Promise<Array<RemedyCounterRow & { agencyPath: string }>> {
    const rows = await this.db.query<
      Array<{ agency_path: string; kind: string; result: string; n: number }>
    >(
      `SELECT a.path AS agency_path, rc.kind, rc.result, sum(rc.n)::int AS n
         FROM report_remedy_counter rc JOIN agency a ON a.code = rc.agency_code
        WHERE ${subtree ? 'a.path LIKE $1' : 'a.path = $1'} AND rc.year = $2 AND rc.n <> 0
        GROUP BY 1, 2, 3`,
      [subtree ? `${path}%` : path, year],
    );
    return rows.map((r) => ({
      agencyPath: r.agency_path,
      kind: r.kind,
      result: r.result,
      n: r.n,
    }));
  }
}
