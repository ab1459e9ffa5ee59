import type { LocalDate } from '../../../calendar/domain/local-date';
import { allow, refuse, refuseField, type Decision } from '../../../../shared/domain/refusal';
import type { CaseFacts } from '../case-facts';
import {
  REPLY_TYPE_INFO,
  requiresWithheldList,
  type ReplyType,
} from '../../../law/domain/reply-type';
import type { ServiceMethod } from '../request-fields';

/** Arts 36–39: a reply of a type a clerk chooses, with what its type requires, dated in the case. */
export function decideReply(
  c: Pick<CaseFacts, 'receivedOn' | 'reopenedOn'>,
  input: {
    readonly today: LocalDate;
    readonly type: ReplyType;
    readonly repliedOn: LocalDate;
    readonly withheldCount: number;
    readonly responsibleAgency: string | null;
  },
): Decision<void> {
  const { type, repliedOn, today } = input;
  if (!REPLY_TYPE_INFO[type].clerkReply)
    return refuseField('replyType', 'reply-type-by-own-action');
  if (requiresWithheldList(type) && input.withheldCount === 0)
    return refuseField('withheld', 'withheld-list-required');
  if (type === 'NOT_THIS_AGENCY' && !input.responsibleAgency?.trim())
    return refuseField('responsibleAgency', 'responsible-agency-required');
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
