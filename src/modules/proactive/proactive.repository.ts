import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { RowValues } from './domain/figures';
import type { Category } from './domain/register';

export interface ItemRow {
  readonly id: string;
  readonly agencyId: string;
  readonly publishedOn: string;
  readonly category: Category;
  readonly online: boolean;
  readonly title: string;
  readonly itemKey: string;
  readonly createdBy: string | null;
}
export interface FigureRow {
  readonly agencyId: string;
  readonly year: number;
  readonly item: string;
  readonly values: RowValues;
  readonly updatedBy: string | null;
}

const where = (subtree: boolean) => (subtree ? 'a.path LIKE $1' : 'a.path = $1');
const pathArg = (path: string, subtree: boolean) => (subtree ? `${path}%` : path);

/** The register's and the figures' reads and writes. */
@Injectable()
export class ProactiveRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  agencies(): Promise<Array<{ id: string; code: string }>> {
    return this.db.query(`SELECT id, code FROM agency`);
  }

  /** Inserts register items; an item already there (same agency and key) is left alone. */
  async insertItems(m: EntityManager, rows: readonly ItemRow[]): Promise<number> {
    let created = 0;
    for (let i = 0; i < rows.length; i += 5_000) {
      const b = rows.slice(i, i + 5_000);
      const out = await m.query<unknown[]>(
        `INSERT INTO proactive_item (id, agency_id, published_on, category, online, title, item_key, created_by)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::text[], $5::boolean[], $6::text[], $7::text[], $8::uuid[])
         ON CONFLICT (agency_id, item_key) DO NOTHING RETURNING 1`,
        [
          b.map((r) => r.id),
          b.map((r) => r.agencyId),
          b.map((r) => r.publishedOn),
          b.map((r) => r.category),
          b.map((r) => r.online),
          b.map((r) => r.title),
          b.map((r) => r.itemKey),
          b.map((r) => r.createdBy),
        ],
      );
      created += out.length;
    }
    return created;
  }

  /** Writes figures; counts rows created and changed (an identical row is not touched). */
  async upsertFigures(
    m: EntityManager,
    rows: readonly FigureRow[],
  ): Promise<{ created: number; changed: number }> {
    let created = 0;
    let changed = 0;
    for (const r of rows) {
      const out = await m.query<Array<{ inserted: boolean }>>(
        `INSERT INTO proactive_figure (agency_id, year, item, values, updated_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (agency_id, year, item) DO UPDATE SET values = EXCLUDED.values, updated_by = EXCLUDED.updated_by, updated_at = now()
          WHERE proactive_figure.values IS DISTINCT FROM EXCLUDED.values
         RETURNING (xmax = 0) AS inserted`,
        [r.agencyId, r.year, r.item, JSON.stringify(r.values), r.updatedBy],
      );
      if (out[0]?.inserted) created++;
      else if (out.length) changed++;
    }
    return { created, changed };
  }

  /** Register items of the year per agency, category and channel. */
  async registerCounts(
    path: string,
    subtree: boolean,
    year: number,
  ): Promise<Array<{ agency_path: string; category: Category; online: boolean; n: number }>> {
    return this.db.query(
      `SELECT a.path AS agency_path, i.category, i.online, count(*)::int AS n
         FROM proactive_item i JOIN agency a ON a.id = i.agency_id
        WHERE ${where(subtree)} AND i.published_on BETWEEN $2 AND $3
        GROUP BY a.path, i.category, i.online`,
      [pathArg(path, subtree), `${year}-01-01`, `${year}-12-31`],
    );
  }

  /** Figures entered for the year by the agency (or its subtree). */
  figures(
    path: string,
    subtree: boolean,
    year: number,
  ): Promise<Array<{ agency_path: string; item: string; values: RowValues }>> {
    return this.db.query(
      `SELECT a.path AS agency_path, f.item, f.values
         FROM proactive_figure f JOIN agency a ON a.id = f.agency_id
        WHERE ${where(subtree)} AND f.year = $2`,
      [pathArg(path, subtree), year],
    );
  }
}
