import { fieldProblem, type FieldProblem } from '../../../../shared/domain/refusal';
import { idProofTypeFor, type ApplicantCategory } from '../../../accounts/domain/applicant';
import { isValidIdProof } from '../../../accounts/domain/identity';
import type { Channel } from '../../../agencies/domain/agency';

/** What the clerk entered at intake (Art 29, Art 31): the problems, each naming its field. */
export function staffIntakeProblems(input: {
  readonly channel: Channel;
  readonly postKind?: 'signed' | 'ordinary' | null;
  readonly submittedAt: string;
  readonly signedAt?: string | null;
  readonly confirmedAt?: string | null;
  readonly applicant: { readonly category: ApplicantCategory; readonly idNumber: string };
}): FieldProblem[] {
  const problems: FieldProblem[] = [];
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
