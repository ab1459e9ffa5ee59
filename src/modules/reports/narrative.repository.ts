import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** The saved narrative sections of a report. */
@Injectable()
export class NarrativeRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async saved(agencyId: string, year: number, subtree: boolean): Promise<Record<string, string>> {
    const rows = await this.db.query<Array<{ section: string; text: string }>>(
      `SELECT section, text FROM report_narrative WHERE agency_id = $1 AND year = $2 AND subtree = $3`,
      [agencyId, year, subtree],
    );
    return Object.fromEntries(rows.map((r) => [r.section, r.text]));
  }

  async save(
    m: EntityManager,
    row: {
      agencyId: string;
      year: number;
      subtree: boolean;
      section: string;
      text: string;
      by: string;
    },
  ): Promise<{ updatedAt: Date }> {
    const [out] = await m.query<Array<{ updated_at: Date }>>(
      `INSERT INTO report_narrative (agency_id, year, subtree, section, text, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (agency_id, year, subtree, section)
       DO UPDATE SET text = EXCLUDED.text, updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING updated_at`,
      [row.agencyId, row.year, row.subtree, row.section, row.text, row.by],
    );
    return { updatedAt: out.updated_at };
  }
}
