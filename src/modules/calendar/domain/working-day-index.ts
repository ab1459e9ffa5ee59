import { toEpochDay } from './local-date';
import type { MergedPause } from './pauses';
import type { CountOutcome, DayOracle } from './working-day-walk';

/** A merged pause as epoch days: (start, end], end null = still open. */
interface EpochPause {
  readonly start: number;
  readonly end: number | null;
}

function toEpochPauses(merged: readonly MergedPause[]): EpochPause[] {
  return merged.map((p) => ({
    start: toEpochDay(p.start),
    end: p.end === null ? null : toEpochDay(p.end),
  }));
}

/**
 * Working-day arithmetic by index over the epoch days [lo, hi] of one immutable calendar:
 * prefix sums of working days and of days in years without a published arrangement, and the
 * epoch of every working day by its ordinal. "n working days after a" is then one lookup,
 * `nth[working(a) + n - 1]`. Built once from the calendar it belongs to (a changed calendar is a
 * new WorkingCalendar, hence a new index: a table is never stale). Answers null whenever a
 * question reaches outside [lo, hi]; the caller then walks (walkAddWorkingDays).
 */
export class WorkingDayIndex {
  /** working[i] = working days among lo … lo + i - 1. */
  private readonly working: Int32Array;
  /** uncovered[i] = days among lo … lo + i - 1 in a year without an arrangement (R-WD-04). */
  private readonly uncovered: Int32Array;
  /** nth[k] = epoch of the (k + 1)-th working day from lo. */
  private readonly nth: Int32Array;
  /** First and last epoch day of the index. */
  readonly lo: number;
  readonly hi: number;

  /** Spans 1 January of `firstYear` to 31 December of `lastYear`. */
  constructor(firstYear: number, lastYear: number, cal: DayOracle) {
    this.lo = toEpochDay(`${firstYear}-01-01`);
    this.hi = toEpochDay(`${lastYear}-12-31`);
    const span = this.hi - this.lo + 1;
    this.working = new Int32Array(span + 1);
    this.uncovered = new Int32Array(span + 1);
    const nth = new Int32Array(span);
    let w = 0;
    let u = 0;
    let i = 0;
    for (let year = firstYear; year <= lastYear; year++) {
      const covered = cal.covers(year);
      const end = toEpochDay(`${year}-12-31`);
      for (let epoch = this.lo + i; epoch <= end; epoch++, i++) {
        if (cal.isWorkingEpoch(epoch)) nth[w++] = epoch;
        if (!covered) u++;
        this.working[i + 1] = w;
        this.uncovered[i + 1] = u;
      }
    }
    this.nth = nth.slice(0, w);
  }

  /** Working days in (a, b], or -1 when outside the index. */
  count(a: number, b: number): number {
    if (a < this.lo - 1 || b > this.hi || b < a) return -1;
    return this.working[b + 1 - this.lo] - this.working[a + 1 - this.lo];
  }

  /** Epoch of the n-th (n ≥ 1) working day after a, or -1 when outside the index. */
  nthAfter(a: number, n: number): number {
    if (a < this.lo - 1 || a > this.hi) return -1;
    const k = this.working[a + 1 - this.lo] + n - 1;
    return k < this.nth.length ? this.nth[k] : -1;
  }

  /** True when a day of (a, b] lies in a year without an arrangement. */
  anyUncovered(a: number, b: number): boolean {
    return this.uncovered[b + 1 - this.lo] - this.uncovered[a + 1 - this.lo] > 0;
  }

  /** addWorkingDays by index; null when the answer needs days outside [lo, hi]. */
  add(anchor: number, n: number, merged: readonly MergedPause[]): CountOutcome | null {
    if (n === 0) return { due: anchor, workingDaysLeft: 0, provisional: false };
    if (merged.length === 0) return this.finish(anchor, n, false);
    let cur = anchor;
    let left = n;
    let provisional = false;
    for (const p of toEpochPauses(merged)) {
      if (p.end !== null && p.end <= cur) continue;
      if (p.start > cur) {
        const free = this.count(cur, p.start);
        if (free < 0) return null;
        if (free >= left) return this.finish(cur, left, provisional);
        provisional ||= this.anyUncovered(cur, p.start);
        left -= free;
      }
      // Days (max(cur, start), end] are paused.
      if (p.end === null) return { due: null, workingDaysLeft: left, provisional };
      cur = p.end;
    }
    return this.finish(cur, left, provisional);
  }

  /** countWorkingDays by index: (from, to] minus the paused part; null outside [lo, hi]. */
  countBetween(from: number, to: number, merged: readonly MergedPause[]): number | null {
    if (to <= from) return 0;
    let total = this.count(from, to);
    if (total < 0) return null;
    for (const p of merged.length === 0 ? [] : toEpochPauses(merged)) {
      const start = Math.max(p.start, from);
      const end = Math.min(p.end ?? to, to);
      if (end > start) total -= this.count(start, end);
    }
    return total;
  }

  private finish(cur: number, left: number, provisional: boolean): CountOutcome | null {
    const due = this.nthAfter(cur, left);
    if (due < 0) return null;
    return { due, workingDaysLeft: 0, provisional: provisional || this.anyUncovered(cur, due) };
  }
}
