import type { LocalDate } from '../../calendar/domain/local-date';
import {
  allow,
  refuse,
  refuseField,
  type Decision as RuleDecision,
} from '../../../shared/domain/refusal';
import { LEGAL_PERIODS } from '../../deadlines/domain/legal-periods';
import { DECISIONS, isSuit, REOPENS_CASE, type Decision, type RemedyResult } from './remedy';
import type { RemedyAction } from './remedy-status';
import type { RemedyClockFacts } from './remedy-clocks';

/** The recorded facts a remedy action checks and changes. */
export interface RemedyFacts extends RemedyClockFacts {
  readonly decisions: readonly Decision[];
  readonly suspendedFrom: LocalDate | null;
  readonly appealFiledOn: LocalDate | null;
}

/** What an action records (each action uses its own fields). */
export interface RemedyInput {
  readonly on?: LocalDate;
  readonly days?: number;
  readonly result?: RemedyResult;
  readonly form?: 'judgment' | 'ruling' | null;
  readonly appealReceivedOn?: LocalDate | null;
  readonly handling?: string;
  /** A decision ordering a new answer: the day the agency received it (D-18). */
  readonly reanswerReceivedOn?: LocalDate | null;
  /** The due date the decision set for the new answer, when it set one. */
  readonly orderedDue?: LocalDate | null;
  /** accept: the timers record a deemed acceptance (R-RV-08). */
  readonly deemed?: boolean;
}

export type RemedyChange = Partial<{
  acceptedOn: LocalDate;
  acceptedDeemed: boolean;
  docketedOn: LocalDate;
  copyReceivedOn: LocalDate;
  answeredOn: LocalDate;
  extensionDays: number;
  suspendedFrom: LocalDate | null;
  suspendedDays: number;
  decisions: Decision[];
  instance: number;
  appealFiledOn: LocalDate;
  appealReceivedOn: LocalDate | null;
  endedOn: LocalDate;
  endResult: 'withdrawn' | 'not_accepted';
  handling: string;
}>;

const daysBetween = (a: LocalDate, b: LocalDate) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** The day of an action: given, not in the future, not before `after` (the prior step). */
function dayOf(
  field: string,
  on: LocalDate | undefined,
  today: LocalDate,
  after: LocalDate | null,
): RuleDecision<LocalDate> {
  if (!on) return refuseField(field, 'field-required');
  if (on > today) return refuseField(field, 'date-in-future');
  if (after && on < after) return refuseField(field, 'dates-out-of-order');
  return allow(on);
}

/** Checks an action's input against the remedy and returns what changes (the table decided it may happen). */
export function decideRemedyAction(
  r: RemedyFacts,
  action: RemedyAction,
  input: RemedyInput,
  today: LocalDate,
): RuleDecision<RemedyChange> {
  const last = r.decisions[r.decisions.length - 1];
  const started = r.docketedOn ?? r.acceptedOn ?? r.bodyReceivedOn ?? r.appliedOn;
  const then = <T>(d: RuleDecision<LocalDate>, f: (on: LocalDate) => T): RuleDecision<T> =>
    d.ok ? allow(f(d.value)) : d;
  switch (action) {
    case 'accept':
      return then(dayOf('on', input.on, today, r.bodyReceivedOn ?? r.appliedOn), (on) => ({
        acceptedOn: on,
        acceptedDeemed: input.deemed === true,
      }));
    case 'docket':
      return then(dayOf('on', input.on, today, r.appliedOn), (on) => ({ docketedOn: on }));
    case 'refuse':
      return then(dayOf('on', input.on, today, r.appliedOn), (on) => ({
        endedOn: on,
        endResult: 'not_accepted' as const,
      }));
    case 'withdraw':
      return then(dayOf('on', input.on, today, r.appliedOn), (on) => ({
        endedOn: on,
        endResult: 'withdrawn' as const,
      }));
    case 'record_copy':
      return then(dayOf('on', input.on, today, started), (on) => ({ copyReceivedOn: on }));
    case 'answer':
      return then(dayOf('on', input.on, today, r.copyReceivedOn ?? started), (on) => ({
        answeredOn: on,
      }));
    case 'extend': {
      const max = LEGAL_PERIODS.reconsiderationDecisionMaxExtension.length;
      const days = input.days ?? 0;
      if (
        r.kind !== 'reconsideration' ||
        r.procedure === 'simplified' ||
        days < 1 ||
        r.extensionDays + days > max
      )
        return refuseField('days', 'remedy-extension-over-limit');
      return allow({ extensionDays: r.extensionDays + days });
    }
    case 'suspend':
      return then(dayOf('on', input.on, today, started), (on) => ({ suspendedFrom: on }));
    case 'resume':
      return then(dayOf('on', input.on, today, r.suspendedFrom), (on) => ({
        suspendedFrom: null,
        suspendedDays: r.suspendedDays + daysBetween(r.suspendedFrom ?? on, on),
      }));
    case 'decide': {
      const result = input.result;
      if (!result) return refuseField('result', 'field-required');
      if (!DECISIONS.includes(result)) return refuseField('result', 'remedy-result-not-allowed');
      if (result === 'ordered_to_act' && !input.reanswerReceivedOn)
        return refuseField('reanswerReceivedOn', 'remedy-reanswer-required');
      if (input.reanswerReceivedOn && !REOPENS_CASE.includes(result))
        return refuseField('reanswerReceivedOn', 'remedy-result-not-allowed');
      const after = r.instance > 1 ? r.appealFiledOn : started;
      const d = dayOf('on', input.on, today, after);
      if (!d.ok) return d;
      if (
        input.reanswerReceivedOn &&
        (input.reanswerReceivedOn < d.value || input.reanswerReceivedOn > today)
      )
        return refuseField('reanswerReceivedOn', 'dates-out-of-order');
      const decision: Decision = {
        instance: r.instance === 2 ? 2 : 1,
        decidedOn: d.value,
        result,
        form: isSuit(r.kind) ? (input.form ?? 'judgment') : null,
        servedOn: null,
      };
      return allow({ decisions: [...r.decisions, decision] });
    }
    case 'serve': {
      if (!last) return refuse('action-not-allowed-in-state');
      return then(dayOf('on', input.on, today, last.decidedOn), (on) => ({
        decisions: [...r.decisions.slice(0, -1), { ...last, servedOn: on }],
      }));
    }
    case 'appeal': {
      if (r.instance > 1) return refuse('remedy-no-further-appeal');
      const filed = dayOf('on', input.on, today, last?.decidedOn ?? null);
      if (!filed.ok) return filed;
      if (
        input.appealReceivedOn &&
        (input.appealReceivedOn < filed.value || input.appealReceivedOn > today)
      )
        return refuseField('appealReceivedOn', 'dates-out-of-order');
      return allow({
        instance: 2,
        appealFiledOn: filed.value,
        appealReceivedOn: input.appealReceivedOn ?? filed.value,
      });
    }
    case 'handle':
      return then(dayOf('on', input.on, today, r.appliedOn), (on) => ({
        endedOn: on,
        handling: input.handling ?? '',
      }));
  }
}

/** The outcomes of a remedy in order, for section 四 (D-16): decisions, then how it ended. */
export function outcomesOf(r: {
  readonly decisions: readonly Decision[];
  readonly endedOn: LocalDate | null;
  readonly endResult: 'withdrawn' | 'not_accepted' | null;
}): Array<{ on: LocalDate; result: RemedyResult }> {
  const out = r.decisions.map((d) => ({ on: d.decidedOn, result: d.result }));
  if (r.endedOn && r.endResult) out.push({ on: r.endedOn, result: r.endResult });
  return out.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}
