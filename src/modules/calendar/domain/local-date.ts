import { InvalidDateError } from './calendar-errors';

/**
 * A calendar date in Asia/Shanghai written 'YYYY-MM-DD' (R-WD-06). Legal dates are dates, not
 * instants: all arithmetic here is integer arithmetic on days since 1970-01-01 and never touches
 * the process time zone, so results are identical under any TZ.
 */
export type LocalDate = string;

const MS_PER_DAY = 86_400_000;
/** China Standard Time is UTC+8 all year (no DST since 1991). */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Digits of 'YYYY-MM-DD' at fixed positions, or -1 when the shape is wrong (no regex). */
function fields(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1;
  let v = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v; // YYYYMMDD
}

function isRealDay(v: number): boolean {
  const year = Math.floor(v / 10_000);
  const month = Math.floor(v / 100) % 100;
  const day = v % 100;
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** True when `s` is a real date written YYYY-MM-DD (rejects 2025-02-30, 2024-13-01, 2024-9-1). */
export function isLocalDate(s: unknown): s is LocalDate {
  if (typeof s !== 'string') return false;
  const v = fields(s);
  return v >= 0 && isRealDay(v);
}

/** Validates a date string; throws InvalidDateError naming `field` (default 'date'). */
export function parseLocalDate(s: unknown, field = 'date'): LocalDate {
  const v = typeof s === 'string' ? fields(s) : -1;
  if (v < 0) throw new InvalidDateError(s, field, 'expected a date in the form YYYY-MM-DD');
  if (!isRealDay(v)) throw new InvalidDateError(s, field, 'no such day in the calendar');
  return s as LocalDate;
}

export function yearOf(d: LocalDate): number {
  return Number(d.slice(0, 4));
}

export function monthOf(d: LocalDate): number {
  return Number(d.slice(5, 7));
}

export function dayOfMonth(d: LocalDate): number {
  return Number(d.slice(8, 10));
}

export function makeLocalDate(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * parseLocalDate and toEpochDay in one pass over the digits (the working-day arithmetic's entry):
 * throws InvalidDateError naming `field` exactly as parseLocalDate does.
 */
export function parseEpochDay(s: unknown, field = 'date'): number {
  const v = typeof s === 'string' ? fields(s) : -1;
  if (v < 0) throw new InvalidDateError(s, field, 'expected a date in the form YYYY-MM-DD');
  if (!isRealDay(v)) throw new InvalidDateError(s, field, 'no such day in the calendar');
  return daysFromCivil(Math.floor(v / 10_000), Math.floor(v / 100) % 100, v % 100);
}

/** Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's days_from_civil). */
export function toEpochDay(d: LocalDate): number {
  const v = fields(d);
  if (v >= 0) return daysFromCivil(Math.floor(v / 10_000), Math.floor(v / 100) % 100, v % 100);
  return daysFromCivil(yearOf(d), monthOf(d), dayOfMonth(d));
}

function daysFromCivil(year: number, m: number, day: number): number {
  const y = year - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Formatted dates of 1900-01-01 … 2199-12-31, filled as they are asked for. */
const FORMAT_FROM = -25_567; // 1900-01-01
const FORMAT_TO = 84_005; // 2199-12-31
const formatted: Array<LocalDate | undefined> = [];

/** Inverse of toEpochDay (civil_from_days). */
export function fromEpochDay(n: number): LocalDate {
  if (n >= FORMAT_FROM && n <= FORMAT_TO) {
    const hit = formatted[n - FORMAT_FROM];
    if (hit !== undefined) return hit;
    return (formatted[n - FORMAT_FROM] = civilFromDays(n));
  }
  return civilFromDays(n);
}

function civilFromDays(n: number): LocalDate {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return makeLocalDate(year, month, day);
}

export function addDays(d: LocalDate, n: number): LocalDate {
  return fromEpochDay(toEpochDay(d) + n);
}

/** Number of days from `from` to `to` (positive when `to` is later). */
export function diffDays(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** -1, 0 or 1; valid YYYY-MM-DD strings order like the dates they name. */
export function compareDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(a: LocalDate, b: LocalDate): LocalDate {
  return a <= b ? a : b;
}

export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a >= b ? a : b;
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function dayOfWeek(d: LocalDate): number {
  return (((toEpochDay(d) + 4) % 7) + 7) % 7;
}

export function isWeekend(d: LocalDate): boolean {
  const w = dayOfWeek(d);
  return w === 0 || w === 6;
}

/**
 * The corresponding day `months` later, clamped to the end of a shorter month
 * (R-PER-04: 2025-08-31 + 6 M = 2026-02-28).
 */
export function addMonthsClamped(d: LocalDate, months: number): LocalDate {
  const index = yearOf(d) * 12 + (monthOf(d) - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return makeLocalDate(year, month, Math.min(dayOfMonth(d), daysInMonth(year, month)));
}

/** The Asia/Shanghai calendar date of an instant (UTC+8, no DST) — independent of process TZ. */
export function shanghaiDateOf(instant: Date): LocalDate {
  const ms = instant.getTime();
  if (Number.isNaN(ms))
    throw new InvalidDateError('Invalid Date', 'instant', 'not a valid instant');
  return fromEpochDay(Math.floor((ms + SHANGHAI_OFFSET_MS) / MS_PER_DAY));
}

export const WEEKDAY_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;
export const WEEKDAY_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
