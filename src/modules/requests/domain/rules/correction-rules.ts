import { addDays, type LocalDate } from '../../../calendar/domain/local-date';
import { allow, refuse, refuseField, type Decision } from '../../../../shared/domain/refusal';
import type { CaseFacts } from '../case-facts';
import type { CaseRulesConfig } from './case-rules-config';

/**
 * Art 30 (R-COR-01, R-COR-02, D-4, D-19): one notice with a reasonable period set by the agency,
 * between the configured bounds in working days after today. A notice later than 7 WD after
 * receipt is allowed and flagged (`late`); one after the reply due date still restarts the
 * clock, but the case stays late from that due date on (`lateSince`).
 */
export function decideCorrectionNotice(
  c: Pick<CaseFacts, 'regime' | 'correctionNoticeDue' | 'replyDue'>,
  input: {
    readonly today: LocalDate;
    readonly periodEnd: LocalDate;
    /** Working days in (today, periodEnd]. */
    readonly periodWd: number;
    readonly limits: CaseRulesConfig['correctionPeriodWd'];
  },
): Decision<{ late: boolean; lateSince: LocalDate | null }> {
  if (c.regime === 'OGI-2008') return refuseField('regime', 'correction-not-in-ogi-2008');
  if (input.periodEnd <= input.today)
    return refuseField('periodEnd', 'correction-period-not-after-today');
  if (input.periodWd < input.limits.min || input.periodWd > input.limits.max)
    return refuseField('periodEnd', 'correction-period-out-of-range', {
      min: input.limits.min,
      max: input.limits.max,
      days: input.periodWd,
    });
  return allow({
    late: c.correctionNoticeDue !== null && input.today > c.correctionNoticeDue,
    lateSince: c.replyDue !== null && input.today > c.replyDue ? c.replyDue : null,
  });
}

/** R-COR-03: the corrected application is received on a day between the notice and today. */
export function decideCorrectionReceived(
  c: Pick<CaseFacts, 'correctionRequestedOn'>,
  input: { readonly today: LocalDate; readonly receivedOn: LocalDate },
): Decision<{ receivedOn: LocalDate }> {
  if (input.receivedOn > input.today) return refuseField('receivedOn', 'date-in-future');
  if (c.correctionRequestedOn && input.receivedOn < c.correctionRequestedOn) {
    return refuseField('receivedOn', 'correction-before-notice');
  }
  return allow({ receivedOn: input.receivedOn });
}

/**
 * R-COR-04: the correction period passed without a correction → deemed abandoned. The case is
 * concluded on the day after the period ran out, whoever records it and whenever.
 */
export function decideCorrectionAbandonment(
  c: Pick<CaseFacts, 'status' | 'correctionPeriodEnd'>,
  today: LocalDate,
): Decision<{ concludedOn: LocalDate; periodEnd: LocalDate }> {
  if (c.status !== 'correction_requested') return refuse('correction-not-awaited');
  if (!c.correctionPeriodEnd || today <= c.correctionPeriodEnd) {
    return refuse('correction-period-running', { periodEnd: c.correctionPeriodEnd });
  }
  return allow({
    concludedOn: addDays(c.correctionPeriodEnd, 1),
    periodEnd: c.correctionPeriodEnd,
  });
}
