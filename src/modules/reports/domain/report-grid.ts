import { FIGURE_TABLES, type SectionTwo } from '../../proactive/domain/figures';
import type { AnnualReport } from './annual-report';
import { BALANCE_NOTE, COLUMNS, COLUMN_LABELS, ROWS, type Column } from './report-format';

/**
 * The official tables as grids of cells with their merges (DOMAIN §2.2–§2.4), one layout for
 * every office format (XLSX, DOCX): exact labels, the merged headers of T30, never 〃. Pure.
 */
export interface GridCell {
  /** 0-based position of the cell's top-left corner. */
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly value: string | number;
  /** A header or label cell (bold in print); a figure otherwise. */
  readonly label: boolean;
  /** The drill-down address of a figure of section 三 or 四 (`three/new/np`). */
  readonly cell?: string;
}

export interface Grid {
  readonly title: string;
  readonly rows: number;
  readonly cols: number;
  readonly cells: readonly GridCell[];
}

const label = (row: number, col: number, value: string, rowSpan = 1, colSpan = 1): GridCell => ({
  row,
  col,
  rowSpan,
  colSpan,
  value,
  label: true,
});

/** Section 三: the 3-row header with the 勾稽关系 note, and the label columns merged as in T30. */
export function sectionThreeGrid(r: AnnualReport): Grid {
  const rows = ROWS[r.formatVersion];
  const cells: GridCell[] = [
    label(0, 0, BALANCE_NOTE, 3, 3),
    label(0, 3, '申请人情况', 1, 7),
    label(1, 3, COLUMN_LABELS.np, 2, 1),
    label(1, 4, '法人或其他组织', 1, 5),
    label(1, 9, COLUMN_LABELS.tot, 2, 1),
    ...(['biz', 'res', 'npo', 'law', 'oth'] as const).map((c, i) =>
      label(2, 4 + i, COLUMN_LABELS[c]),
    ),
  ];
  const span = (i: number, key: 'l1' | 'l2') => {
    const v = rows[i][key];
    if (v === null || (i > 0 && rows[i - 1][key] === v)) return 0;
    let n = 1;
    while (i + n < rows.length && rows[i + n][key] === v) n++;
    return n;
  };
  rows.forEach((row, i) => {
    const y = 3 + i;
    if (row.l2 === null) cells.push(label(y, 0, row.l1, 1, 3));
    else {
      const l1 = span(i, 'l1');
      if (l1) cells.push(label(y, 0, row.l1, l1, 1));
      if (row.l3 === null) cells.push(label(y, 1, row.l2, 1, 2));
      else {
        const l2 = span(i, 'l2');
        if (l2) cells.push(label(y, 1, row.l2, l2, 1));
        cells.push(label(y, 2, row.l3));
      }
    }
    COLUMNS.forEach((c: Column, j) =>
      cells.push({
        row: y,
        col: 3 + j,
        rowSpan: 1,
        colSpan: 1,
        value: r.applications[row.id][c],
        label: false,
        cell: `three/${row.id}/${c}`,
      }),
    );
  });
  return { title: '三', rows: 3 + rows.length, cols: 10, cells };
}

export const FOUR_LABELS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
const FOUR_KEYS = ['keep', 'fix', 'other', 'pending', 'total'] as const;

/** Section 四: 行政复议 (5) and 行政诉讼 (10, in two groups of 5), one data row. */
export function sectionFourGrid(r: AnnualReport): Grid {
  const cells: GridCell[] = [
    label(0, 0, '行政复议', 1, 5),
    label(0, 5, '行政诉讼', 1, 10),
    ...FOUR_LABELS.map((l, i) => label(1, i, l, 2, 1)),
    label(1, 5, '未经复议直接起诉', 1, 5),
    label(1, 10, '复议后起诉', 1, 5),
    ...[...FOUR_LABELS, ...FOUR_LABELS].map((l, i) => label(2, 5 + i, l)),
  ];
  (['rv', 'ld', 'lr'] as const).forEach((g, gi) =>
    FOUR_KEYS.forEach((k, i) =>
      cells.push({
        row: 3,
        col: gi * 5 + i,
        rowSpan: 1,
        colSpan: 1,
        value: r.remedies[`${g}_${k}`],
        label: false,
        cell: `four/remedies/${g}_${k}`,
      }),
    ),
  );
  return { title: '四', rows: 4, cols: 15, cells };
}

/** Section 二 (2021, trial): one 4-column table, each block under its caption row. */
export function sectionTwoGrid(r: AnnualReport): Grid | null {
  if (r.formatVersion === '2008') return null;
  const figures = r.proactive as SectionTwo;
  const cells: GridCell[] = [];
  let y = 0;
  for (const t of FIGURE_TABLES[r.formatVersion]) {
    cells.push(label(y++, 0, t.caption, 1, 4));
    const span = (i: number) => (i === t.columns.length - 1 ? 4 - t.columns.length : 1);
    cells.push(label(y, 0, '信息内容'));
    t.columns.forEach((c, i) => cells.push(label(y, 1 + i, c.label, 1, span(i))));
    y++;
    for (const row of t.rows) {
      cells.push(label(y, 0, row.label));
      t.columns.forEach((c, i) => {
        const v = figures[row.item]?.[c.key] ?? 0;
        cells.push({
          row: y,
          col: 1 + i,
          rowSpan: 1,
          colSpan: span(i),
          value: typeof v === 'number' ? v : String(v),
          label: false,
        });
      });
      y++;
    }
  }
  return { title: '二', rows: y, cols: 4, cells };
}
