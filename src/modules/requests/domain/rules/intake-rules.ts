import { fieldProblem, type FieldProblem } from '../../../../shared/domain/refusal';
import { idProofTypeFor, type ApplicantCategory } from '../../../accounts/domain/applicant';
import { isValidIdProof } from '../../../accounts/domain/identity';
import type { Channel } from '../../../agencies/domain/agency';
import { OGI_START_DATE } from '../../../../shared/domain/date-format';

/** What the clerk entered at intake (Art 29, Art 31): the problems, each naming its field. */
export function staffIntakeProblems(
  input: {
    readonly channel: Channel;
    readonly postKind?: 'signed' | 'ordinary' | null;
    readonly submittedAt: string;
    readonly signedAt?: string | null;
    readonly confirmedAt?: string | null;
    readonly applicant: { readonly category: ApplicantCategory; readonly idNumber: string };
  },
  now: Date,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  problems.push(...instantProblems(input, now));
  const idType = idProofTypeFor(input.applicant.category);
  if (!isValidIdProof(idType, input.applicant.idNumber.toUpperCase()))
    problems.push(fieldProblem('applicant.idNumber', 'id-checksum'));
  if (input.channel === 'post' && !input.postKind)
    problems.push(fieldProblem('postKind', 'post-kind-required'));
  if (input.channel === 'post' && input.postKind === 'signed' && !input.signedAt)
    problems.push(fieldProblem('signedAt', 'signed-at-required'));
  const submitted = Date.parse(input.submittedAt);
  if (input.signedAt && Date.parse(input.signedAt) < submitted)
    problems.push(fieldProblem('signedAt', 'date-before-submission'));
  if (input.confirmedAt && Date.parse(input.confirmedAt) < submitted)
    problems.push(fieldProblem('confirmedAt', 'date-before-submission'));
  return problems;
}

/**
 * Submission, signing and confirmation instants: not in the future, not before the Regulations
 * came into force (2008-05-01, Asia/Shanghai). A wrong day would anchor every deadline.
 */
export function instantProblems(
  input: {
    readonly submittedAt?: string | null;
    readonly signedAt?: string | null;
    readonly confirmedAt?: string | null;
  },
  now: Date,
): FieldProblem[] {
  const earliest = Date.parse(`${OGI_START_DATE}T00:00:00+08:00`);
  const problems: FieldProblem[] = [];
  for (const field of ['submittedAt', 'signedAt', 'confirmedAt'] as const) {
    const v = input[field];
    if (!v) continue;
    const t = Date.parse(v);
    if (t > now.getTime()) problems.push(fieldProblem(field, 'date-in-future'));
    else if (t < earliest)
      problems.push(fieldProblem(field, 'date-before-ogi', { earliest: OGI_START_DATE }));
  }
  return problems;
}
