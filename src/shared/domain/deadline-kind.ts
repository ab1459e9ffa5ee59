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
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_LABELS: Record<DeadlineKind, string> = {
  reply: '答复期限',
  correction_notice: '补正告知期限',
  correction_period: '补正期限',
  consultation: '第三方答复期限',
  fee_payment: '缴费期限',
  receipt_confirmation: '确认收到期限',
};
