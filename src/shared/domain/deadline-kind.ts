/** What a deadline belongs to: a case now; remedies and annual reports as they arrive. */
export const DEADLINE_SUBJECTS = ['case', 'remedy', 'report'] as const;
export type DeadlineSubject = (typeof DEADLINE_SUBJECTS)[number];

/** Kinds of legal date the timers act on (DOMAIN §1.5–1.7, §1.11). */
export const DEADLINE_KINDS = [
  'reply',
  'correction_notice',
  'correction_period',
  'consultation',
  'fee_payment',
  'receipt_confirmation',
  'remedy_acceptance',
  'remedy_answer',
  'remedy_decision',
  'remedy_complaint',
  'report_due',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_LABELS: Record<DeadlineKind, string> = {
  reply: '答复期限',
  correction_notice: '补正告知期限',
  correction_period: '补正期限',
  consultation: '第三方答复期限',
  fee_payment: '缴费期限',
  receipt_confirmation: '确认收到期限',
  remedy_acceptance: '行政复议受理审查期限',
  remedy_answer: '行政复议答复（行政诉讼答辩）期限',
  remedy_decision: '复议决定（审理）期限',
  remedy_complaint: '投诉举报处理期限',
  report_due: '年度报告报送期限',
};

export const DEADLINE_LABELS_EN: Record<DeadlineKind, string> = {
  reply: 'Reply deadline',
  correction_notice: 'Correction-notice deadline',
  correction_period: 'Correction period',
  consultation: 'Consultation deadline',
  fee_payment: 'Fee payment deadline',
  receipt_confirmation: 'Receipt confirmation',
  remedy_acceptance: 'Reconsideration acceptance review',
  remedy_answer: 'Answer and evidence in a reconsideration or suit',
  remedy_decision: 'Decision period of the reconsideration body or court',
  remedy_complaint: 'Complaint handling limit',
  report_due: 'Annual report due date',
};
