import { InvalidPeriodError } from '../../calendar/domain/calendar-errors';
import { parseLocalDate, type LocalDate } from '../../calendar/domain/local-date';
import type { PeriodResult, WorkingCalendar } from '../../calendar/domain/working-calendar';
import { LEGAL_PERIODS as P, type LegalPeriod } from './legal-periods';

/** From this day a refusal to disclose must go to reconsideration first (复议法 2023 Art 23(1)(4), D-15). */
export const RECONSIDERATION_FIRST_FROM: LocalDate = '2024-01-01';

/**
 * D-15, R-RV-02: a decision not to disclose dated on or after 2024-01-01 must go to
 * reconsideration first. Judged on the date of the reply (the decision date printed on the
 * letter), never on its service — the one definition used by letters and windows alike.
 */
export function reconsiderationFirst(reply: {
  readonly repliedOn: LocalDate;
  readonly nonDisclosure: boolean;
}): boolean {
  return (
    reply.nonDisclosure &&
    parseLocalDate(reply.repliedOn, 'repliedOn') >= RECONSIDERATION_FIRST_FROM
  );
}

/** A legal period of LEGAL_PERIODS counted from `from` with its rollover (D-9). */
export function periodFrom(
  cal: WorkingCalendar,
  from: LocalDate,
  p: LegalPeriod,
  extra = 0,
): PeriodResult {
  switch (p.unit) {
    case 'calendar-days':
      return cal.addCalendarDays(from, p.length + extra);
    case 'months':
      return cal.addMonths(from, p.length + extra);
    case 'working-days': {
      const r = cal.addWorkingDays(from, p.length + extra);
      const due = r.due as LocalDate; // no pauses: always found
      return { anchor: r.anchor, raw: due, due, rolled: false, provisional: r.provisional };
    }
  }
}

export interface RemedyInput {
  /**
   * Day the applicant received the reply (deliveredOn: for post the delivery day, not the
   * posting day) — the anchor of every applicant window, DOMAIN §3.4.
   */
  readonly deliveredOn: LocalDate;
  /** Date of the reply (decides reconsideration-first, D-15). */
  readonly repliedOn: LocalDate;
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
  const from = parseLocalDate(input.deliveredOn, 'deliveredOn');
  const stated = input.remediesStated ?? true;
  const first = reconsiderationFirst(input);
  const windows = {
    reconsideration: stated ? periodFrom(cal, from, P.reconsiderationApply) : null,
    reconsiderationOuter: stated ? null : periodFrom(cal, from, P.reconsiderationOuter),
    directSuit: !first && stated ? periodFrom(cal, from, P.directSuit) : null,
    directSuitOuter: !first && !stated ? periodFrom(cal, from, P.directSuitOuter) : null,
  };
  const provisional = Object.values(windows).some((w) => w?.provisional ?? false);
  return { ...windows, reconsiderationFirst: first, provisional };
}

/** R-RV-08: the reconsideration body reviews within 5 WD (复议法 Arts 30, 88); deemed accepted after. */
export function reconsiderationAcceptanceDue(
  cal: WorkingCalendar,
  receivedOn: LocalDate,
): PeriodResult {
  return periodFrom(cal, receivedOn, P.reconsiderationAcceptance);
}

/** R-RV-11/12: decision within 60 CD of acceptance (30 CD simplified; +≤30 CD extension). */
export function reconsiderationDecisionDue(
  cal: WorkingCalendar,
  acceptedOn: LocalDate,
  options: { readonly simplified?: boolean; readonly extensionDays?: number } = {},
): PeriodResult {
  const extension = options.extensionDays ?? 0;
  const max = P.reconsiderationDecisionMaxExtension.length;
  if (!Number.isInteger(extension) || extension < 0 || extension > max) {
    throw new InvalidPeriodError(
      `extensionDays must be a whole number from 0 to ${max}, got ${extension}`,
      'extensionDays',
    );
  }
  const period = options.simplified
    ? P.reconsiderationDecisionSimplified
    : P.reconsiderationDecision;
  return periodFrom(cal, acceptedOn, period, extension);
}

/** R-RV-14, R-LT-02: sue within 15 CD of receiving the reconsideration decision. */
export function suitAfterReconsiderationDue(
  cal: WorkingCalendar,
  decisionServedOn: LocalDate,
): PeriodResult {
  return periodFrom(cal, decisionServedOn, P.suitAfterReconsideration);
}
