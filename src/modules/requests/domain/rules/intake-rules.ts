import {
  allow,
  fieldProblem,
  refuseField,
  type Decision,
  type FieldProblem,
} from '../../../../shared/domain/refusal';
import type { LocalDate } from '../../../calendar/domain/local-date';
import { regimeFor } from '../../../deadlines/domain/regime';
import type { CaseFacts } from '../case-facts';
import { DELIVERY_ROUTE_LABELS, type DeliveryRoute } from '../request-fields';
import { idProofProblems, type ApplicantCategory } from '../../../accounts/domain/applicant';
import type { IdProofType } from '../../../accounts/domain/identity';
import type { Channel } from '../../../agencies/domain/agency';
import { OGI_START_DATE } from '../../../../shared/domain/date-format';

/** The contact details a delivery route needs, as the message names them. */
const CONTACT_LABELS: Record<
  'email' | 'address' | 'postcode' | 'phone',
  { zh: string; en: string }
> = {
  email: { zh: '电子邮箱', en: 'an e-mail address' },
  address: { zh: '通讯地址', en: 'a postal address' },
  postcode: { zh: '邮政编码', en: 'a postcode' },
  phone: { zh: '联系电话', en: 'a phone number' },
};

/** What the clerk entered at intake (Art 29, Art 31): the problems, each naming its field. */
export function staffIntakeProblems(
  input: {
    readonly channel: Channel;
    readonly postKind?: 'signed' | 'ordinary' | null;
    readonly submittedAt: string;
    readonly signedAt?: string | null;
    readonly confirmedAt?: string | null;
    readonly applicant: {
      readonly category: ApplicantCategory;
      readonly idType?: IdProofType;
      readonly idNumber: string;
    } & ContactFacts;
    readonly deliveryRoute: DeliveryRoute;
    readonly oral?: {
      readonly writingDifficulty: string;
      readonly confirmedByApplicant: boolean;
    };
  },
  now: Date,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  problems.push(...instantProblems(input, now));
  const a = input.applicant;
  problems.push(...idProofProblems(a.category, a.idType, a.idNumber, 'applicant.').problems);
  problems.push(...contactProblems(input.deliveryRoute, a, false, 'applicant.'));
  if (input.channel === 'oral') {
    // Art 29: the office records an oral application when writing is difficult, and the
    // applicant confirms the form it filled in.
    if (!input.oral?.writingDifficulty?.trim())
      problems.push(fieldProblem('oral.writingDifficulty', 'oral-reason-required'));
    else if (input.oral.confirmedByApplicant !== true)
      problems.push(fieldProblem('oral.confirmedByApplicant', 'oral-form-not-confirmed'));
  }
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

/**
 * A wrong date of receipt, corrected by the clerk with a reason: a real day, not in the future,
 * not before the Regulations nor the submission, not after a step already taken on it (a
 * correction notice or a reasons request), and not across the regime cutover (D-1: the rules
 * already applied would change; withdraw and register the request again instead).
 */
export function decideReceiptCorrection(
  c: Pick<CaseFacts, 'receivedOn' | 'regime' | 'correctionRequestedOn' | 'reasonsRequestedOn'>,
  input: {
    readonly today: LocalDate;
    readonly receivedOn: LocalDate;
    readonly submittedOn: LocalDate;
  },
): Decision<void> {
  const day = input.receivedOn;
  if (day > input.today) return refuseField('receivedOn', 'date-in-future');
  if (day < OGI_START_DATE)
    return refuseField('receivedOn', 'date-before-ogi', { earliest: OGI_START_DATE });
  if (day < input.submittedOn)
    return refuseField('receivedOn', 'date-before-submission', { submittedOn: input.submittedOn });
  if (day === c.receivedOn) return refuseField('receivedOn', 'receipt-date-unchanged');
  const step = [c.correctionRequestedOn, c.reasonsRequestedOn]
    .filter((d): d is LocalDate => d !== null)
    .sort()[0];
  if (step && day > step) return refuseField('receivedOn', 'receipt-after-step', { step });
  if (c.regime && regimeFor(day) !== c.regime)
    return refuseField('receivedOn', 'receipt-changes-regime', { regime: c.regime });
  return allow(undefined);
}

/** The applicant's contact details a delivery route needs. */
export interface ContactFacts {
  readonly email?: string | null;
  readonly phone?: string | null;
  readonly address?: string | null;
  readonly postcode?: string | null;
}

/**
 * Contact details must fit the delivery route (Art 29(3) 获取信息的方式、途径): e-mail needs an
 * address to send to, post a postal address with its postcode, pickup a phone to call when it is
 * ready, the portal an account. Online filings check the account's profile (`field` names the
 * route then, since the profile is edited elsewhere).
 */
export function contactProblems(
  route: DeliveryRoute,
  c: ContactFacts,
  hasAccount: boolean,
  prefix: string,
  field?: string,
): FieldProblem[] {
  const need: Array<keyof ContactFacts> =
    route === 'email'
      ? ['email']
      : route === 'post'
        ? ['address', 'postcode']
        : route === 'pickup'
          ? ['phone']
          : [];
  const problems = need
    .filter((k) => !c[k]?.trim())
    .map((k) =>
      fieldProblem(field ?? `${prefix}${k}`, 'contact-required-for-route', {
        route,
        missing: k,
        routeZh: DELIVERY_ROUTE_LABELS[route].zh,
        routeEn: DELIVERY_ROUTE_LABELS[route].en,
        missingZh: CONTACT_LABELS[k].zh,
        missingEn: CONTACT_LABELS[k].en,
      }),
    );
  if (route === 'portal' && !hasAccount)
    problems.push(fieldProblem(field ?? 'deliveryRoute', 'portal-needs-account'));
  return problems;
}
