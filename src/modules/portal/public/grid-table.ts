import type { Grid, GridCell } from '../../reports/domain/report-grid';
import { BALANCE_NOTE } from '../../reports/domain/report-format';

/**
 * One of the report's official grids (`reports/domain/report-grid.ts`, the layout the XLSX and
 * DOCX use) as an accessible HTML table: the same cells and merges, header cells as `th` with a
 * scope, figures as `td`, never a drill-down link. Pure.
 */
export interface TableCell {
  readonly tag: 'th' | 'td';
  /** `col`/`colgroup` for column headers, `row`/`rowgroup` for row labels; none for a figure. */
  readonly scope: 'col' | 'colgroup' | 'row' | 'rowgroup' | null;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly value: string;
  /** The 勾稽关系 note in the corner (a plain cell, not a header). */
  readonly note: boolean;
  /** The figure's place in the report (`three/new/tot`), for tests and styles. */
  readonly cell: string | null;
}

export interface HtmlTable {
  readonly head: readonly (readonly TableCell[])[];
  readonly body: readonly (readonly TableCell[])[];
}

export function gridTable(g: Grid): HtmlTable {
  const byRow: GridCell[][] = Array.from({ length: g.rows }, () => []);
  for (const c of g.cells) byRow[c.row].push(c);
  for (const r of byRow) r.sort((a, b) => a.col - b.col);
  // A row with a figure is a body row; rows of labels only are column headers. The leading
  // rows of labels are the table's head; label rows further down head their own block.
  const hasFigure = byRow.map((r) => r.some((c) => !c.label));
  const headRows = Math.max(0, hasFigure.indexOf(true));
  const cellOf = (c: GridCell, y: number): TableCell => {
    const value = String(c.value);
    if (!c.label)
      return {
        tag: 'td',
        scope: null,
        rowSpan: c.rowSpan,
        colSpan: c.colSpan,
        value,
        note: false,
        cell: c.cell ?? null,
      };
    if (value === BALANCE_NOTE)
      return {
        tag: 'td',
        scope: null,
        rowSpan: c.rowSpan,
        colSpan: c.colSpan,
        value,
        note: true,
        cell: null,
      };
    const scope = hasFigure[y]
      ? c.rowSpan > 1
        ? 'rowgroup'
        : 'row'
      : c.colSpan > 1
        ? 'colgroup'
        : 'col';
    return {
      tag: 'th',
      scope,
      rowSpan: c.rowSpan,
      colSpan: c.colSpan,
      value,
      note: false,
      cell: null,
    };
  };
  const rows = byRow.map((r, y) => r.map((c) => cellOf(c, y)));
  return { head: rows.slice(0, headRows), body: rows.slice(headRows) };
}
