import { mergeYearArrangements, nationalYearArrangements } from './calendar-data';
import { WorkingCalendar, type CalendarOverride } from './working-calendar';
import type { YearArrangement } from './year-arrangement';

export interface CalendarOptions {
  /** Notices imported after the release of the dataset (parseYearNotice); they replace base years. */
  readonly importedYears?: readonly YearArrangement[];
  /** Overrides already filtered by scope by the caller (R-WD-05). */
  readonly overrides?: readonly CalendarOverride[];
}

/** Builds a calendar from the national base data plus imported years and overrides. */
export function createWorkingCalendar(options: CalendarOptions = {}): WorkingCalendar {
  const years = mergeYearArrangements(nationalYearArrangements(), options.importedYears ?? []);
  return new WorkingCalendar(years, options.overrides ?? []);
}

let national: WorkingCalendar | undefined;

/** The national calendar from the bundled dataset only, built once per process. */
export function nationalCalendar(): WorkingCalendar {
  national ??= createWorkingCalendar();
  return national;
}
