import type { LocalDate } from '../../calendar/domain/local-date';
import type { ClockInput } from '../../deadlines/domain/clock';
import type { Regime } from '../../deadlines/domain/regime';

/** The clock facts of a case, as stored (dates are YYYY-MM-DD in Asia/Shanghai). */
export interface CaseClockFacts {
  regime: Regime | null;
  receivedOn: LocalDate;
  correctionRequestedOn: LocalDate | null;
  correctionReceivedOn: LocalDate | null;
  consultations: Array<{ sentOn: LocalDate; partyReceivedOn: LocalDate | null; answeredOn: LocalDate | null }>;
  feeNotice: { sentOn: LocalDate; receivedOn: LocalDate | null; paidOn: LocalDate | null } | null;
  extensionDays: number;
  deferralDue: LocalDate | null;
}

/** Builds the deadline engine's input from a case's recorded facts (the clock ledger). */
export function clockInputOf(f: CaseClockFacts, asOf: LocalDate): ClockInput {
  return {
    regime: f.regime,
    received: f.receivedOn,
    correctionRequested: f.correctionRequestedOn,
    // A correction requested but not yet received: the clock waits at the original anchor.
    correctionReceived: f.correctionReceivedOn,
    consultations: f.consultations,
    feeNotice: f.feeNotice,
    extension: f.extensionDays || null,
    deferralDue: f.deferralDue,
    asOf,
  };
}
