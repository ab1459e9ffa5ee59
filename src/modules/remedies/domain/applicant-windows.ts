import { addDays, type LocalDate } from '../../calendar/domain/local-date';
import type { PeriodResult, WorkingCalendar } from '../../calendar/domain/working-calendar';
import { LEGAL_PERIODS as P, type LegalPeriod } from '../../deadlines/domain/legal-periods';
import { periodFrom, reconsiderationFirst } from '../../deadlines/domain/remedy-windows';
import { isSuit, type Decision, type RemedyKind } from './remedy';
import type { RemedyStatus } from './remedy-status';

/**
 * The applicant's last day for every remedy open to them (DOMAIN §3.4), each anchored on what
 * the applicant received — the reply (its delivery day, not the posting day), a reconsideration
 * decision, a judgment or ruling — or on the end of a period that passed without an answer.
 * Periods per D-9: start day not counted, months clamped, a last day that is not a working day
 * rolls to the next working day; a make-up working weekend day does not roll, and is flagged.
 */
export type WindowId =
  | 'reconsideration'
  | 'reconsideration_outer'
  | 'direct_suit'
  | 'direct_suit_outer'
  | 'inaction_reconsideration'
  | 'inaction_suit'
  | 'suit_after_reconsideration'
  | 'suit_after_reconsideration_lapsed'
  | 'appeal_judgment'
  | 'appeal_ruling';

/** The remedy each window opens (an appeal goes to the court one level up, not the agency's). */
export const WINDOW_REMEDY: Readonly<Record<WindowId, RemedyKind | 'appeal'>> = {
  reconsideration: 'reconsideration',
  reconsideration_outer: 'reconsideration',
  inaction_reconsideration: 'reconsideration',
  direct_suit: 'litigation_direct',
  direct_suit_outer: 'litigation_direct',
  inaction_suit: 'litigation_direct',
  suit_after_reconsideration: 'litigation_after_reconsideration',
  suit_after_reconsideration_lapsed: 'litigation_after_reconsideration',
  appeal_judgment: 'appeal',
  appeal_ruling: 'appeal',
};

export interface ApplicantWindow {
  readonly id: WindowId;
  readonly label: string;
  readonly basis: string;
  /** What started it, e.g. `reply delivered`. */
  readonly trigger: string;
  readonly anchor: LocalDate;
  readonly raw: LocalDate;
  readonly due: LocalDate;
  readonly rolled: boolean;
  readonly provisional: boolean;
  /** `makeup-weekend`: the last day is a make-up working Saturday/Sunday (WE-10, UNCONFIRMED). */
  readonly warnings: readonly string[];
  /** For windows after a remedy: which one. */
  readonly remedyId?: string;
}

export interface WindowInput {
  readonly today: LocalDate;
  /** The reply, once delivered to the applicant. */
  readonly reply: {
    readonly repliedOn: LocalDate;
    readonly deliveredOn: LocalDate | null;
    readonly nonDisclosure: boolean;
    readonly remediesStated: boolean;
  } | null;
  /** The reply (or extended) due date of an unanswered case. */
  readonly replyDue: LocalDate | null;
  readonly remedies: ReadonlyArray<{
    readonly id: string;
    readonly kind: RemedyKind;
    readonly status: RemedyStatus;
    readonly decisions: readonly Decision[];
    /** Reconsideration: the end of the decision period, when it passed without a decision. */
    readonly decisionDue: LocalDate | null;
  }>;
}

function row(
  cal: WorkingCalendar,
  id: WindowId,
  p: LegalPeriod,
  anchor: LocalDate,
  trigger: string,
  remedyId?: string,
): ApplicantWindow {
  const r: PeriodResult = periodFrom(cal, anchor, p);
  const makeup = cal.dayStatus(r.due).kind === 'makeup';
  return {
    id,
    label: p.label,
    basis: p.basis,
    trigger,
    anchor: r.anchor,
    raw: r.raw,
    due: r.due,
    rolled: r.rolled,
    provisional: r.provisional,
    warnings: makeup ? ['makeup-weekend'] : [],
    ...(remedyId ? { remedyId } : {}),
  };
}

export function applicantWindows(cal: WorkingCalendar, input: WindowInput): ApplicantWindow[] {
  const out: ApplicantWindow[] = [];
  const reply = input.reply;
  if (reply?.deliveredOn) {
    const from = reply.deliveredOn;
    const first = reconsiderationFirst(reply);
    if (reply.remediesStated) {
      out.push(row(cal, 'reconsideration', P.reconsiderationApply, from, 'reply delivered'));
      if (!first) out.push(row(cal, 'direct_suit', P.directSuit, from, 'reply delivered'));
    } else {
      out.push(
        row(
          cal,
          'reconsideration_outer',
          P.reconsiderationOuter,
          from,
          'reply delivered, remedies not stated',
        ),
      );
      if (!first)
        out.push(
          row(
            cal,
            'direct_suit_outer',
            P.directSuitOuter,
            from,
            'reply delivered, remedies not stated',
          ),
        );
    }
  } else if (!reply && input.replyDue && input.today > input.replyDue) {
    // No reply by the due date (R-LT-05): the inaction windows; the reconsideration anchor is
    // the day after the period expired (DOMAIN §3.4, UNCONFIRMED convention).
    out.push(
      row(
        cal,
        'inaction_reconsideration',
        P.reconsiderationApply,
        addDays(input.replyDue, 1),
        'no reply by the due date',
      ),
      row(cal, 'inaction_suit', P.inactionSuitOuter, input.replyDue, 'no reply by the due date'),
    );
  }
  for (const r of input.remedies) {
    const last = r.decisions[r.decisions.length - 1];
    if (r.kind === 'reconsideration') {
      if (last?.servedOn)
        out.push(
          row(
            cal,
            'suit_after_reconsideration',
            P.suitAfterReconsideration,
            last.servedOn,
            'reconsideration decision served',
            r.id,
          ),
        );
      else if (
        !last &&
        r.decisionDue &&
        input.today > r.decisionDue &&
        ['accepted', 'answered'].includes(r.status)
      )
        out.push(
          row(
            cal,
            'suit_after_reconsideration_lapsed',
            P.suitAfterReconsideration,
            r.decisionDue,
            'reconsideration period ended without a decision',
            r.id,
          ),
        );
    }
    if (isSuit(r.kind) && last?.servedOn && last.instance === 1 && r.status === 'served') {
      const ruling = last.form === 'ruling';
      out.push(
        row(
          cal,
          ruling ? 'appeal_ruling' : 'appeal_judgment',
          ruling ? P.appealRuling : P.appealJudgment,
          last.servedOn,
          ruling ? 'ruling served' : 'judgment served',
          r.id,
        ),
      );
    }
  }
  return out;
}
