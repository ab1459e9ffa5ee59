/** Median of a list of numbers (null when empty). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function average(values: readonly number[]): number | null {
  return values.length
    ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10
    : null;
}

export interface ReplyFact {
  agencyCode: string;
  month: string;
  onTime: boolean;
  netDays: number;
}

export interface MonthStats {
  agencyCode: string;
  month: string;
  replied: number;
  onTime: number;
  onTimeRate: number | null;
  avgNetDays: number | null;
  medianNetDays: number | null;
}

/** Groups closed cases per agency and month: on-time rate and net processing days (pauses excluded). */
export function statsByAgencyMonth(facts: readonly ReplyFact[]): MonthStats[] {
  const groups = new Map<string, ReplyFact[]>();
  for (const f of facts) {
    const key = `${f.agencyCode} ${f.month}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, list]) => {
      const onTime = list.filter((f) => f.onTime).length;
      const days = list.map((f) => f.netDays);
      return {
        agencyCode: list[0].agencyCode,
        month: list[0].month,
        replied: list.length,
        onTime,
        onTimeRate: list.length ? Math.round((onTime / list.length) * 1000) / 1000 : null,
        avgNetDays: average(days),
        medianNetDays: median(days),
      };
    });
}
