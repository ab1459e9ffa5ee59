import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Rows of one entity to insert, given as entity objects (property names). */
export interface InsertRows<T extends ObjectLiteral = ObjectLiteral> {
  readonly target: EntityTarget<T>;
  readonly rows: readonly Partial<T>[];
  /**
   * Columns (database names) computed in SQL instead of given, e.g. the next round of a
   * history: an expression over the row's other columns as `r.<column>`. Trusted code only.
   */
  readonly computed?: Readonly<Record<string, string>>;
}

/**
 * Inserts rows of several tables in ONE statement: each table's rows go as one JSON parameter
 * through `json_populate_recordset` (PostgreSQL converts every value to its column's type; the
 * columns no row sets are left out, so their defaults apply), each INSERT a data-modifying CTE.
 * PostgreSQL runs every such CTE exactly once and checks foreign keys at the end of the
 * statement, so the rows may reference one another. Rows of one table are inserted in the order
 * given (identity columns follow it). One round trip instead of one per table.
 */
export async function insertMany(m: EntityManager, parts: readonly InsertRows[]): Promise<void> {
  const ctes: string[] = [];
  const params: string[] = [];
  for (const { target, rows, computed = {} } of parts) {
    if (rows.length === 0) continue;
    const meta = m.connection.getMetadata(target);
    const present = meta.columns.filter(
      (col) =>
        !(col.databaseName in computed) && rows.some((r) => col.getEntityValue(r) !== undefined),
    );
    const json = rows.map((r) => {
      const o: Record<string, unknown> = {};
      for (const col of present) o[col.databaseName] = col.getEntityValue(r) ?? null;
      return o;
    });
    params.push(JSON.stringify(json));
    const table = `"${meta.tableName}"`;
    const names = [
      ...present.map((c) => `"${c.databaseName}"`),
      ...Object.keys(computed).map((k) => `"${k}"`),
    ];
    const values = [...present.map((c) => `r."${c.databaseName}"`), ...Object.values(computed)];
    const n = params.length;
    ctes.push(
      `i${n} AS (INSERT INTO ${table} (${names.join(', ')}) SELECT ${values.join(', ')} FROM json_populate_recordset(null::${table}, $${n}::json) WITH ORDINALITY AS r ORDER BY r.ordinality)`,
    );
  }
  if (ctes.length === 0) return;
  await m.query(`WITH ${ctes.join(',\n')} SELECT 1`, params);
}
