import { InvalidYearNoticeError } from './calendar-errors';
import type { DomainFieldError } from '../../../shared/domain/domain-error';
import { englishHolidayName, normaliseHolidayName } from './holiday-names';
import { isLocalDate, isWeekend, type LocalDate } from './local-date';
import type { MakeupWorkday, NoticeHoliday, YearArrangement } from './year-arrangement';

/**
 * JSON form for importing a new year's State Council notice (R-WD-04), e.g.
 *
 * {
 *   "year": 2027,
 *   "noticeUrl": "https://www.gov.cn/zhengce/zhengceku/2026xx/content_xxxxxxx.htm",
 *   "noticeDate": "2026-11-05",
 *   "additionalUrls": [],                                        (optional)
 *   "holidays": [
 *     { "name": "元旦", "nameEn": "New Year's Day", "off": ["2027-01-01"] },
 *     { "name": "春节", "off": ["2027-02-05", "2027-02-06", "..."] }   (nameEn optional for known names)
 *   ],
 *   "workdays": [ { "date": "2027-02-20", "name": "春节" } ]      (make-up working days, Sat/Sun only)
 * }
 *
 * Rules: `off` and `workdays` dates lie between 1 December of the previous year and 31 December
 * of `year`; a make-up day must be a Saturday or Sunday; no date may appear twice; the notice date
 * must not be later than 31 December of `year`. Unknown keys are rejected (they are usually typos).
 */
export interface YearNoticeJson {
  year: number;
  noticeUrl: string;
  noticeDate: LocalDate;
  additionalUrls?: string[];
  note?: string;
  holidays: Array<{ name: string; nameEn?: string; off: LocalDate[] }>;
  workdays: Array<{ date: LocalDate; name: string; nameEn?: string }>;
}

export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly DomainFieldError[] };

const ROOT_KEYS = [
  'year',
  'noticeUrl',
  'noticeDate',
  'additionalUrls',
  'note',
  'holidays',
  'workdays',
];
const URL_PATTERN = /^https?:\/\/\S+$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects field errors; every check returns false when it failed. */
class Checker {
  readonly errors: DomainFieldError[] = [];
  private readonly seen = new Map<string, string>();

  constructor(
    private readonly first: LocalDate | null,
    private readonly last: LocalDate | null,
  ) {}

  fail(field: string, message: string): false {
    this.errors.push({ field, message });
    return false;
  }

  /** Records an error and yields no item (for flatMap). */
  skip(field: string, message: string): [] {
    this.fail(field, message);
    return [];
  }

  keys(o: Obj, allowed: readonly string[], at: string): void {
    for (const key of Object.keys(o)) {
      if (!allowed.includes(key)) this.fail(at ? `${at}.${key}` : key, 'unknown field');
    }
  }

  name(value: unknown, field: string): value is string {
    return (
      (typeof value === 'string' && value.trim() !== '') ||
      this.fail(field, 'expected a non-empty name')
    );
  }

  /** A real date inside the notice's range, listed only once in the whole notice. */
  date(value: unknown, field: string): value is LocalDate {
    if (!isLocalDate(value)) return this.fail(field, 'expected a real date YYYY-MM-DD');
    if (this.first && this.last && (value < this.first || value > this.last)) {
      return this.fail(field, `must lie between ${this.first} and ${this.last}`);
    }
    const other = this.seen.get(value);
    if (other) return this.fail(field, `${value} is already listed at ${other}`);
    this.seen.set(value, field);
    return true;
  }
}

function parseHolidays(c: Checker, value: unknown): NoticeHoliday[] {
  if (!Array.isArray(value) || value.length === 0) {
    c.fail('holidays', 'expected a non-empty array of holidays');
    return [];
  }
  return value.flatMap((h: unknown, i): NoticeHoliday[] => {
    const at = `holidays[${i}]`;
    if (!isObj(h)) return c.skip(at, 'expected an object { name, nameEn?, off }');
    c.keys(h, ['name', 'nameEn', 'off'], at);
    const nameOk = c.name(h.name, `${at}.name`);
    const nameEnOk = h.nameEn === undefined || c.name(h.nameEn, `${at}.nameEn`);
    if (!Array.isArray(h.off) || h.off.length === 0) {
      return c.skip(`${at}.off`, 'expected a non-empty array of dates');
    }
    const off = h.off.filter((d: unknown, j): d is LocalDate => c.date(d, `${at}.off[${j}]`));
    if (!nameOk || !nameEnOk) return [];
    const name = normaliseHolidayName(h.name as string);
    const nameEn = englishHolidayName(name, h.nameEn as string | undefined);
    return [{ name, nameEn, off: [...off].sort() }];
  });
}

function parseWorkdays(c: Checker, value: unknown): MakeupWorkday[] {
  if (!Array.isArray(value)) {
    c.fail('workdays', 'expected an array of make-up working days (may be empty)');
    return [];
  }
  const days = value.flatMap((w: unknown, i): MakeupWorkday[] => {
    const at = `workdays[${i}]`;
    if (!isObj(w)) return c.skip(at, 'expected an object { date, name, nameEn? }');
    c.keys(w, ['date', 'name', 'nameEn'], at);
    let dateOk = c.date(w.date, `${at}.date`);
    if (dateOk && !isWeekend(w.date as LocalDate)) {
      dateOk = c.fail(`${at}.date`, 'a make-up working day must be a Saturday or Sunday');
    }
    const nameOk = c.name(w.name, `${at}.name`);
    const nameEnOk = w.nameEn === undefined || c.name(w.nameEn, `${at}.nameEn`);
    if (!dateOk || !nameOk || !nameEnOk) return [];
    const name = normaliseHolidayName(w.name as string);
    return [
      {
        date: w.date as LocalDate,
        name,
        nameEn: englishHolidayName(name, w.nameEn as string | undefined),
      },
    ];
  });
  return days.sort((a, b) => (a.date < b.date ? -1 : 1));
}

function parseJsonText(input: unknown): { json: unknown } | { error: string } {
  if (typeof input !== 'string') return { json: input };
  try {
    return { json: JSON.parse(input) as unknown };
  } catch (err) {
    return { error: `not valid JSON: ${(err as Error).message}` };
  }
}

/** Validates an imported notice (object or JSON text); returns every field-level error. */
export function parseYearNotice(input: unknown): ParseResult<YearArrangement> {
  const parsed = parseJsonText(input);
  if ('error' in parsed) return { ok: false, errors: [{ field: '$', message: parsed.error }] };
  const json = parsed.json;
  if (!isObj(json))
    return { ok: false, errors: [{ field: '$', message: 'expected a JSON object' }] };

  const year = json.year;
  const yearOk = typeof year === 'number' && Number.isInteger(year) && year >= 1990 && year <= 2200;
  const c = new Checker(yearOk ? `${year - 1}-12-01` : null, yearOk ? `${year}-12-31` : null);
  c.keys(json, ROOT_KEYS, '');
  if (!yearOk) c.fail('year', 'expected a whole year between 1990 and 2200');
  if (typeof json.noticeUrl !== 'string' || !URL_PATTERN.test(json.noticeUrl)) {
    c.fail('noticeUrl', 'expected the http(s) URL of the State Council notice');
  }
  if (!isLocalDate(json.noticeDate)) c.fail('noticeDate', 'expected a date YYYY-MM-DD');
  else if (yearOk && json.noticeDate > `${year}-12-31`) {
    c.fail('noticeDate', `must not be later than ${year}-12-31`);
  }
  const additionalUrls = json.additionalUrls ?? [];
  const urlsOk =
    Array.isArray(additionalUrls) &&
    additionalUrls.every((u) => typeof u === 'string' && URL_PATTERN.test(u));
  if (!urlsOk) c.fail('additionalUrls', 'expected an array of http(s) URLs');
  if (json.note !== undefined && typeof json.note !== 'string') c.fail('note', 'expected a string');
  const holidays = parseHolidays(c, json.holidays);
  const workdays = parseWorkdays(c, json.workdays);

  if (c.errors.length > 0) return { ok: false, errors: c.errors };
  return {
    ok: true,
    value: {
      year: year as number,
      noticeUrl: json.noticeUrl as string,
      noticeDate: json.noticeDate as LocalDate,
      additionalUrls: additionalUrls as string[],
      source: 'import',
      ...(typeof json.note === 'string' ? { note: json.note } : {}),
      holidays,
      workdays,
    },
  };
}

/** Like parseYearNotice but throws InvalidYearNoticeError (code invalid-year-notice). */
export function parseYearNoticeOrThrow(input: unknown): YearArrangement {
  const result = parseYearNotice(input);
  if (!result.ok) throw new InvalidYearNoticeError(result.errors);
  return result.value;
}

/** The import JSON of an arrangement (round-trips through parseYearNotice when it has a URL and date). */
export function toYearNoticeJson(a: YearArrangement): Partial<YearNoticeJson> {
  return {
    year: a.year,
    ...(a.noticeUrl ? { noticeUrl: a.noticeUrl } : {}),
    ...(a.noticeDate ? { noticeDate: a.noticeDate } : {}),
    additionalUrls: [...a.additionalUrls],
    ...(a.note ? { note: a.note } : {}),
    holidays: a.holidays.map((h) => ({ name: h.name, nameEn: h.nameEn, off: [...h.off] })),
    workdays: a.workdays.map((w) => ({ date: w.date, name: w.name, nameEn: w.nameEn })),
  };
}
