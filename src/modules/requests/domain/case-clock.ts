import type { LocalDate } from '../../calendar/domain/local-date';
import type { ClockInput } from '../../deadlines/domain/clock';
import type { Regime } from '../../deadlines/domain/regime';

/** The clock facts of a case, as stored (dates are YYYY-MM-DD in Asia/Shanghai). */
export interface CaseClockFacts {
  regime: Regime | null;
  receivedOn: LocalDate;
  correctionRequestedOn: LocalDate | null;
  correctionReceivedOn: LocalDate | null;
  consultations: Array<{
    sentOn: LocalDate;
    partyReceivedOn: LocalDate | null;
    answeredOn: LocalDate | null;
  }>;
  feeNotice: { sentOn: LocalDate; receivedOn: LocalDate | null; paidOn: LocalDate | null } | null;
  extensionDays: number;
  deferralDue: LocalDate | null;
  /** D-18: the day the agency received a decision ordering a new answer (the new anchor). */
  reopenedOn: LocalDate | null;
  /** D-18: the due date the decision set, when it set one. */
  orderedDue: LocalDate | null;
}

/**
 * Builds the deadline engine's input from a case's recorded facts (the clock ledger). After a
 * reopening (D-18) the period runs from the day the decision was received, with no correction
 * stage; pauses of the earlier round fall before the new anchor and are discarded by the engine.
 */
export function clockInputOf(f: CaseClockFacts, asOf: LocalDate): ClockInput {
  const reopened = f.reopenedOn !== null;
  const thisRound = (d: LocalDate) => !reopened || d >= (f.reopenedOn as LocalDate);
  return {
    regime: f.regime,
    received: f.reopenedOn ?? f.receivedOn,
    correctionRequested: reopened ? null : f.correctionRequestedOn,
    correctionReceived: reopened ? null : f.correctionReceivedOn,
    consultations: f.consultations.filter((x) => thisRound(x.sentOn)),
    feeNotice: f.feeNotice && thisRound(f.feeNotice.sentOn) ? f.feeNotice : null,
    extension: f.extensionDays || null,
    deferralDue: f.orderedDue ?? f.deferralDue,
    asOf,
  };
}
