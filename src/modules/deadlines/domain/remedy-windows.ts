import { InvalidPeriodError } from '../../calendar/domain/calendar-errors';
import { parseLocalDate, type LocalDate } from '../../calendar/domain/local-date';
import type { PeriodResult, WorkingCalendar } from '../../calendar/domain/working-calendar';

/** From this day a refusal to disclose must go to reconsideration first (复议法 2023 Art 23(1)(4), D-15). */
export const RECONSIDERATION_FIRST_FROM: LocalDate = '2024-01-01';

export interface RemedyInput {
  /** Day the applicant knew of the reply (≈ service; for post the delivery day) — DOMAIN §3.4. */
  readonly servedOn: LocalDate;
  /** The reply refuses disclosure (不予公开). */
  readonly nonDisclosure: boolean;
  /** The reply stated the remedies, the body and the time limits (default true). */
  readonly remediesStated?: boolean;
}

export interface RemedyWindows {
  /** R-RV-03: 60 CD to apply for reconsideration; null when remedies were not stated. */
  readonly reconsideration: PeriodResult | null;
  /** R-RV-05: 1 year outer limit when the reply did not state the remedies. */
  readonly reconsiderationOuter: PeriodResult | null;
  /** R-LT-03: 6 months direct suit; null when reconsideration must come first (D-15). */
  readonly directSuit: PeriodResult | null;
  /** R-LT-14: 1 year outer limit for a direct suit when the time limit was not stated. */
  readonly directSuitOuter: PeriodResult | null;
  /** D-15, R-RV-02: the reply letter names reconsideration as the first remedy. */
  readonly reconsiderationFirst: boolean;
  readonly provisional: boolean;
}

/** Appeal clocks after an OGI reply (DOMAIN §3.4; periods per R-PER-01 … R-PER-04, D-9). */
export function remedyWindows(cal: WorkingCalendar, input: RemedyInput): RemedyWindows {
  const servedOn = parseLocalDate(input.servedOn, 'servedOn');
  const stated = input.remediesStated ?? true;
  const reconsiderationFirst = input.nonDisclosure && servedOn >= RECONSIDERATION_FIRST_FROM;
  const windows = {
    reconsideration: stated ? cal.addCalendarDays(servedOn, 60) : null,
    reconsiderationOuter: stated ? null : cal.addMonths(servedOn, 12),
    directSuit: !reconsiderationFirst && stated ? cal.addMonths(servedOn, 6) : null,
    directSuitOuter: !reconsiderationFirst && !stated ? cal.addMonths(servedOn, 12) : null,
  };
  const provisional = Object.values(windows).some((w) => w?.provisional ?? false);
  return { ...windows, reconsiderationFirst, provisional };
}

/** R-RV-08: the reconsideration body reviews within 5 WD (复议法 Arts 30, 88); deemed accepted after. */
export function reconsiderationAcceptanceDue(
  cal: WorkingCalendar,
  receivedOn: LocalDate,
): PeriodResult {
  const r = cal.addWorkingDays(receivedOn, 5);
  const due = r.due as LocalDate; // no pauses: always found
  return { anchor: r.anchor, raw: due, due, rolled: false, provisional: r.provisional };
}

/** R-RV-11/12: decision within 60 CD of acceptance (30 CD simplified; +≤30 CD extension). */
export function reconsiderationDecisionDue(
  cal: WorkingCalendar,
  acceptedOn: LocalDate,
  options: { readonly simplified?: boolean; readonly extensionDays?: number } = {},
): PeriodResult {
  const extension = options.extensionDays ?? 0;
  if (!Number.isInteger(extension) || extension < 0 || extension > 30) {
    throw new InvalidPeriodError(
      `extensionDays must be a whole number from 0 to 30, got ${extension}`,
      'extensionDays',
    );
  }
  return cal.addCalendarDays(acceptedOn, (options.simplified ? 30 : 60) + extension);
}

/** R-RV-14, R-LT-02: sue within 15 CD of receiving the reconsideration decision. */
export function suitAfterReconsiderationDue(
  cal: WorkingCalendar,
  decisionServedOn: LocalDate,
): PeriodResult {
  return cal.addCalendarDays(decisionServedOn, 15);
}
