import { REPLY_TYPE_INFO, type ReplyType } from '../../law/domain/reply-type';
import {
  REMEDY_KINDS,
  REMEDY_RESULTS,
  type RemedyKind,
  type RemedyResult,
} from '../../remedies/domain/remedy';
import {
  columnOfOutcome,
  SECTION_FOUR_COLUMNS,
  type SectionFour,
} from '../../remedies/domain/section-four';
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

/** One section 四 counter (summed over the agencies read): see ReportRemedyCounter. */
export interface RemedyCounterRow {
  readonly kind: string;
  /** The latest outcome by 31 Dec of the counting year; '' while pending (尚未审结). */
  readonly result: string;
  readonly n: number;
}

/**
 * Section 四 of a year from its counters: each counter's column by D-14 (`columnOfOutcome`,
 * the same mapping as the count over the remedies), 总计 the sum of its group. A counter of an
 * unknown kind or result (written by a newer version) counts nowhere. Pure.
 */
export function sectionFourFromCounters(counters: readonly RemedyCounterRow[]): SectionFour {
  const out = Object.fromEntries(SECTION_FOUR_COLUMNS.map((c) => [c, 0])) as SectionFour;
  for (const c of counters) {
    if (!(REMEDY_KINDS as readonly string[]).includes(c.kind)) continue;
    if (c.result !== '' && !(REMEDY_RESULTS as readonly string[]).includes(c.result)) continue;
    const column = columnOfOutcome(c.kind as RemedyKind, (c.result || null) as RemedyResult | null);
    if (!column) continue;
    out[column] += c.n;
    out[`${column.slice(0, 2) as 'rv' | 'ld' | 'lr'}_total`] += c.n;
  }
  return out;
}
