/**
 * The case lifecycle as data (STYLE.md point 2; DOMAIN §6.1). A small pure state machine
 * checks every transition; the service writes one event row per transition.
 */
export const CASE_STATUSES = [
  'submitted', // filed online, receipt not yet confirmed (D-2 manual)
  'received', // date of receipt fixed; clock running
  'correction_requested', // Art 30 notice sent; clock restarts on the corrected application
  'in_progress', // assigned and being processed
  'paused', // consultation (Arts 32, 34) or fee notice outstanding
  'replied', // closed with a reply type and served
  'withdrawn',
  'abandoned', // deemed abandoned: no correction, or fee unpaid
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_ACTIONS = [
  'confirm_receipt',
  'assign',
  'request_correction',
  'record_correction',
  'abandon_correction',
  'start_consultation',
  'close_consultation',
  'issue_fee_notice',
  'record_fee_payment',
  'abandon_unpaid_fee',
  'request_extension',
  'decide_extension',
  'record_deferral',
  'reply',
  'record_service',
  'withdraw',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export type Actor = 'applicant' | 'clerk' | 'supervisor' | 'system';

interface Rule {
  from: readonly CaseStatus[];
  /** null: the status does not change (e.g. assign, extension request). */
  to: CaseStatus | null | ((ctx: TransitionContext) => CaseStatus | null);
  by: readonly Actor[];
}

export interface TransitionContext {
  /** Open pauses after this action (consultations or fee notice). */
  openPauses: number;
  /** Whether a clerk is assigned (a received case moves to in_progress when assigned). */
  assigned: boolean;
}

const OPEN: readonly CaseStatus[] = ['received', 'in_progress', 'paused'];
const resumeOrStayPaused = (ctx: TransitionContext): CaseStatus => (ctx.openPauses > 0 ? 'paused' : 'in_progress');
const runningOrReceived = (ctx: TransitionContext): CaseStatus => (ctx.assigned ? 'in_progress' : 'received');

export const TRANSITIONS: Record<CaseAction, Rule> = {
  confirm_receipt: { from: ['submitted'], to: 'received', by: ['clerk'] },
  // Assigning a received case starts processing; elsewhere it only changes the assignee.
  assign: { from: ['submitted', 'received', 'correction_requested', 'in_progress', 'paused'], to: null, by: ['clerk', 'supervisor'] },
  request_correction: { from: ['received', 'in_progress'], to: 'correction_requested', by: ['clerk'] },
  // R-COR-03: the corrected application restarts the clock.
  record_correction: { from: ['correction_requested'], to: runningOrReceived, by: ['clerk', 'applicant'] },
  abandon_correction: { from: ['correction_requested'], to: 'abandoned', by: ['clerk', 'system'] },
  start_consultation: { from: OPEN, to: 'paused', by: ['clerk'] },
  close_consultation: { from: ['paused'], to: resumeOrStayPaused, by: ['clerk', 'system'] },
  issue_fee_notice: { from: OPEN, to: 'paused', by: ['clerk'] },
  record_fee_payment: { from: ['paused'], to: resumeOrStayPaused, by: ['clerk', 'applicant'] },
  abandon_unpaid_fee: { from: ['paused'], to: 'abandoned', by: ['clerk', 'system'] },
  request_extension: { from: OPEN, to: null, by: ['clerk'] },
  decide_extension: { from: OPEN, to: null, by: ['supervisor'] },
  record_deferral: { from: OPEN, to: null, by: ['clerk'] },
  reply: { from: OPEN, to: 'replied', by: ['clerk'] },
  record_service: { from: ['replied', 'abandoned'], to: null, by: ['clerk'] },
  withdraw: { from: ['submitted', 'received', 'correction_requested', 'in_progress', 'paused'], to: 'withdrawn', by: ['applicant', 'clerk'] },
};

export class TransitionError extends Error {
  constructor(
    readonly action: CaseAction,
    readonly status: CaseStatus,
    readonly reason: 'state' | 'actor',
  ) {
    super(
      reason === 'state'
        ? `Action ${action} is not possible while the case is ${status}. 当前状态（${STATUS_LABELS[status]}）下不能执行此操作。`
        : `Action ${action} is not allowed for this role. 您的角色不能执行此操作。`,
    );
  }
}

/** The status after `action`, or a TransitionError. Pure. */
export function nextStatus(status: CaseStatus, action: CaseAction, actor: Actor, ctx: TransitionContext = { openPauses: 0, assigned: false }): CaseStatus {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(status)) throw new TransitionError(action, status, 'state');
  if (!rule.by.includes(actor)) throw new TransitionError(action, status, 'actor');
  const to = typeof rule.to === 'function' ? rule.to(ctx) : rule.to;
  if (action === 'assign' && status === 'received') return 'in_progress';
  return to ?? status;
}

export function isOpen(status: CaseStatus): boolean {
  return status !== 'replied' && status !== 'withdrawn' && status !== 'abandoned';
}

export const STATUS_LABELS: Record<CaseStatus, string> = {
  submitted: '待确认收到',
  received: '已收到',
  correction_requested: '待补正',
  in_progress: '办理中',
  paused: '暂停计时',
  replied: '已答复',
  withdrawn: '已撤回',
  abandoned: '视为放弃',
};
