import { addDays, shanghaiDateOf, type LocalDate } from '../../calendar/domain/local-date';
import type { WorkingCalendar } from '../../calendar/domain/working-calendar';
import type { DeadlineKind } from '../../../shared/domain/deadline-kind';
import type { CaseFacts } from './case-facts';
import { isOpen } from './case-status';

export interface PlannedDeadline {
  readonly kind: DeadlineKind;
  readonly ref: string;
  readonly dueOn: LocalDate;
}

/**
 * The legal dates the timers must watch for a case, from its state and ledger (each date is the
 * engine's result as stored). Imported cases have none: no timers, no escalation.
 */
export function plannedDeadlines(
  cal: WorkingCalendar,
  c: CaseFacts & { readonly channel: string; readonly submittedAt: Date },
  ledger: {
    readonly consultations: ReadonlyArray<{
      readonly id: string;
      readonly outcome: string | null;
      readonly partyDue: LocalDate | null;
    }>;
    readonly feeNotice: {
      readonly id: string;
      readonly paidOn: LocalDate | null;
      readonly paymentDue: LocalDate | null;
    } | null;
  },
): PlannedDeadline[] {
  if (c.source === 'import') return [];
  if (c.status === 'submitted' && c.channel === 'online') {
    // D-2 manual confirmation: alert at the end of the next working day after submission.
    return [
      {
        kind: 'receipt_confirmation',
        ref: '',
        dueOn: cal.firstWorkingDayOnOrAfter(addDays(shanghaiDateOf(c.submittedAt), 1)).date,
      },
    ];
  }
  if (!isOpen(c.status) || !c.receivedOn) return [];
  const out: PlannedDeadline[] = [];
  const awaitingCorrection = c.status === 'correction_requested';
  if (c.replyDue && !awaitingCorrection) out.push({ kind: 'reply', ref: '', dueOn: c.replyDue });
  if (c.correctionNoticeDue && !c.correctionRequestedOn && !awaitingCorrection && !c.reopenedOn) {
    out.push({ kind: 'correction_notice', ref: '', dueOn: c.correctionNoticeDue });
  }
  if (awaitingCorrection && c.correctionPeriodEnd)
    out.push({ kind: 'correction_period', ref: '', dueOn: c.correctionPeriodEnd });
  for (const x of ledger.consultations) {
    if (!x.outcome && x.partyDue) out.push({ kind: 'consultation', ref: x.id, dueOn: x.partyDue });
  }
  const f = ledger.feeNotice;
  if (f && !f.paidOn && f.paymentDue)
    out.push({ kind: 'fee_payment', ref: f.id, dueOn: f.paymentDue });
  return out;
}
