import fc from 'fast-check';
import { neutraliseCsvCell, neutraliseCsvRows } from '../../../src/shared/domain/csv-cell';

const STARTS = ['=', '+', '-', '@', '\t', '\r'];

describe(neutraliseCsvCell.name, () => {
  it.each([
    ['=HYPERLINK("http://x","点")', `'=HYPERLINK("http://x","点")`],
    ['+1', "'+1"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['2026年统计数据', '2026年统计数据'],
    ['a=1', 'a=1'],
    ['', ''],
  ])('turns %j into %j', (input, output) => {
    expect(neutraliseCsvCell(input)).toBe(output);
  });

  it('prefixes exactly the cells that begin with a formula character, and keeps the rest', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = neutraliseCsvCell(s);
        if (s.length > 0 && STARTS.includes(s[0])) expect(out).toBe(`'${s}`);
        else expect(out).toBe(s);
      }),
    );
  });

  it('never leaves a cell that a spreadsheet would run, and is idempotent', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STARTS, 'x', "'", ''), fc.string(), (head, tail) => {
        const out = neutraliseCsvCell(head + tail);
        expect(STARTS.includes(out[0] ?? '')).toBe(false);
        expect(neutraliseCsvCell(out)).toBe(out);
      }),
    );
  });
});

describe(neutraliseCsvRows.name, () => {
  it('neutralises every cell and turns null into an empty cell when rows are mixed', () => {
    expect(neutraliseCsvRows([['=1', null, 3, undefined, true]])).toEqual([
      ["'=1", '', '3', '', 'true'],
    ]);
  });
});
