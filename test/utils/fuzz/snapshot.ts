import type { DataSource } from 'typeorm';

/** Row count and newest row version (max xmin) of every table: what a refusal must not move. */
export type Snapshot = Map<string, string>;

export async function tablesOf(db: DataSource): Promise<string[]> {
  const rows = await db.query<Array<{ t: string }>>(
    `SELECT table_name AS t FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  return rows.map((r) => r.t);
}

export async function snapshot(db: DataSource, tables: readonly string[]): Promise<Snapshot> {
  const sql = tables
    .map(
      (t) =>
        `SELECT '${t}' AS t, count(*)::text || '/' || coalesce(max(xmin::text::bigint), 0)::text AS v FROM "${t}"`,
    )
    .join(' UNION ALL ');
  const rows = await db.query<Array<{ t: string; v: string }>>(sql);
  return new Map(rows.map((r) => [r.t, r.v]));
}

/** Tables whose count or newest version differs. */
export function changed(a: Snapshot, b: Snapshot, ignore: ReadonlySet<string>): string[] {
  return [...b.keys()].filter((t) => !ignore.has(t) && a.get(t) !== b.get(t));
}
