import type { MessageParams } from '../../../shared/i18n/messages';
import type { ReasonCode } from '../../../shared/domain/reason-code';
/**
 * Section 二 of the 2021 format and of the 2019 trial format (DOMAIN §2.2, §2.7): the aggregate
 * figures an agency enters per year, by item and column, labels exactly as the formats print
 * them. A cell is a number or "/" (not applicable, e.g. 规章 for an agency without rule-making
 * power, §2.2). Pure.
 */
export type FigureFormat = '2021' | '2019_TRIAL';
/** "/": the format's not-applicable mark. */
export const NOT_APPLICABLE = '/';
export type Cell = number | typeof NOT_APPLICABLE;

/** count: a whole number ≥ 0; signed: 本年增/减 may be negative; amount: 万元, 4 decimals. */
export type CellKind = 'count' | 'signed' | 'amount';

export interface FigureColumn {
  readonly key: string;
  readonly label: string;
  readonly kind: CellKind;
}
export interface FigureRow {
  readonly item: string;
  readonly label: string;
}
export interface FigureTable {
  /** The caption row, e.g. 第二十条第（一）项. */
  readonly caption: string;
  readonly columns: readonly FigureColumn[];
  readonly rows: readonly FigureRow[];
}

const col = (key: string, label: string, kind: CellKind = 'count'): FigureColumn => ({
  key,
  label,
  kind,
});
const DECISIONS_2021 = [col('decisions', '本年处理决定数量')];
const TRIAL_ITEMS = [
  col('lastYearItems', '上一年项目数量'),
  col('change', '本年增/减', 'signed'),
  col('decisions', '处理决定数量'),
];

export const FIGURE_TABLES: Record<FigureFormat, readonly FigureTable[]> = {
  '2021': [
    {
      caption: '第二十条第（一）项',
      columns: [
        col('made', '本年制发件数'),
        col('abolished', '本年废止件数'),
        col('inForce', '现行有效件数'),
      ],
      rows: [
        { item: 'rules', label: '规章' },
        { item: 'normative_docs', label: '行政规范性文件' },
      ],
    },
    {
      caption: '第二十条第（五）项',
      columns: DECISIONS_2021,
      rows: [{ item: 'licensing', label: '行政许可' }],
    },
    {
      caption: '第二十条第（六）项',
      columns: DECISIONS_2021,
      rows: [
        { item: 'penalty', label: '行政处罚' },
        { item: 'coercion', label: '行政强制' },
      ],
    },
    {
      caption: '第二十条第（八）项',
      columns: [col('amount10kYuan', '本年收费金额（单位：万元）', 'amount')],
      rows: [{ item: 'fees', label: '行政事业性收费' }],
    },
  ],
  '2019_TRIAL': [
    {
      caption: '第二十条第（一）项',
      columns: [
        col('newlyMade', '本年新制作数量'),
        col('newlyPublished', '本年新公开数量'),
        col('totalPublished', '对外公开总数量'),
      ],
      rows: [
        { item: 'rules', label: '规章' },
        { item: 'normative_docs', label: '规范性文件' },
      ],
    },
    {
      caption: '第二十条第（五）项',
      columns: TRIAL_ITEMS,
      rows: [
        { item: 'licensing', label: '行政许可' },
        { item: 'other_services', label: '其他对外管理服务事项' },
      ],
    },
    {
      caption: '第二十条第（六）项',
      columns: TRIAL_ITEMS,
      rows: [
        { item: 'penalty', label: '行政处罚' },
        { item: 'coercion', label: '行政强制' },
      ],
    },
    {
      caption: '第二十条第（八）项',
      columns: [col('lastYearItems', '上一年项目数量'), col('change', '本年增/减', 'signed')],
      rows: [{ item: 'fees', label: '行政事业性收费' }],
    },
    {
      caption: '第二十条第（九）项',
      columns: [col('projects', '采购项目数量'), col('amount10kYuan', '采购总金额', 'amount')],
      rows: [{ item: 'procurement', label: '政府集中采购' }],
    },
  ],
};

/** Every item name of the two formats (rules, normative_docs, licensing, …). */
export const FIGURE_ITEMS = [
  ...new Set(
    Object.values(FIGURE_TABLES).flatMap((ts) => ts.flatMap((t) => t.rows.map((r) => r.item))),
  ),
];

/** The columns of `item` in `format`, or null when the format has no such row. */
export function columnsOf(format: FigureFormat, item: string): readonly FigureColumn[] | null {
  const t = FIGURE_TABLES[format].find((x) => x.rows.some((r) => r.item === item));
  return t ? t.columns : null;
}

/** Values of one row: column key → cell. */
export type RowValues = Record<string, Cell>;
/** Section 二 as figures: item → its row. */
export type SectionTwo = Record<string, RowValues>;

export const MAX_COUNT = 1_000_000_000;

/** Whether `v` is a valid cell of kind `kind`. Amounts have at most 4 decimals (one yuan). */
export function isCell(v: unknown, kind: CellKind): v is Cell {
  if (v === NOT_APPLICABLE) return true;
  if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  if (kind === 'amount')
    return v >= 0 && v <= MAX_COUNT && Math.abs(v * 1e4 - Math.round(v * 1e4)) < 1e-6;
  if (!Number.isInteger(v)) return false;
  return kind === 'signed' ? Math.abs(v) <= MAX_COUNT : v >= 0 && v <= MAX_COUNT;
}

/**
 * The sum of one cell over agencies: "/" only when every agency that entered it wrote "/",
 * else the sum of the numbers ("/" counts as nothing); 0 when nobody entered it. Amounts are
 * summed in units of 1 yuan so 0.1 + 0.2 stays 0.3.
 */
export function sumCells(cells: readonly Cell[], kind: CellKind): Cell {
  if (cells.length > 0 && cells.every((c) => c === NOT_APPLICABLE)) return NOT_APPLICABLE;
  const nums = cells.filter((c): c is number => c !== NOT_APPLICABLE);
  if (kind === 'amount') return nums.reduce((a, c) => a + Math.round(c * 1e4), 0) / 1e4;
  return nums.reduce((a, c) => a + c, 0);
}

/** One agency's entered row of one item. */
export interface EnteredRow {
  readonly item: string;
  readonly values: RowValues;
}

/** Section 二 of `format` summed over the rows entered by the agencies of a subtree (or one). */
export function sectionTwo(format: FigureFormat, entered: readonly EnteredRow[]): SectionTwo {
  const out: SectionTwo = {};
  for (const t of FIGURE_TABLES[format])
    for (const r of t.rows) {
      const mine = entered.filter((e) => e.item === r.item);
      out[r.item] = Object.fromEntries(
        t.columns.map((c) => [
          c.key,
          sumCells(
            mine.map((e) => e.values[c.key]).filter((v): v is Cell => v !== undefined),
            c.kind,
          ),
        ]),
      );
    }
  return out;
}

/** D-12, the one definition: 2021 from reporting year 2021, the trial format for 2019–2020, 2008 before. */
export function formatForYear(year: number): FigureFormat | '2008' {
  if (year >= 2021) return '2021';
  if (year >= 2019) return '2019_TRIAL';
  return '2008';
}

/** The format's name in a message (field-not-in-format). */
export const FORMAT_NAMES: Record<FigureFormat | '2008', { format: string; formatEn: string }> = {
  '2021': { format: '2021年格式', formatEn: '2021 format' },
  '2019_TRIAL': { format: '2019年试行格式', formatEn: '2019 trial format' },
  '2008': { format: '2008年条例的年报格式', formatEn: '2008 format' },
};

export interface FigureProblem {
  readonly field: string;
  readonly code: ReasonCode;
  readonly params?: MessageParams;
}

const KIND_WORDS: Record<CellKind, [string, string]> = {
  count: ['非负整数', 'a whole number ≥ 0'],
  signed: ['整数', 'a whole number'],
  amount: ['金额（万元，至多4位小数）', 'an amount in 万元 (≥ 0, at most 4 decimals)'],
};

/**
 * Checks the columns given for `item` in `year`'s format: the item must be a row of that format
 * (the 2008 format has none), every column of its row given, each a valid cell, no other
 * column. Returns the row's values or the problems (reason codes of the catalogue).
 */
export function checkFigure(
  year: number,
  item: string,
  given: Readonly<Record<string, unknown>>,
): { values?: RowValues; problems: FigureProblem[] } {
  const format = formatForYear(year);
  const columns = format === '2008' ? null : columnsOf(format, item);
  if (!columns)
    return {
      problems: [{ field: 'item', code: 'field-not-in-format', params: FORMAT_NAMES[format] }],
    };
  const problems: FigureProblem[] = [];
  const values: RowValues = {};
  for (const c of columns) {
    const v = given[c.key];
    if (v === undefined || v === null) problems.push({ field: c.key, code: 'field-required' });
    else if (!isCell(v, c.kind))
      problems.push({
        field: c.key,
        code: 'field-not-figure',
        params: { kind: KIND_WORDS[c.kind][0], kindEn: KIND_WORDS[c.kind][1] },
      });
    else values[c.key] = v;
  }
  const known = new Set(columns.map((c) => c.key));
  for (const k of Object.keys(given))
    if (!known.has(k) && given[k] !== undefined)
      problems.push({ field: k, code: 'field-not-in-format', params: FORMAT_NAMES[format] });
  return problems.length ? { problems } : { values, problems };
}
