import fc from 'fast-check';
import {
  checkFigure,
  FIGURE_TABLES,
  formatForYear,
  NOT_APPLICABLE,
  sectionTwo,
  sumCells,
  type Cell,
  type EnteredRow,
} from '../../../src/modules/proactive/domain/figures';
import { parseProactiveLine } from '../../../src/modules/proactive/domain/import-line';

const cell = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 100_000 }) },
  { weight: 1, arbitrary: fc.constant(NOT_APPLICABLE) },
);
const amount = fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 1e4);

/** Rows entered by several agencies for every item of the 2021 format. */
const entered2021 = fc.array(
  fc.record({
    rules: fc.tuple(cell, cell, cell),
    licensing: cell,
    fees: fc.oneof(amount, fc.constant(NOT_APPLICABLE)),
  }),
  { maxLength: 8 },
);
const rowsOf = (agencies: Array<{ rules: Cell[]; licensing: Cell; fees: Cell }>): EnteredRow[] =>
  agencies.flatMap((a): EnteredRow[] => [
    { item: 'rules', values: { made: a.rules[0], abolished: a.rules[1], inForce: a.rules[2] } },
    { item: 'licensing', values: { decisions: a.licensing } },
    { item: 'fees', values: { amount10kYuan: a.fees } },
  ]);

describe('section 二 figures (2021 and 2019 trial formats)', () => {
  it('sums a subtree: the sum of the numbers, "/" only when every agency wrote "/", 0 when none entered', () => {
    fc.assert(
      fc.property(entered2021, (agencies) => {
        const s = sectionTwo('2021', rowsOf(agencies));
        const made = agencies.map((a) => a.rules[0]);
        const nums = made.filter((c): c is number => c !== NOT_APPLICABLE);
        if (agencies.length === 0) expect(s.rules.made).toBe(0);
        else if (nums.length === 0) expect(s.rules.made).toBe(NOT_APPLICABLE);
        else expect(s.rules.made).toBe(nums.reduce((a, b) => a + b, 0));
        // Rows nobody entered are 0, never "/".
        expect(s.penalty.decisions).toBe(0);
        expect(s.normative_docs).toEqual({ made: 0, abolished: 0, inForce: 0 });
      }),
    );
  });

  it('a subtree is the sum of its parts (associative), amounts exact to one yuan', () => {
    fc.assert(
      fc.property(entered2021, entered2021, (a, b) => {
        const whole = sectionTwo('2021', rowsOf([...a, ...b]));
        const x = sectionTwo('2021', rowsOf(a));
        const y = sectionTwo('2021', rowsOf(b));
        const num = (c: Cell) => (c === NOT_APPLICABLE ? 0 : c);
        expect(num(whole.licensing.decisions)).toBe(
          num(x.licensing.decisions) + num(y.licensing.decisions),
        );
        expect(Math.round(num(whole.fees.amount10kYuan) * 1e4)).toBe(
          Math.round(num(x.fees.amount10kYuan) * 1e4) + Math.round(num(y.fees.amount10kYuan) * 1e4),
        );
      }),
    );
    expect(sumCells([0.1, 0.2], 'amount')).toBe(0.3);
    expect(sumCells([NOT_APPLICABLE, 3], 'count')).toBe(3);
    expect(sumCells([NOT_APPLICABLE, NOT_APPLICABLE], 'count')).toBe(NOT_APPLICABLE);
  });

  it('has the labels of DOMAIN §2.2 and §2.7 exactly', () => {
    const view = (f: '2021' | '2019_TRIAL') =>
      FIGURE_TABLES[f].map((t) => [
        t.caption,
        t.columns.map((c) => c.label),
        t.rows.map((r) => r.label),
      ]);
    expect(view('2021')).toEqual([
      [
        '第二十条第（一）项',
        ['本年制发件数', '本年废止件数', '现行有效件数'],
        ['规章', '行政规范性文件'],
      ],
      ['第二十条第（五）项', ['本年处理决定数量'], ['行政许可']],
      ['第二十条第（六）项', ['本年处理决定数量'], ['行政处罚', '行政强制']],
      ['第二十条第（八）项', ['本年收费金额（单位：万元）'], ['行政事业性收费']],
    ]);
    expect(view('2019_TRIAL')).toEqual([
      [
        '第二十条第（一）项',
        ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
        ['规章', '规范性文件'],
      ],
      [
        '第二十条第（五）项',
        ['上一年项目数量', '本年增/减', '处理决定数量'],
        ['行政许可', '其他对外管理服务事项'],
      ],
      [
        '第二十条第（六）项',
        ['上一年项目数量', '本年增/减', '处理决定数量'],
        ['行政处罚', '行政强制'],
      ],
      ['第二十条第（八）项', ['上一年项目数量', '本年增/减'], ['行政事业性收费']],
      ['第二十条第（九）项', ['采购项目数量', '采购总金额'], ['政府集中采购']],
    ]);
  });

  it('checks a row against the year\'s format (D-12): its columns, each a cell or "/"', () => {
    expect(formatForYear(2021)).toBe('2021');
    expect(formatForYear(2020)).toBe('2019_TRIAL');
    expect(formatForYear(2019)).toBe('2019_TRIAL');
    expect(formatForYear(2018)).toBe('2008');
    expect(checkFigure(2026, 'rules', { made: '/', abolished: '/', inForce: '/' }).values).toEqual({
      made: '/',
      abolished: '/',
      inForce: '/',
    });
    expect(
      checkFigure(2020, 'licensing', { lastYearItems: 10, change: -2, decisions: 40 }).values,
    ).toEqual({ lastYearItems: 10, change: -2, decisions: 40 });
    const fields = (y: number, item: string, v: Record<string, unknown>) =>
      checkFigure(y, item, v).problems.map((p) => [p.field, p.code]);
    expect(fields(2026, 'procurement', { projects: 1, amount10kYuan: 2 })).toEqual([
      ['item', 'field-not-in-format'],
    ]);
    expect(fields(2013, 'rules', {})).toEqual([['item', 'field-not-in-format']]);
    expect(fields(2026, 'rules', { made: -1, inForce: 1.5, newlyMade: 3 })).toEqual([
      ['made', 'field-not-figure'],
      ['abolished', 'field-required'],
      ['inForce', 'field-not-figure'],
      ['newlyMade', 'field-not-in-format'],
    ]);
    expect(fields(2026, 'fees', { amount10kYuan: 1.23456 })).toEqual([
      ['amount10kYuan', 'field-not-figure'],
    ]);
    expect(fields(2026, 'fees', { amount10kYuan: 1.2345 })).toEqual([]);
  });

  it('parses import lines: items and figures, with line-numbered field problems', () => {
    const ok = parseProactiveLine(
      '{"agencyCode":"DQ","publishedOn":"2013-05-02","category":"updates","online":true,"title":"动态"}',
      3,
      '2026-12-01',
    );
    expect(ok).toMatchObject({
      kind: 'item',
      record: { line: 3, category: 'updates', online: true },
    });
    const fig = parseProactiveLine(
      '{"agencyCode":"DQ","year":2020,"item":"procurement","projects":4,"amount10kYuan":"/"}',
      4,
      '2026-12-01',
    );
    expect(fig).toMatchObject({
      kind: 'figure',
      record: { values: { projects: 4, amount10kYuan: '/' } },
    });
    const bad = parseProactiveLine(
      '{"agencyCode":"DQ","publishedOn":"2027-01-01","category":"news","online":"yes","title":" ","x":1}',
      5,
      '2026-12-01',
    );
    expect(bad.kind === 'bad' && bad.problems.map((p) => [p.line, p.field])).toEqual([
      [5, 'x'],
      [5, 'title'],
      [5, 'publishedOn'],
      [5, 'category'],
      [5, 'online'],
    ]);
    const future = parseProactiveLine(
      '{"agencyCode":"DQ","year":2027,"item":"fees"}',
      6,
      '2026-12-01',
    );
    expect(future.kind === 'bad' && future.problems.map((p) => p.field)).toEqual(['year']);
    expect(parseProactiveLine('nope', 7, '2026-12-01')).toMatchObject({ kind: 'bad' });
  });
});
