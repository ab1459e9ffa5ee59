import { InvalidPeriodError } from './calendar-errors';
import { diffDays, parseLocalDate, type LocalDate } from './local-date';
import type { OverrideWarning } from './override-scope';
import type { DayStatus, WorkingCalendar } from './working-calendar';

/** Longest range GET /api/v1/calendar/days lists at once (a year and a month of margin). */
export const MAX_LISTED_DAYS = 400;

/** A day's status (R-WD-01) with the local overrides that concern it but are not applied (R-WD-05). */
export type DayView = DayStatus & { readonly warnings?: readonly OverrideWarning[] };

/** Every day from `from` to `to`, both included, at most MAX_LISTED_DAYS of them. */
export function listDays(
  cal: WorkingCalendar,
  from: LocalDate,
  to: LocalDate,
  warnings: readonly OverrideWarning[] = [],
): DayView[] {
  const f = parseLocalDate(from, 'from');
  const t = parseLocalDate(to, 'to');
  const count = diffDays(f, t) + 1;
  if (count < 1) throw new InvalidPeriodError(`'to' (${t}) is before 'from' (${f})`, 'to');
  if (count > MAX_LISTED_DAYS) {
    throw new InvalidPeriodError(
      `at most ${MAX_LISTED_DAYS} days per request; ${f}..${t} has ${count}`,
      'to',
    );
  }
  const byDate = new Map<LocalDate, OverrideWarning[]>();
  for (const w of warnings) byDate.set(w.date, [...(byDate.get(w.date) ?? []), w]);
  return cal.days(f, t).map((d) => {
    const own = byDate.get(d.date);
    return own ? { ...d, warnings: own } : d;
  });
}
