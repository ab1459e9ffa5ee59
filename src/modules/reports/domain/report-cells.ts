import { SECTION_FOUR_COLUMNS, type SectionFourColumn } from '../../remedies/domain/section-four';
import { COLUMNS, ROWS, type Column, type ReportFormat } from './report-format';
import { sectionThree, type CaseFact } from './section-three';

/** The sections whose figures trace to records: 三 (cases) and 四 (remedies). */
export const CELL_SECTIONS = ['three', 'four'] as const;
export type CellSection = (typeof CELL_SECTIONS)[number];

/** Section 四 has one data row. */
export const FOUR_ROW = 'remedies';

/** The rows and columns a section has in a format (for validating a drill-down address). */
export function cellAxes(
  section: CellSection,
  format: ReportFormat,
): { rows: readonly string[]; columns: readonly string[] } {
  return section === 'three'
    ? { rows: ROWS[format].map((r) => r.id), columns: COLUMNS }
    : { rows: [FOUR_ROW], columns: SECTION_FOUR_COLUMNS };
}

/**
 * The cases counted in one cell of section 三: the row's cases of the column's applicant
 * category (every category for 总计), by the same counting as the table.
 */
export function sectionThreeCell(
  cases: readonly CaseFact[],
  year: number,
  format: ReportFormat,
  row: string,
  column: Column,
): string[] {
  const mine = column === 'tot' ? cases : cases.filter((c) => c.category === column);
  return sectionThree(mine, year, format).casesByRow[row] ?? [];
}

/** Whether a remedy counted in `counted` is part of the figure in `column` (总计: its group). */
export function inFourColumn(counted: SectionFourColumn, column: SectionFourColumn): boolean {
  return column.endsWith('_total')
    ? counted.slice(0, 2) === column.slice(0, 2)
    : counted === column;
}
