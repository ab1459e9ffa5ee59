import { ROWS, resultRows, type ReportFormat } from './report-format';
import type { Table } from './section-three';

/** One result group of section 三 (（一）予以公开 … （六）其他处理) with its rows' 总计 figures. */
export interface OutcomeGroup {
  /** The level-2 label, exactly as the report prints it. */
  readonly label: string;
  readonly n: number;
  readonly rows: ReadonlyArray<{ readonly id: string; readonly label: string; readonly n: number }>;
}

/**
 * The outcome mix of a section 三 table: the result rows of the format (D-10) grouped under their
 * level-2 labels, each with its 总计 column. The groups add up to （七）总计 (R-AR-11).
 */
export function outcomeMix(table: Table, format: ReportFormat): OutcomeGroup[] {
  const ids = new Set(resultRows(format));
  const groups = new Map<string, { label: string; rows: OutcomeGroup['rows'][number][] }>();
  for (const row of ROWS[format]) {
    if (!ids.has(row.id) || !row.l2) continue;
    const g = groups.get(row.l2) ?? { label: row.l2, rows: [] };
    g.rows.push({ id: row.id, label: row.l3 ?? row.l2, n: table[row.id]?.tot ?? 0 });
    groups.set(row.l2, g);
  }
  return [...groups.values()].map((g) => ({
    ...g,
    n: g.rows.reduce((a, r) => a + r.n, 0),
  }));
}
