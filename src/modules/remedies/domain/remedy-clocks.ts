import { addDays, type LocalDate } from '../../calendar/domain/local-date';
import type { PeriodResult, WorkingCalendar } from '../../calendar/domain/working-calendar';
import { LEGAL_PERIODS as P, type LegalPeriod } from '../../deadlines/domain/legal-periods';
import { periodFrom } from '../../deadlines/domain/remedy-windows';
import type { DeadlineKind } from '../../../shared/domain/deadline-kind';
import { isSuit, type Procedure, type RemedyKind } from './remedy';
import type { RemedyStatus } from './remedy-status';

/** What a remedy's own clocks depend on. */
export interface RemedyClockFacts {
  readonly kind: RemedyKind;
  readonly status: RemedyStatus;
  readonly procedure: Procedure;
  readonly source: 'live' | 'import';
  readonly appliedOn: LocalDate;
  /** Reconsideration: the day the body received the application (default appliedOn). */
  readonly bodyReceivedOn: LocalDate | null;
  readonly acceptedOn: LocalDate | null;
  readonly docketedOn: LocalDate | null;
  /** The agency received the copy of the application or complaint. */
  readonly copyReceivedOn: LocalDate | null;
  readonly answeredOn: LocalDate | null;
  /** Reconsideration: recorded extension of the decision period (≤ 30 days, R-RV-11). */
  readonly extensionDays: number;
  /** Calendar days the remedy was suspended (suspensions stop the body's clock, R-RV-13). */
  readonly suspendedDays: number;
  readonly instance: number;
  /** Second instance: the day the court received the appeal (R-LT-12). */
  readonly appealReceivedOn: LocalDate | null;
  /** Complaints: the jurisdiction's handling limit in working days (R-SUP-03; none nationally). */
  readonly complaintLimitWd: number | null;
}

export interface RemedyDates {
  /** R-RV-08: deemed accepted when the 5 WD review ends without a refusal. */
  readonly acceptanceDue: PeriodResult | null;
  /** The agency's answer and evidence: 10 WD (5 simplified) / 15 days in court (R-RV-10, R-LT-08). */
  readonly answerDue: PeriodResult | null;
  /** The body's decision: 60 (+≤30) / 30 days, 6 months / 45 days, 3 months on appeal. */
  readonly decisionDue: PeriodResult | null;
  readonly complaintDue: PeriodResult | null;
}

const open = (s: RemedyStatus) => s !== 'suspended';

export function remedyDates(cal: WorkingCalendar, f: RemedyClockFacts): RemedyDates {
  const reconsideration = f.kind === 'reconsideration';
  const simplified = f.procedure === 'simplified';
  const acceptanceDue =
    reconsideration && f.status === 'applied'
      ? periodFrom(cal, f.bodyReceivedOn ?? f.appliedOn, P.reconsiderationAcceptance)
      : null;
  const answering: readonly RemedyStatus[] = reconsideration
    ? ['accepted', 'suspended']
    : ['docketed', 'suspended'];
  const answerPeriod: LegalPeriod = reconsideration
    ? simplified
      ? P.reconsiderationAnswerSimplified
      : P.reconsiderationAnswer
    : P.defence;
  const answerDue =
    f.kind !== 'complaint' && f.copyReceivedOn && !f.answeredOn && answering.includes(f.status)
      ? periodFrom(cal, f.copyReceivedOn, answerPeriod)
      : null;
  return {
    acceptanceDue,
    answerDue,
    decisionDue: decisionDue(cal, f),
    complaintDue:
      f.kind === 'complaint' && f.status === 'received' && f.complaintLimitWd
        ? periodFrom(cal, f.appliedOn, {
            length: f.complaintLimitWd,
            unit: 'working-days',
            label: '投诉举报处理期限',
            basis: 'R-SUP-03 (local rule, configurable)',
          })
        : null,
  };
}

/** The body's decision due, its anchor moved by the days the remedy was suspended. */
function decisionDue(cal: WorkingCalendar, f: RemedyClockFacts): PeriodResult | null {
  if (!open(f.status)) return null;
  const shift = (d: LocalDate) => addDays(d, f.suspendedDays);
  const simplified = f.procedure === 'simplified';
  if (f.kind === 'reconsideration' && f.acceptedOn && ['accepted', 'answered'].includes(f.status))
    return periodFrom(
      cal,
      shift(f.acceptedOn),
      simplified ? P.reconsiderationDecisionSimplified : P.reconsiderationDecision,
      simplified ? 0 : f.extensionDays,
    );
  if (isSuit(f.kind) && f.status === 'appealed' && f.appealReceivedOn)
    return periodFrom(cal, shift(f.appealReceivedOn), P.secondInstance);
  if (isSuit(f.kind) && f.docketedOn && ['docketed', 'answered'].includes(f.status))
    return periodFrom(
      cal,
      shift(f.docketedOn),
      simplified ? P.firstInstanceSimplified : P.firstInstance,
    );
  return null;
}

export interface PlannedRemedyDeadline {
  readonly kind: DeadlineKind;
  readonly ref: string;
  readonly dueOn: LocalDate;
}

/** The deadlines the timers keep for a remedy (none for imported history). */
export function plannedRemedyDeadlines(
  cal: WorkingCalendar,
  f: RemedyClockFacts,
): PlannedRemedyDeadline[] {
  if (f.source === 'import') return [];
  const d = remedyDates(cal, f);
  const out: PlannedRemedyDeadline[] = [];
  if (d.acceptanceDue) out.push({ kind: 'remedy_acceptance', ref: '', dueOn: d.acceptanceDue.due });
  if (d.answerDue) out.push({ kind: 'remedy_answer', ref: '', dueOn: d.answerDue.due });
  if (d.decisionDue) out.push({ kind: 'remedy_decision', ref: '', dueOn: d.decisionDue.due });
  if (d.complaintDue) out.push({ kind: 'remedy_complaint', ref: '', dueOn: d.complaintDue.due });
  return out;
}
