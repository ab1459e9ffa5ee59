import { REPLY_TYPE_INFO, type ReplyType } from '../../law/domain/reply-type';
import { COLUMNS, ROWS, resultRows, rowFor, type Column, type ReportFormat } from './report-format';
import type { Table } from './section-three';

/** One counter (summed over the agencies read): see ReportCounter. */
export interface CounterRow {
  readonly year: number;
  readonly kind: 'new' | 'concluded';
  /** The first conclusion's reply type; '' when it has none. */
  readonly conclusionType: string;
  readonly category: string;
  readonly n: number;
}

const zeroRow = () => Object.fromEntries(COLUMNS.map((c) => [c, 0])) as Record<Column, number>;

/**
 * Section 三 of `year` from the counters (every year up to it): 新收 and 办理结果 are the year's
 * counters; 结转下年度 of Y is everything received by 31 Dec of Y less everything concluded by
 * then, and 上年结转 the same for Y − 1 (R-AR-15 by construction). The same table as
 * `sectionThree` over the cases. Pure.
 */
export function sectionThreeFromCounters(
  counters: readonly CounterRow[],
  year: number,
  format: ReportFormat,
): { table: Table; unmapped: number } {
  const table: Table = Object.fromEntries(ROWS[format].map((r) => [r.id, zeroRow()]));
  const results = new Set(resultRows(format));
  let unmapped = 0;
  const add = (row: string, category: string, n: number) => {
    const t = table[row];
    if (!t) return;
    t[category as Column] += n;
    t.tot += n;
  };
  for (const c of counters) {
    if (c.year > year || c.n === 0) continue;
    const sign = c.kind === 'new' ? 1 : -1;
    add('carry_out', c.category, sign * c.n);
    if (c.year < year) add('carry_in', c.category, sign * c.n);
    if (c.year !== year) continue;
    if (c.kind === 'new') {
      add('new', c.category, c.n);
      continue;
    }
    add('r_total', c.category, c.n);
    if (format === '2008') continue;
    const row2021 = REPLY_TYPE_INFO[c.conclusionType as ReplyType]?.reportRow;
    const row = row2021 ? rowFor(format, row2021) : null;
    if (row && results.has(row)) add(row, c.category, c.n);
    else unmapped += c.n;
  }
  return { table, unmapped };
}
