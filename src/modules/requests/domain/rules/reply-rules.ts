import type { LocalDate } from '../../../calendar/domain/local-date';
import { allow, refuse, refuseField, type Decision } from '../../../../shared/domain/refusal';
import type { CaseFacts } from '../case-facts';
import {
  OGI_2019_ONLY_REPLIES,
  REPLY_TYPE_INFO,
  requiresWithheldList,
  type ReplyType,
} from '../../../law/domain/reply-type';
import type { ServiceMethod } from '../request-fields';

/** The earlier case a repeat (Art 36(6)) cites, as the rule sees it. */
export interface EarlierReply {
  readonly sameAgency: boolean;
  readonly sameApplicant: boolean;
  readonly repliedOn: LocalDate | null;
}

/**
 * Arts 36–39: a reply of a type a clerk chooses, with what its type requires, dated in the case.
 * Each outcome's precondition holds: a repeat cites an earlier replied request of the same
 * applicant to the same agency (Art 36(6)); "still unclear" follows a recorded correction
 * (Art 30; under OGI-2008 it is the Art 21(4) reply, which had no correction step); "not
 * processed" for volume follows the Art 35 reasons step; OGI-2019-only outcomes and exemptions
 * are refused on OGI-2008 cases.
 */
export function decideReply(
  c: Pick<
    CaseFacts,
    'receivedOn' | 'reopenedOn' | 'regime' | 'correctionReceivedOn' | 'reasonsRequestedOn'
  >,
  input: {
    readonly today: LocalDate;
    readonly type: ReplyType;
    readonly repliedOn: LocalDate;
    readonly withheldCount: number;
    readonly responsibleAgency: string | null;
    /** The clerk's wording of the decision (required for OTHER: the letter has no other). */
    readonly text?: string | null;
    readonly earlier?: EarlierReply | null;
  },
): Decision<void> {
  const { type, repliedOn, today } = input;
  if (!REPLY_TYPE_INFO[type].clerkReply)
    return refuseField('replyType', 'reply-type-by-own-action');
  if (c.regime === 'OGI-2008' && OGI_2019_ONLY_REPLIES.has(type))
    return refuseField('replyType', 'reply-type-not-in-ogi-2008');
  if (type === 'REPEAT_NOT_REPROCESSED') {
    const e = input.earlier;
    if (!e || !e.sameAgency || !e.sameApplicant || !e.repliedOn || e.repliedOn > repliedOn)
      return refuseField('previousReferenceNo', 'repeat-needs-earlier-reply');
  }
  if (
    type === 'STILL_UNCLEAR_AFTER_CORRECTION' &&
    c.regime !== 'OGI-2008' &&
    !c.correctionReceivedOn
  )
    return refuseField('replyType', 'still-unclear-needs-correction');
  if (type === 'UNREASONABLE_VOLUME_NOT_PROCESSED' && !c.reasonsRequestedOn)
    return refuseField('replyType', 'volume-needs-reasons-step');
  if (requiresWithheldList(type) && input.withheldCount === 0)
    return refuseField('withheld', 'withheld-list-required');
  if (type === 'NOT_THIS_AGENCY' && !input.responsibleAgency?.trim())
    return refuseField('responsibleAgency', 'responsible-agency-required');
  if (type === 'OTHER' && !input.text?.trim()) return refuseField('text', 'reply-text-required');
  const from = c.reopenedOn ?? c.receivedOn;
  if (repliedOn > today || (from && repliedOn < from))
    return refuseField('repliedOn', 'date-outside-case-period');
  return allow(undefined);
}

export interface ServiceInput {
  readonly method: ServiceMethod;
  /** The day of service: signed for / handed over / sent electronically; for post the posting day. */
  readonly servedOn: LocalDate;
  /** The day the applicant received it (post: the delivery day), when known. */
  readonly deliveredOn: LocalDate | null;
}

/**
 * R-DEL-01…03: service of the concluding letter, on or after its date and not in the future;
 * the applicant cannot receive a letter before it was served.
 */
export function decideService(
  c: Pick<CaseFacts, 'status' | 'repliedOn'>,
  input: ServiceInput & { readonly today: LocalDate },
): Decision<{ deliveredOn: LocalDate | null }> {
  if (!c.repliedOn) return refuse('no-reply-to-serve');
  if (input.servedOn < c.repliedOn) return refuseField('servedOn', 'served-before-reply');
  if (input.servedOn > input.today) return refuseField('servedOn', 'date-in-future');
  if (input.deliveredOn && input.deliveredOn < input.servedOn)
    return refuseField('deliveredOn', 'date-before-sending');
  if (input.deliveredOn && input.deliveredOn > input.today)
    return refuseField('deliveredOn', 'date-in-future');
  // Handed over or sent electronically: received on the day of service.
  const deliveredOn = input.deliveredOn ?? (input.method === 'post' ? null : input.servedOn);
  return allow({ deliveredOn });
}
