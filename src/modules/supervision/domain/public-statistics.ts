import { average, median } from './stats';

/**
 * The live statistics of an agency's year as the public page shows them (pure): the counts come
 * from the annual report's own count of section 三 (新收, 办理结果), on time as the cases record
 * it (R-DL-04), and the net working days of each reply (pauses excluded, as the supervisors'
 * statistics count them). Nothing here decides what counts: it only combines those figures.
 */
export interface StatisticsInput {
  /** 新收 总计 of section 三 (received in the year, D-11). */
  readonly received: number;
  /** 办理结果 （七）总计: first concluded in the year (D-17). */
  readonly concluded: number;
  /** Concluded in the year and recorded on time / late (R-DL-04, `on_time`). */
  readonly onTime: number;
  readonly late: number;
  /** Net working days to reply of each live reply first concluded in the year. */
  readonly netDays: readonly number[];
  /** The result rows of the year's format with their 总计 (section 三 办理结果). */
  readonly outcomes: ReadonlyArray<{ readonly id: string; readonly n: number }>;
}

export interface PublicStatistics {
  readonly received: number;
  readonly concluded: number;
  readonly onTime: number;
  readonly late: number;
  /** On time ÷ (on time + late), 0…1 to three decimals; null when nothing was decided. */
  readonly onTimeRate: number | null;
  /** How many replies the net-day figures are taken over. */
  readonly replies: number;
  readonly medianNetDays: number | null;
  readonly averageNetDays: number | null;
  /** Each result row's count and its share of 办理结果 总计 (0…1, three decimals; null if none). */
  readonly outcomes: ReadonlyArray<{
    readonly id: string;
    readonly n: number;
    readonly share: number | null;
  }>;
}

const ratio = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 1000) / 1000 : null);

export function publicStatistics(i: StatisticsInput): PublicStatistics {
  return {
    received: i.received,
    concluded: i.concluded,
    onTime: i.onTime,
    late: i.late,
    onTimeRate: ratio(i.onTime, i.onTime + i.late),
    replies: i.netDays.length,
    medianNetDays: median(i.netDays),
    averageNetDays: average(i.netDays),
    outcomes: i.outcomes.map((o) => ({ id: o.id, n: o.n, share: ratio(o.n, i.concluded) })),
  };
}

/** A rate or share as a percentage with one decimal (0.875 → "87.5%"), or "—" when none. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
