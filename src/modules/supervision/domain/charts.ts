/**
 * The supervisors' chart series, from counts the database grouped: twelve months of a year
 * (months without a case are zero, never missing), on-time rates and the per-agency table.
 * Pure: no chart library here (the portal draws them), so the arithmetic is tested alone.
 */

/** A count grouped by month (`YYYY-MM`). */
export interface MonthCount {
  readonly month: string;
  readonly n: number;
}

/** Replies grouped by month of the first conclusion: how many, how many on time (R-DL-04). */
export interface MonthReplies {
  readonly month: string;
  readonly replied: number;
  readonly onTime: number;
}

export interface MonthPoint {
  /** `YYYY-MM`. */
  readonly month: string;
  readonly received: number;
  readonly replied: number;
  readonly onTime: number;
  /** On time / replied, as a percentage with one decimal; null in a month with no reply. */
  readonly onTimePct: number | null;
}

/** Per agency: received and replied in the year, on time, open past the due date today. */
export interface AgencyFigures {
  readonly code: string;
  readonly name: string;
  readonly received: number;
  readonly replied: number;
  readonly onTime: number;
  readonly overdueNow: number;
}

export interface AgencyPoint extends AgencyFigures {
  readonly onTimePct: number | null;
}

/** `part / whole` as a percentage with one decimal, rounded half up; null when whole is 0. */
export function percent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part * 1000) / whole) / 10;
}

/** The twelve months of `year`, `YYYY-01` … `YYYY-12`. */
export function monthsOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/**
 * One point per month of `year`: received (D-11, by the day of receipt) and replies (by the day
 * of the first conclusion, D-17). Counts outside the year are ignored; a month may appear once.
 */
export function monthlySeries(
  year: number,
  received: readonly MonthCount[],
  replies: readonly MonthReplies[],
): MonthPoint[] {
  const r = new Map(received.map((x) => [x.month, x.n]));
  const q = new Map(replies.map((x) => [x.month, x]));
  return monthsOf(year).map((month) => {
    const rep = q.get(month);
    const replied = rep?.replied ?? 0;
    const onTime = rep?.onTime ?? 0;
    return {
      month,
      received: r.get(month) ?? 0,
      replied,
      onTime,
      onTimePct: percent(onTime, replied),
    };
  });
}

/** The year's totals over the monthly series; the on-time rate is over all replies, not an average of months. */
export function yearTotals(points: readonly MonthPoint[]): Omit<MonthPoint, 'month'> {
  const sum = (k: 'received' | 'replied' | 'onTime') => points.reduce((a, p) => a + p[k], 0);
  const replied = sum('replied');
  const onTime = sum('onTime');
  return { received: sum('received'), replied, onTime, onTimePct: percent(onTime, replied) };
}

/** Agencies by code, each with its on-time rate. */
export function agencySeries(rows: readonly AgencyFigures[]): AgencyPoint[] {
  return [...rows]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((a) => ({ ...a, onTimePct: percent(a.onTime, a.replied) }));
}
