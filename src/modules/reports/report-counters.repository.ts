import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CounterRow } from './domain/counters';

/** Reads the section 三 counters of an agency (or its subtree), summed, up to a year. */
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
}
