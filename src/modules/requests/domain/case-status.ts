import { Refusal } from '../../../shared/domain/refusal';

/**
 * The case lifecycle as data (STYLE.md point 2; DOMAIN §6.1, D-19). A small pure state machine
 * checks every transition against this table — the whole truth: no action is special-cased
 * outside it. The service writes one event row per transition.
 */
export const CASE_STATUSES = [
  'submitted', // filed online (manual confirmation) or an ordinary letter not yet confirmed
  'received', // date of receipt fixed; clock running
  'correction_requested', // Art 30 notice sent; the clock restarts on the corrected application
  'in_progress', // assigned and being processed
  'paused', // consultation (Arts 32, 34) or fee notice outstanding
  'awaiting_reasons', // Art 35: the applicant was asked for reasons; the clock keeps running (D-19)
  'replied', // concluded with a reply
  'withdrawn',
  'abandoned', // deemed abandoned: no correction, or fee unpaid
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses in which the agency still owes a reply: the one definition of "open". */
export const OPEN_STATUSES = [
  'submitted',
  'received',
  'correction_requested',
  'in_progress',
  'paused',
  'awaiting_reasons',
] as const satisfies readonly CaseStatus[];
/** Concluded statuses (a remedy may reopen them, D-18). */
export const CONCLUDED_STATUSES = [
  'replied',
  'withdrawn',
  'abandoned',
] as const satisfies readonly CaseStatus[];

export function isOpen(status: CaseStatus): boolean {
  return (OPEN_STATUSES as readonly CaseStatus[]).includes(status);
}

export const CASE_ACTIONS = [
  'confirm_receipt',
  'correct_receipt_date',
  'assign',
  'request_correction',
  'record_correction',
  'abandon_correction',
  'start_consultation',
  'close_consultation',
  'issue_fee_notice',
  'report_fee_payment',
  'record_fee_payment',
  'reject_fee_payment',
  'abandon_unpaid_fee',
  'request_extension',
  'decide_extension',
  'request_reasons',
  'record_reasons',
  'record_deferral',
  'reply',
  'record_service',
  'withdraw',
  'reopen',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const ACTORS = ['applicant', 'clerk', 'supervisor', 'system'] as const;
export type Actor = (typeof ACTORS)[number];

/**
 * Where a transition leads: a status; `stay` (the status does not change); `resume` (back to
 * in_progress, or still paused while another pause is open); `restart` (received, or in_progress
 * when a clerk is assigned); or a per-status map (statuses not listed stay).
 */
export type Target =
  CaseStatus | 'stay' | 'resume' | 'restart' | { readonly [S in CaseStatus]?: CaseStatus };

export interface Rule {
  readonly from: readonly CaseStatus[];
  readonly to: Target;
  readonly by: readonly Actor[];
}

export interface TransitionContext {
  /** Pauses (consultations, fee notice) still open after this action. */
  readonly openPauses: number;
  /** Whether a clerk is assigned. */
  readonly assigned: boolean;
}

const RUNNING: readonly CaseStatus[] = ['received', 'in_progress', 'paused'];
const WORKING: readonly CaseStatus[] = [...RUNNING, 'awaiting_reasons'];
const ALL_OPEN: readonly CaseStatus[] = OPEN_STATUSES;
const ALL_OPEN_RECEIVED: readonly CaseStatus[] = OPEN_STATUSES.filter((s) => s !== 'submitted');

export const TRANSITIONS: Readonly<Record<CaseAction, Rule>> = {
  // R-RCV-03/04, D-2: the date both sides confirm becomes the date of receipt.
  confirm_receipt: { from: ['submitted'], to: 'received', by: ['clerk'] },
  // A wrong date of receipt is corrected by the clerk with a reason; the dates follow.
  correct_receipt_date: { from: ALL_OPEN_RECEIVED, to: 'stay', by: ['clerk'] },
  // Assigning a received case starts processing; elsewhere only the assignee changes.
  assign: { from: ALL_OPEN, to: { received: 'in_progress' }, by: ['clerk', 'supervisor'] },
  // Art 30: one notice, within 7 WD of receipt (a later one is allowed and flagged, D-4).
  request_correction: {
    from: ['received', 'in_progress'],
    to: 'correction_requested',
    by: ['clerk'],
  },
  // R-COR-03: the corrected application restarts the clock.
  record_correction: { from: ['correction_requested'], to: 'restart', by: ['clerk', 'applicant'] },
  // R-COR-04: the period passed without a correction → deemed abandoned (（六）1).
  abandon_correction: { from: ['correction_requested'], to: 'abandoned', by: ['clerk', 'system'] },
  // Arts 32, 34: consultation pauses the clock (R-TP-03).
  start_consultation: { from: RUNNING, to: 'paused', by: ['clerk'] },
  close_consultation: { from: ['paused'], to: 'resume', by: ['clerk', 'system'] },
  // 109号: the fee notice pauses the clock (D-7).
  issue_fee_notice: { from: RUNNING, to: 'paused', by: ['clerk'] },
  // D-7: the applicant reports a payment; the clerk confirms it (the pause ends on the payment
  // day) or rejects it with a reason (the original payment deadline stands).
  report_fee_payment: { from: ['paused'], to: 'stay', by: ['applicant', 'clerk'] },
  record_fee_payment: { from: ['paused'], to: 'resume', by: ['clerk'] },
  reject_fee_payment: { from: ['paused'], to: 'stay', by: ['clerk'] },
  // R-FEE-05: unpaid within 20 WD → deemed abandoned (（六）2).
  abandon_unpaid_fee: { from: ['paused'], to: 'abandoned', by: ['clerk', 'system'] },
  // Art 33(2), D-5: asked by the clerk, approved by the OGI office head.
  request_extension: { from: WORKING, to: 'stay', by: ['clerk'] },
  decide_extension: { from: WORKING, to: 'stay', by: ['supervisor'] },
  // Art 35, D-19: ask for reasons; the clock keeps running meanwhile.
  request_reasons: { from: ['received', 'in_progress'], to: 'awaiting_reasons', by: ['clerk'] },
  record_reasons: { from: ['awaiting_reasons'], to: 'in_progress', by: ['clerk', 'applicant'] },
  // Art 35: reasonable grounds → a delayed reply date (after the reasons step).
  record_deferral: { from: RUNNING, to: 'stay', by: ['clerk'] },
  // Arts 36–39: the reply concludes the case.
  reply: { from: WORKING, to: 'replied', by: ['clerk'] },
  // R-DEL-01…03: service of the concluding letter.
  record_service: { from: ['replied', 'abandoned', 'withdrawn'], to: 'stay', by: ['clerk'] },
  withdraw: { from: ALL_OPEN, to: 'withdrawn', by: ['applicant', 'clerk'] },
  // D-18: a reconsideration decision or judgment orders a new answer.
  reopen: { from: CONCLUDED_STATUSES, to: 'in_progress', by: ['clerk', 'system'] },
};

export const STATUS_LABELS: Record<CaseStatus, string> = {
  submitted: '待确认收到',
  received: '已收到',
  correction_requested: '待补正',
  in_progress: '办理中',
  paused: '暂停计时',
  awaiting_reasons: '待说明理由',
  replied: '已答复',
  withdrawn: '已撤回',
  abandoned: '视为放弃',
};

export const ACTION_LABELS: Record<CaseAction, string> = {
  confirm_receipt: '确认收到',
  correct_receipt_date: '更正收到申请日期',
  assign: '分配承办人',
  request_correction: '告知补正',
  record_correction: '补正申请',
  abandon_correction: '视为放弃（逾期未补正）',
  start_consultation: '征求意见',
  close_consultation: '结束征求意见',
  issue_fee_notice: '发出收费通知',
  report_fee_payment: '报告已缴费',
  record_fee_payment: '确认缴费',
  reject_fee_payment: '不予确认缴费',
  abandon_unpaid_fee: '视为放弃（逾期未缴费）',
  request_extension: '申请延期',
  decide_extension: '审批延期',
  request_reasons: '要求说明理由',
  record_reasons: '登记申请人理由',
  record_deferral: '确定延迟答复期限',
  reply: '答复',
  record_service: '登记送达',
  withdraw: '撤回申请',
  reopen: '重新办理',
};

/** The statuses in English, for pages read in English (the Chinese labels above come first). */
export const STATUS_LABELS_EN: Record<CaseStatus, string> = {
  submitted: 'Awaiting confirmation of receipt',
  received: 'Received',
  correction_requested: 'Awaiting correction',
  in_progress: 'In progress',
  paused: 'Clock paused',
  awaiting_reasons: 'Awaiting reasons',
  replied: 'Replied',
  withdrawn: 'Withdrawn',
  abandoned: 'Deemed abandoned',
};

/** The actions in English, for the timeline of pages read in English. */
export const ACTION_LABELS_EN: Record<CaseAction, string> = {
  confirm_receipt: 'Receipt confirmed',
  correct_receipt_date: 'Date of receipt corrected',
  assign: 'Clerk assigned',
  request_correction: 'Correction requested',
  record_correction: 'Application corrected',
  abandon_correction: 'Deemed abandoned (no correction in time)',
  start_consultation: 'Third parties consulted',
  close_consultation: 'Consultation closed',
  issue_fee_notice: 'Fee notice issued',
  report_fee_payment: 'Payment reported',
  record_fee_payment: 'Payment confirmed',
  reject_fee_payment: 'Payment not confirmed',
  abandon_unpaid_fee: 'Deemed abandoned (fee not paid in time)',
  request_extension: 'Extension asked for',
  decide_extension: 'Extension decided',
  request_reasons: 'Reasons asked for',
  record_reasons: 'Reasons recorded',
  record_deferral: 'Reply deferred',
  reply: 'Replied',
  record_service: 'Service recorded',
  withdraw: 'Withdrawn',
  reopen: 'Reopened',
};

function resolve(target: Target, from: CaseStatus, ctx: TransitionContext): CaseStatus {
  if (target === 'stay') return from;
  if (target === 'resume') return ctx.openPauses > 0 ? 'paused' : 'in_progress';
  if (target === 'restart') return ctx.assigned ? 'in_progress' : 'received';
  if (typeof target === 'string') return target;
  return target[from] ?? from;
}

/** Why a transition is refused: the state does not allow it, or the actor may not do it. */
export type TransitionRefusal = 'action-not-allowed-in-state' | 'actor-not-allowed';

/** The status after `action`, or why it is refused. Pure. */
export function transition(
  status: CaseStatus,
  action: CaseAction,
  actor: Actor,
  ctx: TransitionContext = { openPauses: 0, assigned: false },
): { ok: true; to: CaseStatus } | { ok: false; reason: TransitionRefusal } {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(status)) return { ok: false, reason: 'action-not-allowed-in-state' };
  if (!rule.by.includes(actor)) return { ok: false, reason: 'actor-not-allowed' };
  return { ok: true, to: resolve(rule.to, status, ctx) };
}

/** Like `transition`, throwing the refusal (with the labels for the message). */
export function nextStatus(
  status: CaseStatus,
  action: CaseAction,
  actor: Actor,
  ctx?: TransitionContext,
): CaseStatus {
  const t = transition(status, action, actor, ctx);
  if (t.ok) return t.to;
  throw new Refusal(t.reason, {
    status,
    statusLabel: STATUS_LABELS[status],
    action,
    actionLabel: ACTION_LABELS[action],
  });
}
