/**
 * Remedies against an agency's handling of an application (DOMAIN §1.15, §3): administrative
 * reconsideration (行政复议), a suit without or after reconsideration (行政诉讼), and a complaint
 * or report (投诉举报, OGI-2019 Art 51). Pure: no framework imports.
 */
export const REMEDY_KINDS = [
  'reconsideration',
  'litigation_direct',
  'litigation_after_reconsideration',
  'complaint',
] as const;
export type RemedyKind = (typeof REMEDY_KINDS)[number];

export const KIND_LABELS: Record<RemedyKind, string> = {
  reconsideration: '行政复议',
  litigation_direct: '行政诉讼（未经复议直接起诉）',
  litigation_after_reconsideration: '行政诉讼（复议后起诉）',
  complaint: '投诉举报',
};

export const isSuit = (k: RemedyKind) =>
  k === 'litigation_direct' || k === 'litigation_after_reconsideration';

/**
 * Who hears a remedy against an agency by default (D-20): its reconsideration body, or the
 * court competent for suits against it; null when the agency's data does not name it.
 */
export function remedyBodyOf(
  kind: RemedyKind,
  agency: { readonly reconsiderationBody?: string | null; readonly court?: string | null },
): string | null {
  if (kind === 'reconsideration') return agency.reconsiderationBody ?? null;
  if (isSuit(kind)) return agency.court ?? null;
  return null;
}

export const PROCEDURES = ['normal', 'simplified'] as const;
export type Procedure = (typeof PROCEDURES)[number];

/** The specific decision of a reconsideration body or court (and how a remedy ended otherwise). */
export const REMEDY_RESULTS = [
  'upheld',
  'revoked',
  'changed',
  'confirmed_unlawful',
  'ordered_to_act',
  'dismissed',
  'withdrawn',
  'terminated',
  'mediated',
  'not_accepted',
] as const;
export type RemedyResult = (typeof REMEDY_RESULTS)[number];

export const RESULT_LABELS: Record<RemedyResult, string> = {
  upheld: '维持',
  revoked: '撤销',
  changed: '变更',
  confirmed_unlawful: '确认违法',
  ordered_to_act: '责令履行（重新答复）',
  dismissed: '驳回',
  withdrawn: '撤回',
  terminated: '终止',
  mediated: '调解',
  not_accepted: '不予受理',
};

/** Results a body decides (the others end a remedy without a decision on the merits). */
export const DECISIONS: readonly RemedyResult[] = [
  'upheld',
  'revoked',
  'changed',
  'confirmed_unlawful',
  'ordered_to_act',
  'dismissed',
  'terminated',
  'mediated',
];

/** Section 四's result columns (D-14). */
export type ResultClass = 'keep' | 'fix' | 'other';

/** D-14: 结果维持 / 结果纠正 / 其他结果 (configurable: one table). */
export const RESULT_CLASS: Record<RemedyResult, ResultClass> = {
  upheld: 'keep',
  revoked: 'fix',
  changed: 'fix',
  confirmed_unlawful: 'fix',
  ordered_to_act: 'fix',
  dismissed: 'other',
  withdrawn: 'other',
  terminated: 'other',
  mediated: 'other',
  not_accepted: 'other',
};

/** A decision that orders the agency to answer again reopens the case (D-18). */
export const REOPENS_CASE: readonly RemedyResult[] = ['ordered_to_act', 'revoked'];

/** Who a suit is against (R-AR-21, D-20). */
export interface Defendant {
  readonly role: 'original' | 'reconsideration_body';
  readonly name: string;
  /** The agency's code when it is in the system. */
  readonly agencyCode?: string | null;
}

/** One instance's decision (a suit may have two: first instance and appeal). */
export interface Decision {
  readonly instance: 1 | 2;
  readonly decidedOn: string;
  readonly result: RemedyResult;
  /** Suits: a judgment (appeal 15 days) or a ruling (10 days). */
  readonly form?: 'judgment' | 'ruling' | null;
  readonly servedOn?: string | null;
}
