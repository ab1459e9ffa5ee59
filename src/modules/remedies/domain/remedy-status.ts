import { type Decision as RuleDecision, allow, refuse } from '../../../shared/domain/refusal';
import type { RemedyKind } from './remedy';

/**
 * The lifecycle of each kind of remedy as a transition table — the whole truth about which
 * action is possible in which state (an event is recorded per change):
 * - reconsideration: applied → accepted (actual, or deemed 5 WD after the body received it) →
 *   answered → decided → served; suspended and resumed; withdrawn; not accepted;
 * - suits: filed → docketed → answered → decided → served; suspended and resumed; withdrawn;
 *   docketing refused; an appeal is the second instance of the same suit (decided again);
 * - complaint: received → handled (or withdrawn).
 */
export const REMEDY_STATUSES = [
  'applied',
  'accepted',
  'filed',
  'docketed',
  'answered',
  'suspended',
  'decided',
  'served',
  'appealed',
  'received',
  'handled',
  'withdrawn',
  'not_accepted',
] as const;
export type RemedyStatus = (typeof REMEDY_STATUSES)[number];

export const STATUS_LABELS: Record<RemedyStatus, string> = {
  applied: '已申请',
  accepted: '已受理',
  filed: '已起诉',
  docketed: '已立案',
  answered: '已答复（答辩）',
  suspended: '中止',
  decided: '已作出决定（裁判）',
  served: '已送达',
  appealed: '上诉审理中',
  received: '已收到',
  handled: '已处理',
  withdrawn: '已撤回',
  not_accepted: '不予受理',
};

export const REMEDY_ACTIONS = [
  'accept',
  'docket',
  'refuse',
  'record_copy',
  'answer',
  'extend',
  'suspend',
  'resume',
  'decide',
  'serve',
  'appeal',
  'handle',
  'withdraw',
] as const;
export type RemedyAction = (typeof REMEDY_ACTIONS)[number];

export const ACTION_LABELS: Record<RemedyAction, string> = {
  accept: '受理',
  docket: '立案',
  refuse: '不予受理（不予立案）',
  record_copy: '收到申请书（起诉状）副本',
  answer: '提交答复（答辩）及证据',
  extend: '延长审理期限',
  suspend: '中止',
  resume: '恢复审理',
  decide: '作出决定（裁判）',
  serve: '送达',
  appeal: '上诉',
  handle: '处理完毕',
  withdraw: '撤回',
};

/** `resume`: back to answered when the answer was given, else to accepted/docketed. */
type Target = RemedyStatus | 'stay' | 'resume';
interface Rule {
  readonly from: readonly RemedyStatus[];
  readonly to: Target;
}

const RECONSIDERATION: Partial<Record<RemedyAction, Rule>> = {
  accept: { from: ['applied'], to: 'accepted' },
  refuse: { from: ['applied'], to: 'not_accepted' },
  record_copy: { from: ['accepted', 'answered', 'suspended'], to: 'stay' },
  answer: { from: ['accepted'], to: 'answered' },
  extend: { from: ['accepted', 'answered', 'suspended'], to: 'stay' },
  suspend: { from: ['accepted', 'answered'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'resume' },
  decide: { from: ['accepted', 'answered'], to: 'decided' },
  serve: { from: ['decided'], to: 'served' },
  withdraw: { from: ['applied', 'accepted', 'answered', 'suspended'], to: 'withdrawn' },
};

const SUIT: Partial<Record<RemedyAction, Rule>> = {
  docket: { from: ['filed'], to: 'docketed' },
  refuse: { from: ['filed'], to: 'not_accepted' },
  record_copy: { from: ['docketed', 'answered', 'suspended'], to: 'stay' },
  answer: { from: ['docketed'], to: 'answered' },
  suspend: { from: ['docketed', 'answered', 'appealed'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'resume' },
  decide: { from: ['docketed', 'answered', 'appealed'], to: 'decided' },
  serve: { from: ['decided'], to: 'served' },
  appeal: { from: ['decided', 'served'], to: 'appealed' },
  withdraw: { from: ['filed', 'docketed', 'answered', 'suspended', 'appealed'], to: 'withdrawn' },
};

const COMPLAINT: Partial<Record<RemedyAction, Rule>> = {
  handle: { from: ['received'], to: 'handled' },
  withdraw: { from: ['received'], to: 'withdrawn' },
};

export const TRANSITIONS: Record<RemedyKind, Partial<Record<RemedyAction, Rule>>> = {
  reconsideration: RECONSIDERATION,
  litigation_direct: SUIT,
  litigation_after_reconsideration: SUIT,
  complaint: COMPLAINT,
};

/** The state a remedy of this kind starts in. */
export function initialStatus(kind: RemedyKind): RemedyStatus {
  if (kind === 'reconsideration') return 'applied';
  if (kind === 'complaint') return 'received';
  return 'filed';
}

/** States that end a remedy (an appeal may still follow a served judgment). */
export const CONCLUDED: readonly RemedyStatus[] = [
  'decided',
  'served',
  'handled',
  'withdrawn',
  'not_accepted',
];

/** States in which a remedy is still running (its clocks are kept). */
export const OPEN_REMEDY_STATUSES: readonly RemedyStatus[] = REMEDY_STATUSES.filter(
  (s) => !CONCLUDED.includes(s),
);

export interface RemedyState {
  readonly kind: RemedyKind;
  readonly status: RemedyStatus;
  readonly answeredOn: string | null;
  readonly instance: number;
}

/** The next state of `action`, or the refusal (409 with the current state). */
export function nextRemedyStatus(r: RemedyState, action: RemedyAction): RuleDecision<RemedyStatus> {
  const rule = TRANSITIONS[r.kind][action];
  if (!rule || !rule.from.includes(r.status))
    return refuse('action-not-allowed-in-state', {
      status: r.status,
      statusLabel: STATUS_LABELS[r.status],
      action,
      actionLabel: ACTION_LABELS[action],
    });
  if (rule.to === 'stay') return allow(r.status);
  if (rule.to === 'resume') {
    const base =
      r.kind === 'reconsideration' ? 'accepted' : r.instance > 1 ? 'appealed' : 'docketed';
    return allow(r.answeredOn && r.instance === 1 ? 'answered' : base);
  }
  return allow(rule.to);
}
