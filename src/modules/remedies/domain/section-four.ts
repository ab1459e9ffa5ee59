import type { LocalDate } from '../../calendar/domain/local-date';
import { RESULT_CLASS, type Defendant, type RemedyKind, type RemedyResult } from './remedy';

/** Section 四's column ids (DOMAIN §2.4), in order. */
export const SECTION_FOUR_COLUMNS = [
  'rv_keep',
  'rv_fix',
  'rv_other',
  'rv_pending',
  'rv_total',
  'ld_keep',
  'ld_fix',
  'ld_other',
  'ld_pending',
  'ld_total',
  'lr_keep',
  'lr_fix',
  'lr_other',
  'lr_pending',
  'lr_total',
] as const;
export type SectionFourColumn = (typeof SECTION_FOUR_COLUMNS)[number];
export type SectionFour = Record<SectionFourColumn, number>;

const GROUP: Partial<Record<RemedyKind, 'rv' | 'ld' | 'lr'>> = {
  reconsideration: 'rv',
  litigation_direct: 'ld',
  litigation_after_reconsideration: 'lr',
};

export interface CountedRemedy {
  readonly kind: RemedyKind;
  /** The day it counts from: reconsideration applied for, suit docketed (filed when not yet). */
  readonly countedOn: LocalDate;
  /** Every end it reached, in order: decisions of each instance, a withdrawal, a refusal. */
  readonly outcomes: ReadonlyArray<{ readonly on: LocalDate; readonly result: RemedyResult }>;
}

/**
 * D-16: a remedy counts in the year it was filed; its column is its state at 31 Dec of that year
 * — the latest outcome by then (a suit with an appeal counts once, with the latest instance
 * decided by 31 Dec), 尚未审结 when none. Complaints are not counted. R-AR-20: 总计 is the sum.
 */
export function sectionFour(remedies: readonly CountedRemedy[], year: number): SectionFour {
  const out = Object.fromEntries(SECTION_FOUR_COLUMNS.map((c) => [c, 0])) as SectionFour;
  for (const r of remedies) {
    const col = columnOf(r, year);
    if (!col) continue;
    out[col]++;
    out[`${col.slice(0, 2) as 'rv' | 'ld' | 'lr'}_total`]++;
  }
  return out;
}

/** Adds one remedy in `column` to `s` (and to its group's 总计). */
export function columnOfReport(s: SectionFour, column: SectionFourColumn): void {
  s[column]++;
  s[`${column.slice(0, 2) as 'rv' | 'ld' | 'lr'}_total`]++;
}

/** The column a remedy counts under in `year`'s report, or null when it does not count then. */
export function columnOf(r: CountedRemedy, year: number): SectionFourColumn | null {
  if (!GROUP[r.kind] || Number(r.countedOn.slice(0, 4)) !== year) return null;
  return columnOfOutcome(r.kind, outcomeAtYearEnd(r));
}

/** The latest outcome a remedy reached by 31 Dec of its counting year, null while pending. */
export function outcomeAtYearEnd(r: CountedRemedy): RemedyResult | null {
  const end = `${r.countedOn.slice(0, 4)}-12-31`;
  const byEnd = r.outcomes.filter((o) => o.on <= end);
  return byEnd[byEnd.length - 1]?.result ?? null;
}

/**
 * D-14: the column of a remedy of `kind` whose latest outcome by its year's end is `result`
 * (null: 尚未审结); null for complaints (not counted).
 */
export function columnOfOutcome(
  kind: RemedyKind,
  result: RemedyResult | null,
): SectionFourColumn | null {
  const g = GROUP[kind];
  if (!g) return null;
  return `${g}_${result ? RESULT_CLASS[result] : 'pending'}`;
}

/**
 * Which agency counts a remedy (R-AR-21, D-20): the original actor — unless the suit is against
 * the reconsideration body alone (it changed the act), which then counts it as its own. A
 * reconsideration body that is co-defendant only for upholding does not count it.
 */
export function countingAgencyCode(
  kind: RemedyKind,
  caseAgencyCode: string,
  defendants: readonly Defendant[],
): string | null {
  if (kind !== 'litigation_after_reconsideration' || defendants.length === 0) return caseAgencyCode;
  if (defendants.some((d) => d.role === 'original')) return caseAgencyCode;
  return defendants.find((d) => d.role === 'reconsideration_body')?.agencyCode ?? null;
}
