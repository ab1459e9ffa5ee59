import { isLocalDate } from '../../../shared/domain/date-format';
import { fieldMessageOf } from '../../../shared/i18n/messages';
import { checkFigure, type RowValues } from './figures';
import { CATEGORIES, type Category } from './register';

/** A register item of `import proactive` (or of POST /api/v1/proactive/items). */
export interface ItemRecord {
  readonly line: number;
  readonly agencyCode: string;
  readonly publishedOn: string;
  readonly category: Category;
  readonly online: boolean;
  readonly title: string;
  /** The item's identity within its agency (default: date, category and title). */
  readonly externalRef: string | null;
}

/** An aggregate row of section 二 (2021 or 2019 trial format) for an agency and year. */
export interface FigureRecord {
  readonly line: number;
  readonly agencyCode: string;
  readonly year: number;
  readonly item: string;
  readonly values: RowValues;
}

export interface LineProblem {
  readonly line: number;
  readonly field?: string;
  readonly message: string;
}

export type ParsedLine =
  | { readonly kind: 'item'; readonly record: ItemRecord }
  | { readonly kind: 'figure'; readonly record: FigureRecord }
  | { readonly kind: 'bad'; readonly problems: LineProblem[] };

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const ITEM_FIELDS = new Set([
  'agencyCode',
  'publishedOn',
  'category',
  'online',
  'title',
  'externalRef',
]);

/**
 * One line of `import proactive`: an item `{"agencyCode","publishedOn","category","online",
 * "title","externalRef"?}` or an aggregate `{"agencyCode","year","item",<the row's columns>}`
 * (a line with `item` is an aggregate). `today` bounds dates and years.
 */
export function parseProactiveLine(raw: string, line: number, today: string): ParsedLine {
  const problems: LineProblem[] = [];
  const bad = (field: string, message: string) => problems.push({ line, field, message });
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return { kind: 'bad', problems: [{ line, message: 'not valid JSON · 不是有效的 JSON' }] };
  }
  if (!v || typeof v !== 'object' || Array.isArray(v))
    return { kind: 'bad', problems: [{ line, message: 'must be a JSON object · 应为 JSON 对象' }] };
  const text = (k: string, max: number, required: boolean): string | null => {
    const x = v[k];
    if (x === undefined || x === null) {
      if (required) bad(k, 'required · 必填');
      return null;
    }
    if (typeof x !== 'string' || !x.trim() || x.length > max || CONTROL.test(x)) {
      bad(k, `must be text of 1–${max} characters · 应为1至${max}个字符的文本`);
      return null;
    }
    return x.trim();
  };
  const agencyCode = text('agencyCode', 60, true);
  if ('item' in v) {
    const { agencyCode: _a, year: y, item: it, ...columns } = v;
    const year = typeof y === 'number' && Number.isInteger(y) ? y : null;
    if (year === null || year < 2000 || year > Number(today.slice(0, 4)))
      bad('year', 'must be a reporting year from 2000 to this year · 应为不晚于今年的年度');
    const item = typeof it === 'string' ? it : null;
    if (item === null) bad('item', 'required · 必填');
    if (year !== null && !problems.some((p) => p.field === 'year') && item !== null) {
      const c = checkFigure(year, item, columns);
      for (const p of c.problems) bad(p.field, fieldMessageOf(p.code, p.params));
      if (!problems.length && agencyCode && c.values)
        return { kind: 'figure', record: { line, agencyCode, year, item, values: c.values } };
    }
    return { kind: 'bad', problems };
  }
  for (const k of Object.keys(v)) if (!ITEM_FIELDS.has(k)) bad(k, 'unknown field · 不接受此字段');
  const title = text('title', 500, true);
  const externalRef = text('externalRef', 100, false);
  let publishedOn: string | null = null;
  if (v.publishedOn === undefined || v.publishedOn === null) bad('publishedOn', 'required · 必填');
  else if (!isLocalDate(v.publishedOn))
    bad('publishedOn', 'must be a real date YYYY-MM-DD · 应为有效日期');
  else if ((v.publishedOn as string) > today) bad('publishedOn', 'in the future · 不能晚于今天');
  else publishedOn = v.publishedOn as string;
  const category = v.category as Category;
  if (!CATEGORIES.includes(category))
    bad('category', `must be one of ${CATEGORIES.join(', ')} · 类别有误`);
  if (typeof v.online !== 'boolean') bad('online', 'must be true or false · 应为 true 或 false');
  if (problems.length || !agencyCode || !title || !publishedOn) return { kind: 'bad', problems };
  return {
    kind: 'item',
    record: {
      line,
      agencyCode,
      publishedOn,
      category,
      online: v.online as boolean,
      title,
      externalRef,
    },
  };
}

/** The identity of an item within its agency: its externalRef, else date, category and title. */
export function itemKey(
  r: Pick<ItemRecord, 'externalRef' | 'publishedOn' | 'category' | 'title'>,
): string {
  return r.externalRef !== null
    ? `ref:${r.externalRef}`
    : `${r.publishedOn}|${r.category}|${r.title}`;
}
