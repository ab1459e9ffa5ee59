import { parseLocalDate, type LocalDate } from './local-date';
import type { WorkingCalendar } from './working-calendar';

/** Units of `govinfo period` and GET /api/v1/calendar/period (one per question). */
export const PERIOD_UNITS = ['calendarDays', 'months', 'workingDays'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/** Output keys shared by the CLI and the HTTP API: keep names and order stable. */
export interface PeriodOutput {
  /** Last day before any rollover (R-PER-01, R-PER-04). */
  raw: LocalDate;
  /** `raw`, rolled forward to a working day for calendar-day and month periods (R-PER-02, D-9). */
  due: LocalDate;
}

/**
 * The last day of a period whose start day is not counted (R-PER-01): calendar days and months
 * roll forward to a working day (R-PER-02, R-PER-04, D-9); working days end on the n-th working
 * day (R-CNT-02, R-PER-05), so raw = due.
 */
export function computePeriod(
  cal: WorkingCalendar,
  from: LocalDate,
  unit: PeriodUnit,
  n: number,
): PeriodOutput {
  const start = parseLocalDate(from, 'from');
  switch (unit) {
    case 'calendarDays': {
      const r = cal.addCalendarDays(start, n);
      return { raw: r.raw, due: r.due };
    }
    case 'months': {
      const r = cal.addMonths(start, n);
      return { raw: r.raw, due: r.due };
    }
    case 'workingDays': {
      // Without pauses the count always ends on a date.
      const due = cal.addWorkingDays(start, n).due as LocalDate;
      return { raw: due, due };
    }
  }
}
