import fc from 'fast-check';
import type { AnnualReport } from '../../../src/modules/reports/domain/annual-report';
import { BALANCE_NOTE, COLUMNS, ROWS } from '../../../src/modules/reports/domain/report-format';
import { sectionFourGrid, sectionThreeGrid } from '../../../src/modules/reports/domain/report-grid';
import { gridTable } from '../../../src/modules/portal/public/grid-table';

/** A 2021 report whose section 三 cell (row, column) holds `value(row, column)`. */
const report = (value: (row: number, col: number) => number): AnnualReport =>
  ({
    year: 2026,
    agency: { code: 'DQ-GA', name: '大庆市公安局' },
    subtree: false,
    formatVersion: '2021',
    preview: false,
    applications: Object.fromEntries(
      ROWS['2021'].map((r, i) => [
        r.id,
        Object.fromEntries(COLUMNS.map((c, j) => [c, value(i, j)])),
      ]),
    ),
    remedies: Object.fromEntries(
      ['rv', 'ld', 'lr'].flatMap((g) =>
        ['keep', 'fix', 'other', 'pending', 'total'].map((k, i) => [`${g}_${k}`, i]),
      ),
    ),
  }) as unknown as AnnualReport;

describe(gridTable.name, () => {
  it('makes section 三 an accessible table: three header rows, the note a plain cell, scoped labels', () => {
    const t = gridTable(sectionThreeGrid(report((i, j) => i * 10 + j)));
    expect(t.head).toHaveLength(3);
    expect(t.body).toHaveLength(ROWS['2021'].length);
    expect(t.head[0][0]).toMatchObject({
      tag: 'td',
      note: true,
      value: BALANCE_NOTE,
      rowSpan: 3,
      colSpan: 3,
    });
    expect(t.head[0][1]).toMatchObject({
      tag: 'th',
      scope: 'colgroup',
      value: '申请人情况',
      colSpan: 7,
    });
    expect(t.head[1].map((c) => [c.value, c.scope])).toEqual([
      ['自然人', 'col'],
      ['法人或其他组织', 'colgroup'],
      ['总计', 'col'],
    ]);
    expect(t.body[0][0]).toMatchObject({
      tag: 'th',
      scope: 'row',
      colSpan: 3,
      value: '一、本年新收政府信息公开申请数量',
    });
    // 三、本年度办理结果 spans its rows, as in the official template.
    const result = t.body[2][0];
    expect(result).toMatchObject({ tag: 'th', scope: 'rowgroup', value: '三、本年度办理结果' });
    expect(result.rowSpan).toBe(ROWS['2021'].filter((r) => r.l1 === '三、本年度办理结果').length);
    expect(t.body[0].filter((c) => c.tag === 'td').map((c) => c.value)).toEqual(
      COLUMNS.map((_, j) => String(j)),
    );
  });

  it('puts every figure of the report in its cell, once, and no label among the figures (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(9999), { minLength: 7 * 26, maxLength: 7 * 26 }), (values) => {
        const r = report((i, j) => values[i * 7 + j]);
        const grid = sectionThreeGrid(r);
        const t = gridTable(grid);
        const cells = [...t.head, ...t.body].flat();
        expect(cells).toHaveLength(grid.cells.length);
        const figures = cells.filter((c) => c.cell);
        expect(figures.every((c) => c.tag === 'td')).toBe(true);
        for (const c of figures) {
          const [, row, col] = (c.cell ?? '').split('/');
          expect(c.value).toBe(String(r.applications[row][col as 'np']));
        }
        expect(figures).toHaveLength(ROWS['2021'].length * COLUMNS.length);
      }),
      { numRuns: 30 },
    );
  });

  it('makes section 四 three header rows over one row of 15 figures', () => {
    const t = gridTable(sectionFourGrid(report(() => 0)));
    expect(t.head).toHaveLength(3);
    expect(t.body).toHaveLength(1);
    expect(t.body[0]).toHaveLength(15);
    expect(t.head[0].map((c) => [c.value, c.scope, c.colSpan])).toEqual([
      ['行政复议', 'colgroup', 5],
      ['行政诉讼', 'colgroup', 10],
    ]);
  });
});
