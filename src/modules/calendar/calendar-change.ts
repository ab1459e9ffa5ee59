import type { LocalDate } from './domain/local-date';

export type CalendarChangeAction = 'year.imported' | 'override.added' | 'override.removed';

/** NATIONAL: a year import or a NATIONAL_CORRECTION override; else the override's scope. */
export type CalendarChangeScope = 'NATIONAL' | 'PROVINCE' | 'AGENCY';

/**
 * A committed change of the working calendar, as listeners of `CalendarChanges` receive it and
 * as `CalendarService.changesSince` returns it. Payload of ids and ISO strings only, so it can be
 * passed on to a queue as is (STYLE.md point 5).
 */
export interface CalendarChange {
  /** Id of the calendar_change row = the calendar version after this change. */
  readonly id: string;
  /** ISO instant. */
  readonly at: string;
  readonly actorId: string | null;
  readonly action: CalendarChangeAction;
  readonly scope: CalendarChangeScope;
  /** Agency of a PROVINCE override (its subtree is concerned) or an AGENCY override. */
  readonly agencyId: string | null;
  readonly year: number | null;
  readonly overrideId: string | null;
  /** Dates whose status may have changed: cases whose counting window meets them may move. */
  readonly dateFrom: LocalDate;
  readonly dateTo: LocalDate;
  /** False for province/agency overrides while CALENDAR_APPLY_LOCAL_OVERRIDES=false (R-WD-05). */
  readonly affectsDeadlines: boolean;
}

export type CalendarChangeListener = (change: CalendarChange) => void | Promise<void>;
