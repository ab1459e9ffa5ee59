import { addDays, type LocalDate } from '../../calendar/domain/local-date';
import type { WorkingCalendar } from '../../calendar/domain/working-calendar';
import type { DeadlineKind } from '../../../shared/domain/deadline-kind';

export type EffectName =
  | `remind-${number}`
  | 'escalate'
  | 'auto-abandon-correction'
  | 'auto-silence'
  | 'auto-abandon-fee'
  | 'alert-unconfirmed'
  | 'auto-deem-accept'
  | 'alert-decision-overdue';

export interface PlannedEffect {
  readonly effect: EffectName;
  /** The calendar day (Asia/Shanghai) on which it happens. */
  readonly on: LocalDate;
  /** Beijing wall-clock time: office hours for mail, just after midnight for transitions. */
  readonly time: '09:00' | '00:05' | '17:30';
}

/** The working day `n` working days before `due` (n = 0: `due` itself). */
export function workingDaysBefore(cal: WorkingCalendar, due: LocalDate, n: number): LocalDate {
  let d = due;
  for (let i = 0; i < n; i++) d = cal.lastWorkingDayOnOrBefore(addDays(d, -1)).date;
  return d;
}

/**
 * What happens around a legal date (DOMAIN §1.5–1.7, §1.11):
 * - reply and correction-notice dates: reminders `reminderDays` working days before and on the
 *   day, then an escalation to supervisors on the next working day;
 * - correction period end: deemed abandonment the day after (R-COR-04, （六）1);
 * - a consulted party's 15 WD: its silence ends the pause the day after (R-TP-04);
 * - fee payment window: deemed abandonment the day after (R-FEE-05, （六）2);
 * - an online submission awaiting manual confirmation (D-2): an alert to the clerks at the end of
 *   the next working day;
 * - remedies: the agency's answer in a reconsideration or suit (and a complaint's local handling
 *   limit) like a reply date; the body's acceptance review: deemed accepted the day after; the
 *   body's decision period: an alert on the next working day after it passed;
 * - an annual report's due date (D-13): reminders before the last working day on or before it.
 */
export function planEffects(
  cal: WorkingCalendar,
  kind: DeadlineKind,
  due: LocalDate,
  reminderDays: readonly number[],
): PlannedEffect[] {
  switch (kind) {
    case 'reply':
    case 'remedy_answer':
    case 'remedy_complaint':
    case 'correction_notice': {
      const reminders = [...new Set([...reminderDays, 0])]
        .sort((a, b) => b - a)
        .map((n): PlannedEffect => ({
          effect: `remind-${n}`,
          on: workingDaysBefore(cal, due, n),
          time: '09:00',
        }));
      // A correction notice is only needed for unclear applications: no escalation when none was sent.
      if (kind === 'correction_notice') return reminders;
      return [
        ...reminders,
        {
          effect: 'escalate',
          on: cal.firstWorkingDayOnOrAfter(addDays(due, 1)).date,
          time: '09:00',
        },
      ];
    }
    case 'correction_period':
      return [{ effect: 'auto-abandon-correction', on: addDays(due, 1), time: '00:05' }];
    case 'consultation':
      return [{ effect: 'auto-silence', on: addDays(due, 1), time: '00:05' }];
    case 'fee_payment':
      return [{ effect: 'auto-abandon-fee', on: addDays(due, 1), time: '00:05' }];
    case 'remedy_acceptance':
      // R-RV-08: no refusal within the 5 WD review → deemed accepted when the period ends.
      return [{ effect: 'auto-deem-accept', on: addDays(due, 1), time: '00:05' }];
    case 'remedy_decision':
      // The body's own decision period passed: the clerk and supervisors are alerted.
      return [
        {
          effect: 'alert-decision-overdue',
          on: cal.firstWorkingDayOnOrAfter(addDays(due, 1)).date,
          time: '09:00',
        },
      ];
    case 'report_due': {
      // D-13 / R-AR-02: the legal date stays; when it is not a working day the reminders target
      // the last working day before it, and the escalation comes on the next working day after.
      const target = cal.lastWorkingDayOnOrBefore(due).date;
      return [
        ...[...new Set([...reminderDays, 0])]
          .sort((a, b) => b - a)
          .map((n): PlannedEffect => ({
            effect: `remind-${n}`,
            on: workingDaysBefore(cal, target, n),
            time: '09:00',
          })),
        {
          effect: 'escalate',
          on: cal.firstWorkingDayOnOrAfter(addDays(due, 1)).date,
          time: '09:00',
        },
      ];
    }
    case 'receipt_confirmation':
      // D-2 (manual): an online submission still unconfirmed at the end of the next working day.
      return [{ effect: 'alert-unconfirmed', on: due, time: '17:30' }];
  }
}

/**
 * Of several reminders that are all due at once (a late wake-up, Redis wiped), only the latest
 * is sent; the earlier ones are recorded as superseded.
 */
export function isSuperseded(e: PlannedEffect, due: readonly PlannedEffect[]): boolean {
  return (
    e.effect.startsWith('remind-') &&
    due.some(
      (o) => o !== e && o.on > e.on && (o.effect.startsWith('remind-') || o.effect === 'escalate'),
    )
  );
}

/** The instant of a planned effect. */
export function momentOf(e: PlannedEffect): Date {
  return new Date(`${e.on}T${e.time}:00+08:00`);
}
