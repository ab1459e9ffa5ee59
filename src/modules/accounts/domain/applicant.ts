import { fieldProblem, type FieldProblem } from '../../../shared/domain/refusal';
import { isValidIdProof, type IdProofType } from './identity';

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

/** A natural person proves identity with a resident ID; an organisation with its USCC (default). */
export function idProofTypeFor(category: ApplicantCategory): 'resident_id' | 'uscc' {
  return category === 'np' ? 'resident_id' : 'uscc';
}

const PERSON_DOCUMENTS: readonly IdProofType[] = [
  'resident_id',
  'passport',
  'hk_macau_permit',
  'taiwan_permit',
  'hmt_residence',
  'foreign_permanent',
];
const ORGANISATION_DOCUMENTS: readonly IdProofType[] = ['uscc', 'org_certificate'];

/** The documents that fit a category: people's for 自然人, organisations' for the others. */
export function idTypesFor(category: ApplicantCategory): readonly IdProofType[] {
  if (category === 'np') return PERSON_DOCUMENTS;
  if (category === 'oth') return [...PERSON_DOCUMENTS, ...ORGANISATION_DOCUMENTS];
  return ORGANISATION_DOCUMENTS;
}

/**
 * The applicant's identity document checked as one rule (registration and staff intake): the
 * type fits the category (default by category), the number fits the type. Field names carry
 * `prefix` (e.g. `applicant.`).
 */
export function idProofProblems(
  category: ApplicantCategory,
  type: IdProofType | undefined,
  number: string,
  prefix = '',
): { type: IdProofType; number: string; problems: FieldProblem[] } {
  const t = type ?? idProofTypeFor(category);
  const n = number.trim().toUpperCase();
  const problems: FieldProblem[] = [];
  if (!idTypesFor(category).includes(t))
    problems.push(fieldProblem(`${prefix}idType`, 'id-type-not-for-category'));
  else if (!isValidIdProof(t, n))
    problems.push(
      fieldProblem(
        `${prefix}idNumber`,
        t === 'resident_id' || t === 'uscc' || t === 'hmt_residence' ? 'id-checksum' : 'id-format',
      ),
    );
  return { type: t, number: n, problems };
}
