import { createWorkingCalendar } from './national-calendar';
import {
  localOverridesOf,
  warningOf,
  type AgencyRef,
  type OverrideWarning,
  type ScopedOverride,
} from './override-scope';
import type { WorkingCalendar } from './working-calendar';
import { summarizeYears, type ImportedYear, type YearSummary } from './year-summary';

/** Everything the calendar depends on, as loaded from the database at one version. */
export interface CalendarState {
  /** Id of the latest calendar change ('0' before any); changes with every import or override. */
  readonly version: string;
  readonly importedYears: readonly ImportedYear[];
  /** Active (not deleted) overrides of every scope. */
  readonly overrides: readonly ScopedOverride[];
}

export interface AgencyCalendar {
  /** The calendar for statutory deadlines of that agency. */
  readonly calendar: WorkingCalendar;
  /** The agency's local overrides that are NOT applied to `calendar` (R-WD-05), as warnings. */
  readonly warnings: readonly OverrideWarning[];
}

/** Agencies with local overrides whose calendars are kept; beyond that the memo starts afresh. */
const MAX_AGENCY_CALENDARS = 500;

/**
 * The effective working calendar at one version (R-WD-01 … R-WD-06): the national dataset, plus
 * imported year notices (R-WD-04), plus NATIONAL_CORRECTION overrides. Province and agency
 * overrides (R-WD-05) are applied to an agency's statutory deadlines only when `applyLocal` is
 * set (CALENDAR_APPLY_LOCAL_OVERRIDES); otherwise they are reported as warnings. Pure and
 * immutable: the service builds a new one when the version changes.
 */
export class EffectiveCalendar {
  readonly national: WorkingCalendar;
  private readonly corrections: readonly ScopedOverride[];
  private readonly byAgency = new Map<string, WorkingCalendar>();
  private summaries?: YearSummary[];

  constructor(
    readonly state: CalendarState,
    readonly applyLocal: boolean,
  ) {
    this.corrections = state.overrides.filter((o) => o.scopeKind === 'NATIONAL_CORRECTION');
    this.national = createWorkingCalendar({
      importedYears: state.importedYears.map((y) => y.arrangement),
      overrides: this.corrections,
    });
  }

  get version(): string {
    return this.state.version;
  }

  /**
   * Whether an agency's deadlines can differ from the national calendar at this version: only
   * when local overrides are applied and some exist. Otherwise no agency needs to be read.
   */
  get hasLocalCalendars(): boolean {
    return (
      this.applyLocal && this.state.overrides.some((o) => o.scopeKind !== 'NATIONAL_CORRECTION')
    );
  }

  /** The calendar for an agency's deadlines (the national one when `agency` is null). */
  forAgency(agency: AgencyRef | null): AgencyCalendar {
    if (agency === null) return { calendar: this.national, warnings: [] };
    const local = localOverridesOf(this.state.overrides, agency);
    if (!this.applyLocal) return { calendar: this.national, warnings: local.map(warningOf) };
    if (local.length === 0) return { calendar: this.national, warnings: [] };
    let calendar = this.byAgency.get(agency.path);
    if (!calendar) {
      if (this.byAgency.size >= MAX_AGENCY_CALENDARS) this.byAgency.clear();
      calendar = createWorkingCalendar({
        importedYears: this.state.importedYears.map((y) => y.arrangement),
        // Later entries win: national corrections, then provinces top-down, then the agency.
        overrides: [...this.corrections, ...local],
      });
      this.byAgency.set(agency.path, calendar);
    }
    return { calendar, warnings: [] };
  }

  /** Covered years with provenance and working-day counts (computed once per version). */
  years(): readonly YearSummary[] {
    this.summaries ??= summarizeYears(this.national, this.state.importedYears);
    return this.summaries;
  }
}
