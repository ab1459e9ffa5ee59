import type { LocalDate } from '../../calendar/domain/local-date';
import { parseLocalDate } from '../../calendar/domain/local-date';
import type { Pause } from '../../calendar/domain/pauses';
import type { WorkingCalendar } from '../../calendar/domain/working-calendar';
import { DatesOutOfOrderError } from './deadline-errors';
import { LEGAL_PERIODS } from './legal-periods';

/** A consultation letter to a third party or another agency (R-TP-01). */
export interface ConsultationInput {
  readonly sentOn: LocalDate;
  readonly partyReceivedOn?: LocalDate | null;
  readonly answeredOn?: LocalDate | null;
}

export interface ConsultationResult {
  readonly sentOn: LocalDate;
  /** R-TP-02: 15 WD after the party received the letter (OGI-2019 Arts 32/34); null when unknown. */
  readonly partyDue: LocalDate | null;
  /** D-6: the pause ends at the earlier of the answer and the party's own limit; null = still open. */
  readonly pauseEnd: LocalDate | null;
  /** R-TP-04: no answer by the party's limit (Art 32: agency decides; Art 34: deemed consent). */
  readonly silence: boolean;
  readonly provisional: boolean;
}

/** The fee notice of 109号 (R-FEE-03 … R-FEE-06). */
export interface FeeNoticeInput {
  readonly sentOn: LocalDate;
  readonly receivedOn?: LocalDate | null;
  readonly paidOn?: LocalDate | null;
}

export interface FeeNoticeResult {
  readonly sentOn: LocalDate;
  /** R-FEE-04, D-7: 20 WD after the applicant received the notice; null when receipt is unknown. */
  readonly paymentDue: LocalDate | null;
  /** D-7 pause end (the payment day); null while unpaid. */
  readonly pauseEnd: LocalDate | null;
  /** R-FEE-05: paid after the payment window, or unpaid when `asOf` is past it. */
  readonly abandoned: boolean;
  readonly provisional: boolean;
}

function notBefore(date: LocalDate, earliest: LocalDate, field: string, what: string): void {
  if (date < earliest)
    throw new DatesOutOfOrderError(field, `${date} is before ${what} (${earliest})`);
}

/**
 * Pause of one consultation (R-TP-03, D-6): (sentOn, min(answeredOn, partyDue)].
 * Without an answer the pause is open until the party's limit has passed: when `asOf` is given and
 * is before the limit it stays open; without `asOf` the recorded facts are taken as final, so the
 * silence ends the pause at the party's limit. Under OGI-2008 there is no party limit.
 */
export function consultationPause(
  cal: WorkingCalendar,
  c: ConsultationInput,
  partyReplyWd: number | null,
  field: string,
  asOf?: LocalDate,
): { result: ConsultationResult; pause: Pause } {
  const sentOn = parseLocalDate(c.sentOn, `${field}.sentOn`);
  const received = c.partyReceivedOn
    ? parseLocalDate(c.partyReceivedOn, `${field}.partyReceivedOn`)
    : null;
  const answered = c.answeredOn ? parseLocalDate(c.answeredOn, `${field}.answeredOn`) : null;
  if (received) notBefore(received, sentOn, `${field}.partyReceivedOn`, 'the letter was sent');
  if (answered) notBefore(answered, sentOn, `${field}.answeredOn`, 'the letter was sent');
  const due = received && partyReplyWd !== null ? cal.addWorkingDays(received, partyReplyWd) : null;
  const partyDue = due?.due ?? null;
  let pauseEnd: LocalDate | null;
  if (answered) pauseEnd = partyDue && partyDue < answered ? partyDue : answered;
  else if (partyDue && (asOf === undefined || asOf >= partyDue)) pauseEnd = partyDue;
  else pauseEnd = null;
  const silence = partyDue !== null && (answered ? answered > partyDue : pauseEnd !== null);
  return {
    result: { sentOn, partyDue, pauseEnd, silence, provisional: due?.provisional ?? false },
    pause: { start: sentOn, end: pauseEnd, reason: 'consultation' },
  };
}

/** Fee payment window and the D-7 pause (fee notice sent, fee paid]. */
export function feeNoticePause(
  cal: WorkingCalendar,
  f: FeeNoticeInput,
  field: string,
  asOf?: LocalDate,
): { result: FeeNoticeResult; pause: Pause } {
  const sentOn = parseLocalDate(f.sentOn, `${field}.sentOn`);
  const received = f.receivedOn ? parseLocalDate(f.receivedOn, `${field}.receivedOn`) : null;
  const paid = f.paidOn ? parseLocalDate(f.paidOn, `${field}.paidOn`) : null;
  if (received) notBefore(received, sentOn, `${field}.receivedOn`, 'the notice was sent');
  if (paid)
    notBefore(
      paid,
      received ?? sentOn,
      `${field}.paidOn`,
      received ? 'the notice was received' : 'the notice was sent',
    );
  const due = received ? cal.addWorkingDays(received, LEGAL_PERIODS.feePayment.length) : null;
  const paymentDue = due?.due ?? null;
  const abandoned =
    paymentDue !== null && (paid ? paid > paymentDue : asOf !== undefined && asOf > paymentDue);
  return {
    result: {
      sentOn,
      paymentDue,
      pauseEnd: paid,
      abandoned,
      provisional: due?.provisional ?? false,
    },
    pause: { start: sentOn, end: paid, reason: 'fee' },
  };
}
