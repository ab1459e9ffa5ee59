import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Rows of one entity to insert, given as entity objects (property names). */
export interface InsertRows<T extends ObjectLiteral = ObjectLiteral> {
  readonly target: EntityTarget<T>;
  readonly rows: readonly Partial<T>[];
  /**
   * Columns (database names) computed in SQL instead of given, e.g. the next round of a
   * history: an expression over the row's other columns as `r.<column>` (and, with a
   * `Numbering`, the numbers taken as `v.<name>`). Trusted code only.
   */
  readonly computed?: Readonly<Record<string, string>>;
}

/** Binds a value as the statement's next parameter and returns its placeholder (`$n`). */
export type Bind = (value: unknown) => string;

/** A value derived in SQL from the numbers taken (see `Numbering`). */
export interface NumberFill {
  /** Its column in `v`. */
  readonly name: string;
  /** Replaced by the value wherever it occurs in the rows (letters and digits only). */
  readonly token?: string;
  /**
   * Its SQL expression over the counter's `RETURNING` columns and the earlier fills;
   * `filled(text)` wraps a text expression in the replacement of every earlier fill's token.
   */
  readonly sql: (bind: Bind, filled: (text: string) => string) => string;
}

/**
 * Numbers taken in the same statement as the rows that print them (a counter's
 * `UPDATE … RETURNING`, whose row lock is then held from this statement to COMMIT only): the
 * rows are given with placeholder tokens, which PostgreSQL replaces, in each table's JSON
 * before it is read, by the values derived from the counter's row.
 */
export interface Numbering {
  /** The data-modifying statement that takes the numbers: its `RETURNING` becomes `n`. */
  readonly take: (bind: Bind) => string;
  readonly fills: readonly NumberFill[];
}

/** The counter's `RETURNING` columns, every fill by name, and `now` (the transaction's). */
export type TakenNumbers = Readonly<Record<string, unknown>> & { readonly now: Date };

/**
 * Inserts rows of several tables in ONE statement: each table's rows go as one JSON parameter
 * through `json_populate_recordset` (PostgreSQL converts every value to its column's type; the
 * columns no row sets are left out, so their defaults apply), each INSERT a data-modifying CTE.
 * PostgreSQL runs every such CTE exactly once and checks foreign keys at the end of the
 * statement, so the rows may reference one another. Rows of one table are inserted in the order
 * given (identity columns follow it). One round trip instead of one per table.
 *
 * With `numbering`, the same statement first takes the numbers (CTE `n`), derives the fills
 * (CTEs `f1…`, the last one `v`) and answers them; without, it answers null.
 */
export async function insertMany(
  m: EntityManager,
  parts: readonly InsertRows[],
  numbering?: Numbering,
): Promise<TakenNumbers | null> {
  const ctes: string[] = [];
  const params: unknown[] = [];
  const bind: Bind = (value) => {
    params.push(value);
    return `$${params.length}`;
  };
  let filled = (text: string) => text;
  if (numbering) {
    ctes.push(`n AS (${numbering.take(bind)})`);
    let from = 'n';
    numbering.fills.forEach((fill, i) => {
      const name = i === numbering.fills.length - 1 ? 'v' : `f${i + 1}`;
      ctes.push(
        `${name} AS (SELECT ${from}.*, (${fill.sql(bind, filled)}) AS "${fill.name}" FROM ${from})`,
      );
      from = name;
      const before = filled;
      if (fill.token)
        filled = (text) => `replace(${before(text)}, '${fill.token}', "${fill.name}"::text)`;
    });
    if (from === 'n') ctes.push(`v AS (SELECT * FROM n)`);
  }
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
    const p = bind(JSON.stringify(json));
    const table = `"${meta.tableName}"`;
    const names = [
      ...present.map((c) => `"${c.databaseName}"`),
      ...Object.keys(computed).map((k) => `"${k}"`),
    ];
    const values = [...present.map((c) => `r."${c.databaseName}"`), ...Object.values(computed)];
    const source = numbering
      ? `v CROSS JOIN json_populate_recordset(null::${table}, (${filled(`${p}::text`)})::json) WITH ORDINALITY AS r`
      : `json_populate_recordset(null::${table}, ${p}::json) WITH ORDINALITY AS r`;
    ctes.push(
      `i${params.length} AS (INSERT INTO ${table} (${names.join(', ')}) SELECT ${values.join(', ')} FROM ${source} ORDER BY r.ordinality)`,
    );
  }
  if (ctes.length === 0) return null;
  const rows = await m.query<Array<Record<string, unknown>>>(
    `WITH ${ctes.join(',\n')} SELECT ${numbering ? 'v.*, now() AS now FROM v' : '1'}`,
    params,
  );
  return numbering ? (rows[0] as TakenNumbers) : null;
}
