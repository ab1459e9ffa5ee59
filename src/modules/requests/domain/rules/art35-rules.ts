import { addMonthsClamped, type LocalDate } from '../../../calendar/domain/local-date';
import { LEGAL_PERIODS } from '../../../deadlines/domain/legal-periods';
import { allow, refuse, refuseField, type Decision } from '../../../../shared/domain/refusal';
import type { CaseFacts } from '../case-facts';

/**
 * Art 35, D-19: for a volume or frequency clearly beyond a reasonable range the agency may ask
 * the applicant for reasons (OGI-2019 only). The reply clock keeps running meanwhile.
 */
export function decideReasonsRequest(
  c: Pick<CaseFacts, 'regime' | 'reasonsRequestedOn'>,
): Decision<void> {
  if (c.regime === 'OGI-2008') return refuseField('regime', 'art35-not-in-ogi-2008');
  if (c.reasonsRequestedOn) return refuse('reasons-already-requested');
  return allow(undefined);
}

export function decideReasonsReceived(
  c: Pick<CaseFacts, 'reasonsRequestedOn'>,
  input: { readonly today: LocalDate; readonly receivedOn: LocalDate },
): Decision<void> {
  if (input.receivedOn > input.today) return refuseField('receivedOn', 'date-in-future');
  if (c.reasonsRequestedOn && input.receivedOn < c.reasonsRequestedOn)
    return refuseField('receivedOn', 'date-before-sending');
  return allow(undefined);
}

/**
 * Art 35, D-19: reasonable grounds, but the limit cannot be met → a delayed reply date, decided
 * after the reasons step and on or before the current due date, to a date after it and at most
 * 12 months after receipt.
 */
export function decideDeferral(
  c: Pick<CaseFacts, 'regime' | 'replyDue' | 'receivedOn' | 'reasonsReceivedOn'>,
  input: {
    readonly today: LocalDate;
    readonly deferralDue: LocalDate;
    readonly maxMonths?: number;
  },
): Decision<void> {
  const maxMonths = input.maxMonths ?? LEGAL_PERIODS.deferralMax.length;
  if (c.regime === 'OGI-2008') return refuseField('regime', 'art35-not-in-ogi-2008');
  if (!c.reasonsReceivedOn) return refuse('reasons-not-received');
  if (c.replyDue && input.today > c.replyDue)
    return refuse('deferral-too-late', { due: c.replyDue });
  if (c.replyDue && input.deferralDue <= c.replyDue)
    return refuseField('deferralDue', 'deferral-not-after-due', { due: c.replyDue });
  if (c.receivedOn && input.deferralDue > addMonthsClamped(c.receivedOn, maxMonths)) {
    return refuseField('deferralDue', 'deferral-too-far', {
      max: addMonthsClamped(c.receivedOn, maxMonths),
    });
  }
  return allow(undefined);
}
