/** Applicant categories: the columns of annual-report table 三 (DOMAIN §2.3). */
export const APPLICANT_CATEGORIES = ['np', 'biz', 'res', 'npo', 'law', 'oth'] as const;
export type ApplicantCategory = (typeof APPLICANT_CATEGORIES)[number];

export const APPLICANT_CATEGORY_LABELS: Record<ApplicantCategory, string> = {
  np: '自然人',
  biz: '商业企业',
  res: '科研机构',
  npo: '社会公益组织',
  law: '法律服务机构',
  oth: '其他',
};

/** A natural person proves identity with a resident ID; an organisation with its USCC. */
export function idProofTypeFor(category: ApplicantCategory): 'resident_id' | 'uscc' {
  return category === 'np' ? 'resident_id' : 'uscc';
}
