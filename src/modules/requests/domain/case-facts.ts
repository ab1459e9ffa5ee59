import type { LocalDate } from '../../calendar/domain/local-date';
import type { Regime } from '../../deadlines/domain/regime';
import type { CaseStatus } from './case-status';

/** Where a case came from: filed and worked here, or imported from an earlier system. */
export const CASE_SOURCES = ['live', 'import'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

/**
 * What the pure case rules read of a case (the RequestCase entity satisfies it). Dates are
 * YYYY-MM-DD in Asia/Shanghai; the derived dates are the deadline engine's results as stored.
 */
export interface CaseFacts {
  readonly status: CaseStatus;
  readonly source: CaseSource;
  readonly regime: Regime | null;
  readonly receivedOn: LocalDate | null;
  readonly correctionNoticeDue: LocalDate | null;
  readonly correctionRequestedOn: LocalDate | null;
  readonly correctionPeriodEnd: LocalDate | null;
  readonly correctionReceivedOn: LocalDate | null;
  /** The due date before any extension (an extension must be decided by then, D-5). */
  readonly baseDue: LocalDate | null;
  /** The effective due date (extension included, or the Art 35 / ordered date). */
  readonly replyDue: LocalDate | null;
  /** The due date a step came after (D-4): the case is late from it on, whatever the clock says. */
  readonly lateSince: LocalDate | null;
  readonly reasonsRequestedOn: LocalDate | null;
  readonly reasonsReceivedOn: LocalDate | null;
  readonly repliedOn: LocalDate | null;
  readonly reopenedOn: LocalDate | null;
  readonly assigneeId: string | null;
}
