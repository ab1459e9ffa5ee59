import { InvalidDateError, InvalidPeriodError } from './calendar-errors';
import {
  addMonthsClamped,
  dayOfWeek,
  fromEpochDay,
  parseEpochDay,
  parseLocalDate,
  toEpochDay,
  yearOf,
  type LocalDate,
} from './local-date';
import { mergePauses, type MergedPause, type PauseInput } from './pauses';
import { WorkingDayIndex } from './working-day-index';
import {
  walkAddWorkingDays,
  walkCountWorkingDays,
  type CountOutcome,
  type DayOracle,
} from './working-day-walk';
import type { YearArrangement } from './year-arrangement';

export type DayKind =
  'workday' | 'weekend' | 'holiday' | 'makeup' | 'override-closed' | 'override-open';

export interface DayStatus {
  readonly date: LocalDate;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
  readonly working: boolean;
  readonly kind: DayKind;
  /** Chinese holiday name (for holidays, make-up days and named overrides). */
  readonly name?: string;
  readonly nameEn?: string;
  /** Legal basis and scope of an override (R-WD-05). */
  readonly basis?: string;
  readonly scope?: string;
  /** The year has no published arrangement (R-WD-04): weekends rest, weekdays work. */
  readonly provisional: boolean;
}

/** Admin override (R-WD-05). The caller passes only the overrides whose scope applies; later entries win. */
export interface CalendarOverride {
  readonly date: LocalDate;
  readonly kind: 'CLOSED' | 'OPEN';
  /** `NATIONAL_CORRECTION`, `PROVINCE:<code>` or `AGENCY:<id>`. */
  readonly scope: string;
  /** Legal-basis note, mandatory for every override. */
  readonly basis: string;
  readonly name?: string;
}

export interface WorkingDaysResult {
  readonly anchor: LocalDate;
  readonly n: number;
  /** The n-th counted working day after the anchor; null while an open pause stops the count. */
  readonly due: LocalDate | null;
  /** True when an open pause stopped the count before n working days were reached. */
  readonly paused: boolean;
  /** Working days still to count (0 once `due` is known). */
  readonly workingDaysLeft: number;
  readonly provisional: boolean;
}

export interface PeriodResult {
  readonly anchor: LocalDate;
  /** Last day of the period before any rollover (R-PER-01, R-PER-04). */
  readonly raw: LocalDate;
  /** `raw`, or the next working day when `raw` is not a working day (R-PER-02, D-9). */
  readonly due: LocalDate;
  readonly rolled: boolean;
  readonly provisional: boolean;
}

interface DayInfo {
  readonly kind: DayKind;
  readonly name?: string;
  readonly nameEn?: string;
  readonly basis?: string;
  readonly scope?: string;
}

const MAX_DAYS = 100_000;
const MAX_MONTHS = 1_200;
/** The index spans at least these years (and every year with data, plus a margin). */
const INDEX_FIRST_YEAR = 2000;
const INDEX_LAST_YEAR = 2060;
const INDEX_MARGIN_YEARS = 10;
const INDEX_MIN_YEAR = 1900;
const INDEX_MAX_YEAR = 2200;
const NO_PAUSES: readonly MergedPause[] = Object.freeze([]);

function checkCount(n: number, max: number, field: string): void {
  if (!Number.isInteger(n) || n < 0 || n > max) {
    throw new InvalidPeriodError(
      `${field} must be a whole number between 0 and ${max}, got ${n}`,
      field,
    );
  }
}

/**
 * The working-day calendar (R-WD-01 … R-WD-06) over pure 'YYYY-MM-DD' dates.
 * Working day = a make-up weekend day, or Monday–Friday that is not a notified rest day;
 * overrides (R-WD-05) win over the national data.
 */
export class WorkingCalendar implements DayOracle {
  private readonly info = new Map<number, DayInfo>();
  private readonly covered = new Set<number>();
  private readonly byYear = new Map<number, YearArrangement>();
  /** Built on first use from this (immutable) calendar; never shared with another calendar. */
  private index?: WorkingDayIndex;

  constructor(years: readonly YearArrangement[], overrides: readonly CalendarOverride[] = []) {
    for (const y of [...years].sort((a, b) => a.year - b.year)) {
      this.covered.add(y.year);
      this.byYear.set(y.year, y);
      for (const h of y.holidays) {
        for (const d of h.off)
          this.info.set(toEpochDay(d), { kind: 'holiday', name: h.name, nameEn: h.nameEn });
      }
      for (const w of y.workdays)
        this.info.set(toEpochDay(w.date), { kind: 'makeup', name: w.name, nameEn: w.nameEn });
    }
    overrides.forEach((o, i) => {
      const date = parseLocalDate(o.date, `overrides[${i}].date`);
      if (o.kind !== 'CLOSED' && o.kind !== 'OPEN') {
        throw new InvalidDateError(o.kind, `overrides[${i}].kind`, "expected 'CLOSED' or 'OPEN'");
      }
      const kind = o.kind === 'CLOSED' ? 'override-closed' : 'override-open';
      const base = this.info.get(toEpochDay(date));
      const name = o.name ?? base?.name;
      const nameEn = o.name ? undefined : base?.nameEn;
      this.info.set(toEpochDay(date), {
        kind,
        basis: o.basis,
        scope: o.scope,
        ...(name ? { name } : {}),
        ...(nameEn ? { nameEn } : {}),
      });
    });
  }

  /** True when the national arrangement of `year` is loaded (R-WD-04). */
  covers(year: number): boolean {
    return this.covered.has(year);
  }

  coveredYears(): number[] {
    return [...this.covered].sort((a, b) => a - b);
  }

  /** The loaded arrangement (with provenance) of a year, if any. */
  arrangement(year: number): YearArrangement | undefined {
    return this.byYear.get(year);
  }

  dayStatus(date: LocalDate): DayStatus {
    const d = parseLocalDate(date);
    const epoch = toEpochDay(d);
    const weekday = dayOfWeek(d);
    const info = this.info.get(epoch) ?? {
      kind: weekday === 0 || weekday === 6 ? 'weekend' : 'workday',
    };
    return {
      date: d,
      weekday,
      working: this.isWorkingEpoch(epoch),
      provisional: !this.covers(yearOf(d)),
      ...info,
    };
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.isWorkingEpoch(toEpochDay(parseLocalDate(date)));
  }

  /** Statuses of every day from `from` to `to`, both included. */
  days(from: LocalDate, to: LocalDate): DayStatus[] {
    const span = toEpochDay(parseLocalDate(to, 'to')) - toEpochDay(parseLocalDate(from, 'from'));
    if (span < 0) throw new InvalidPeriodError(`'to' (${to}) is before 'from' (${from})`, 'to');
    checkCount(span, MAX_DAYS, 'days');
    const start = toEpochDay(from);
    return Array.from({ length: span + 1 }, (_, i) => this.dayStatus(fromEpochDay(start + i)));
  }

  /**
   * The n-th working day strictly after `anchor` (R-CNT-01/02), skipping working days inside
   * pauses (start, end] (R-CNT-05, D-6; overlapping pauses merged, R-TP-05).
   */
  addWorkingDays(
    anchor: LocalDate,
    n: number,
    pauses: readonly PauseInput[] = [],
  ): WorkingDaysResult {
    const epoch = parseEpochDay(anchor, 'anchor');
    const a = anchor;
    checkCount(n, MAX_DAYS, 'n');
    if (pauses.length === 0 && n > 0) {
      // The common question (no pause): one lookup, no intermediate result.
      const index = this.dayIndex();
      const due = index.nthAfter(epoch, n);
      if (due >= 0) {
        const provisional = index.anyUncovered(epoch, due);
        return {
          anchor: a,
          n,
          due: fromEpochDay(due),
          paused: false,
          workingDaysLeft: 0,
          provisional,
        };
      }
    }
    const merged = pauses.length === 0 ? NO_PAUSES : mergePauses(pauses);
    const r: CountOutcome =
      this.dayIndex().add(epoch, n, merged) ?? walkAddWorkingDays(this, epoch, n, merged);
    return {
      anchor: a,
      n,
      due: r.due === null ? null : fromEpochDay(r.due),
      paused: r.due === null,
      workingDaysLeft: r.workingDaysLeft,
      provisional: r.provisional,
    };
  }

  /** Working days counted in (from, to], pauses excluded — the inverse of addWorkingDays. */
  countWorkingDays(from: LocalDate, to: LocalDate, pauses: readonly PauseInput[] = []): number {
    const end = toEpochDay(parseLocalDate(to, 'to'));
    const start = toEpochDay(parseLocalDate(from, 'from'));
    checkCount(Math.max(0, end - start), MAX_DAYS, 'days');
    const merged = pauses.length === 0 ? NO_PAUSES : mergePauses(pauses);
    return (
      this.dayIndex().countBetween(start, end, merged) ??
      walkCountWorkingDays(this, start, end, merged)
    );
  }

  /** Calendar-day period: start day not counted, last day rolls to a working day (R-PER-01/02, D-9). */
  addCalendarDays(anchor: LocalDate, n: number): PeriodResult {
    const a = parseLocalDate(anchor, 'anchor');
    checkCount(n, MAX_DAYS, 'n');
    return this.rollForward(a, fromEpochDay(toEpochDay(a) + n));
  }

  /** Month period: corresponding day clamped to month end, then rollover (R-PER-04, D-9). */
  addMonths(anchor: LocalDate, months: number): PeriodResult {
    const a = parseLocalDate(anchor, 'anchor');
    checkCount(months, MAX_MONTHS, 'months');
    return this.rollForward(a, addMonthsClamped(a, months));
  }

  firstWorkingDayOnOrAfter(date: LocalDate): { date: LocalDate; provisional: boolean } {
    return this.walk(parseLocalDate(date), 1);
  }

  /** E.g. the reminder target for a report due on a non-working day (R-AR-02, WE-11). */
  lastWorkingDayOnOrBefore(date: LocalDate): { date: LocalDate; provisional: boolean } {
    return this.walk(parseLocalDate(date), -1);
  }

  private rollForward(anchor: LocalDate, raw: LocalDate): PeriodResult {
    const { date: due, provisional } = this.walk(raw, 1);
    return { anchor, raw, due, rolled: due !== raw, provisional };
  }

  private walk(from: LocalDate, step: 1 | -1): { date: LocalDate; provisional: boolean } {
    let epoch = toEpochDay(from);
    let provisional = !this.covers(yearOf(from));
    while (!this.isWorkingEpoch(epoch)) {
      epoch += step;
      if (!this.covers(yearOf(fromEpochDay(epoch)))) provisional = true;
    }
    return { date: fromEpochDay(epoch), provisional };
  }

  /** Part of DayOracle (the walk and the index read days through it). */
  isWorkingEpoch(epoch: number): boolean {
    const info = this.info.get(epoch);
    if (info) return info.kind === 'makeup' || info.kind === 'override-open';
    const weekday = (((epoch + 4) % 7) + 7) % 7;
    return weekday !== 0 && weekday !== 6;
  }

  private dayIndex(): WorkingDayIndex {
    if (this.index) return this.index;
    const years = [...this.covered, ...[...this.info.keys()].map((e) => yearOf(fromEpochDay(e)))];
    // Clamped: a stray far-away override must not make a huge table (the walk answers there).
    const first = Math.max(INDEX_MIN_YEAR, Math.min(INDEX_FIRST_YEAR, ...years));
    const last = Math.min(
      INDEX_MAX_YEAR,
      Math.max(INDEX_LAST_YEAR, ...years.map((y) => y + INDEX_MARGIN_YEARS)),
    );
    this.index = new WorkingDayIndex(first, last, this);
    return this.index;
  }
}
