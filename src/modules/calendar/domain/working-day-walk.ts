import { fromEpochDay } from './local-date';
import type { MergedPause } from './pauses';

/** What a day-by-day count needs to know about a calendar. */
export interface DayOracle {
  isWorkingEpoch(epoch: number): boolean;
  /** True when the national arrangement of `year` is loaded (R-WD-04). */
  covers(year: number): boolean;
}

export interface CountOutcome {
  /** Epoch day of the due date; null while an open pause stops the count. */
  readonly due: number | null;
  readonly workingDaysLeft: number;
  readonly provisional: boolean;
}

/**
 * The n-th working day strictly after `anchor`, walked one day at a time (R-CNT-01/02), working
 * days inside merged pauses (start, end] skipped (R-CNT-05, D-6). This is the definition: the
 * prefix-sum index (WorkingDayIndex) must agree with it everywhere, and the property tests use it
 * as their oracle. It is also the fallback for dates outside the index.
 */
export function walkAddWorkingDays(
  cal: DayOracle,
  anchor: number,
  n: number,
  merged: readonly MergedPause[],
): CountOutcome {
  let epoch = anchor;
  let counted = 0;
  let next = 0;
  let provisional = false;
  while (counted < n) {
    epoch++;
    const date = fromEpochDay(epoch);
    while (next < merged.length && merged[next].end !== null && merged[next].end! < date) next++;
    const pause = merged[next];
    if (pause && date > pause.start) {
      if (pause.end === null) return { due: null, workingDaysLeft: n - counted, provisional };
      continue;
    }
    if (!cal.covers(Number(date.slice(0, 4)))) provisional = true;
    if (cal.isWorkingEpoch(epoch)) counted++;
  }
  return { due: epoch, workingDaysLeft: 0, provisional };
}

/** Working days counted in (from, to], pauses excluded, walked one day at a time. */
export function walkCountWorkingDays(
  cal: DayOracle,
  from: number,
  to: number,
  merged: readonly MergedPause[],
): number {
  let counted = 0;
  for (let epoch = from + 1; epoch <= to; epoch++) {
    const date = fromEpochDay(epoch);
    const paused = merged.some((p) => date > p.start && (p.end === null || date <= p.end));
    if (!paused && cal.isWorkingEpoch(epoch)) counted++;
  }
  return counted;
}
