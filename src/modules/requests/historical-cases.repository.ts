import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { RequestCase } from './request-case.entity';

/** Bulk writes of imported historical cases (`source: import`). */
@Injectable()
export class HistoricalCasesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  agencies(): Promise<Array<{ id: string; code: string }>> {
    return this.db.query(`SELECT id, code FROM agency`);
  }

  /** External references already imported, per agency id. */
  async existing(
    m: EntityManager,
    agencyIds: readonly string[],
  ): Promise<Map<string, Set<string>>> {
    const rows = await m.query<Array<{ agency_id: string; external_ref: string }>>(
      `SELECT agency_id, external_ref FROM request_case WHERE external_ref IS NOT NULL AND agency_id = ANY($1)`,
      [agencyIds],
    );
    const out = new Map<string, Set<string>>();
    for (const r of rows) {
      const set = out.get(r.agency_id) ?? new Set<string>();
      set.add(r.external_ref);
      out.set(r.agency_id, set);
    }
    return out;
  }

  /**
   * The highest sequence of imported reference numbers per prefix (`DQ-GA-2013-H` of
   * `DQ-GA-2013-H000123`) — by the number itself, not by where the case is now: a case moved to
   * another agency (a successor) keeps its number, which must never be issued again.
   */
  async importedSeq(m: EntityManager): Promise<Map<string, number>> {
    const rows = await m.query<Array<{ prefix: string; seq: number }>>(
      `SELECT left(reference_no, length(reference_no) - 6) AS prefix,
              max(right(reference_no, 6)::int)::int AS seq
         FROM request_case WHERE source = 'import' GROUP BY 1`,
    );
    return new Map(rows.map((r) => [r.prefix, r.seq]));
  }

  async insert(m: EntityManager, rows: ReadonlyArray<Partial<RequestCase>>): Promise<void> {
    for (let i = 0; i < rows.length; i += 500)
      await m
        .createQueryBuilder()
        .insert()
        .into(RequestCase)
        .values(rows.slice(i, i + 500))
        .updateEntity(false)
        .execute();
  }
}
