import { addDays, type LocalDate } from '../../../calendar/domain/local-date';
import type { WorkingCalendar } from '../../../calendar/domain/working-calendar';
import { feeNoticePause } from '../../../deadlines/domain/case-pauses';
import { calculateFee, FEE_START_DATE, type FeeMethod } from '../../../fees/domain/fee-calculator';
import { allow, refuse, refuseField, type Decision } from '../../../../shared/domain/refusal';
import type { CaseFacts } from '../case-facts';

export interface FeeNoticeFacts {
  readonly sentOn: LocalDate;
  readonly receivedOn: LocalDate | null;
  readonly paidOn: LocalDate | null;
  /** A payment the applicant reported and the clerk has not decided yet (D-7). */
  readonly reportedOn?: LocalDate | null;
  readonly reportedPaidOn?: LocalDate | null;
}

/** R-FEE-04: the payment window, from the engine (20 WD after the applicant RECEIVED the notice). */
export function paymentDueOf(
  cal: WorkingCalendar,
  f: Pick<FeeNoticeFacts, 'sentOn' | 'receivedOn'>,
): LocalDate | null {
  return feeNoticePause(cal, { sentOn: f.sentOn, receivedOn: f.receivedOn }, 'feeNotice').result
    .paymentDue;
}

/**
 * 109号 (R-FEE-01…09, D-8): a fee notice only under OGI-2019 for applications received from
 * 2021-01-01, once per application, outside the free band, sent within the processing period.
 */
export function decideFeeNotice(
  c: Pick<CaseFacts, 'regime' | 'receivedOn' | 'replyDue'>,
  input: {
    readonly today: LocalDate;
    readonly alreadyIssued: boolean;
    readonly method: FeeMethod;
    readonly pages: number | null;
    /** The applicant's k-th application to the agency in the month of receipt (D-8). */
    readonly nthInMonth: number;
    readonly sentOn: LocalDate;
    readonly receivedOn: LocalDate | null;
  },
): Decision<{ quantity: number; amountYuan: number }> {
  const receivedOn = c.receivedOn;
  if (!receivedOn || c.regime !== 'OGI-2019' || receivedOn < FEE_START_DATE)
    return refuseField('regime', 'fee-not-in-regime');
  if (input.alreadyIssued) return refuse('fee-notice-exists');
  if (input.method === 'per-volume' && !input.pages)
    return refuseField('pages', 'fee-pages-required');
  const quantity = input.method === 'per-piece' ? input.nthInMonth : (input.pages as number);
  const fee = calculateFee(
    input.method === 'per-piece'
      ? { method: 'per-piece', nth: quantity, receivedOn }
      : { method: 'per-volume', pages: quantity, receivedOn },
  );
  if (fee.amountYuan === 0) {
    return refuseField('method', 'fee-in-free-band', {
      quantity:
        input.method === 'per-piece'
          ? `本月第${quantity}件 · piece ${quantity} this month`
          : `${quantity}页 · ${quantity} pages`,
    });
  }
  const { today, sentOn } = input;
  if (sentOn > today || sentOn < receivedOn)
    return refuseField('sentOn', 'date-outside-case-period');
  if (c.replyDue && sentOn > c.replyDue) return refuse('fee-notice-after-due');
  if (input.receivedOn && input.receivedOn < sentOn)
    return refuseField('receivedOn', 'date-before-sending');
  if (input.receivedOn && input.receivedOn > today)
    return refuseField('receivedOn', 'date-in-future');
  return allow({ quantity, amountYuan: fee.amountYuan });
}

/** Payment within the window counted from the applicant's receipt of the notice (R-FEE-04). */
export function decideFeePayment(
  cal: WorkingCalendar,
  notice: FeeNoticeFacts | null,
  input: {
    readonly today: LocalDate;
    readonly paidOn: LocalDate;
    readonly noticeReceivedOn: LocalDate | null;
  },
): Decision<{ receivedOn: LocalDate; paymentDue: LocalDate | null }> {
  if (!notice || notice.paidOn) return refuse('no-unpaid-fee-notice');
  if (input.paidOn < notice.sentOn) return refuseField('paidOn', 'payment-before-notice');
  const receivedOn = notice.receivedOn ?? input.noticeReceivedOn ?? input.paidOn;
  if (receivedOn < notice.sentOn || input.paidOn < receivedOn)
    return refuseField('paidOn', 'dates-out-of-order');
  if (input.paidOn > input.today) return refuseField('paidOn', 'date-in-future');
  const paymentDue = paymentDueOf(cal, { sentOn: notice.sentOn, receivedOn });
  if (paymentDue && input.paidOn > paymentDue)
    return refuse('payment-window-closed', { paymentDue });
  return allow({ receivedOn, paymentDue });
}

/**
 * D-7: the applicant reports a payment (never a day before the notice, nor in the future, nor
 * after the window). Reported within the window, it stops the automatic abandonment until the
 * clerk confirms or rejects it.
 */
export function decidePaymentReport(
  cal: WorkingCalendar,
  notice: FeeNoticeFacts | null,
  input: { readonly today: LocalDate; readonly paidOn: LocalDate },
): Decision<void> {
  if (!notice || notice.paidOn) return refuse('no-unpaid-fee-notice');
  if (notice.reportedOn) return refuse('payment-already-reported');
  if (input.paidOn < notice.sentOn) return refuseField('paidOn', 'payment-before-notice');
  if (input.paidOn > input.today) return refuseField('paidOn', 'date-in-future');
  const paymentDue = paymentDueOf(cal, notice);
  if (paymentDue && input.paidOn > paymentDue)
    return refuse('payment-window-closed', { paymentDue });
  return allow(undefined);
}

/**
 * D-7, R-FEE-05: the clerk rejects a reported payment with a reason; the original payment
 * deadline stands, and when it has passed the case is deemed abandoned at once.
 */
export function decidePaymentRejection(
  notice: (FeeNoticeFacts & { readonly paymentDue: LocalDate | null }) | null,
  today: LocalDate,
): Decision<{ abandonNow: boolean }> {
  if (!notice || notice.paidOn || !notice.reportedOn) return refuse('no-payment-reported');
  return allow({ abandonNow: notice.paymentDue !== null && today > notice.paymentDue });
}

/** R-FEE-05: unpaid when the window has run out → deemed abandoned, concluded the day after. */
export function decideFeeAbandonment(
  c: Pick<CaseFacts, 'status'>,
  notice: (FeeNoticeFacts & { readonly paymentDue: LocalDate | null }) | null,
  today: LocalDate,
): Decision<{ concludedOn: LocalDate; paymentDue: LocalDate }> {
  if (!notice || notice.paidOn || c.status !== 'paused') return refuse('no-unpaid-fee-notice');
  if (notice.reportedOn)
    return refuse('payment-reported-awaiting-decision', { reportedOn: notice.reportedOn });
  if (!notice.paymentDue || today <= notice.paymentDue)
    return refuse('payment-window-running', { paymentDue: notice.paymentDue });
  return allow({ concludedOn: addDays(notice.paymentDue, 1), paymentDue: notice.paymentDue });
}
