import type { ReplyDecision } from '../../correspondence/domain';
import type { CaseFacts } from './case-facts';
import type { ReplyType } from '../../law/domain/reply-type';
import type { ReplyDetail } from './request-fields';

/** What a reply letter needs of the case. */
export type ReplyFacts = Pick<
  CaseFacts,
  'correctionRequestedOn' | 'correctionPeriodEnd' | 'repliedOn'
> & {
  readonly replyType: ReplyType | null;
  readonly replyDetail: ReplyDetail | null;
};

/** Extra facts some decisions cite (earlier case, fee notice). */
export interface DecisionFacts {
  previousReplyOn?: string | null;
  previousReferenceNo?: string | null;
  feeNoticeOn?: string | null;
  paymentDueOn?: string | null;
}

/** A named responsible agency — not the clerk's note that none can be determined (Art 36(5)). */
function knownAgency(name: string | null | undefined): boolean {
  const n = name?.trim() ?? '';
  return n !== '' && !/无法确定|不能确定|暂无法|unknown/i.test(n);
}

/** Turns a closed case's reply type and detail into the letter's decision. */
export function replyDecisionOf(c: ReplyFacts, facts: DecisionFacts = {}): ReplyDecision {
  const type = c.replyType;
  if (!type) throw new Error('case has no reply');
  const text = c.replyDetail?.text?.trim() || null;
  const access = {
    means: text ?? '请按本答复所附材料获取，或到本机关政府信息公开工作机构查阅、复制。',
  };
  switch (type) {
    case 'ALREADY_PUBLIC_ROUTE':
    case 'DISCLOSED':
      return { type, access };
    case 'PARTIAL_REDACTED':
      return {
        type,
        access,
        withheld: (c.replyDetail?.withheld ?? []).map((w) => ({
          part: w.item,
          reason: w.reason,
          basis: w.basis,
        })),
      };
    case 'WITHHELD_STATE_SECRET':
    case 'WITHHELD_LAW_PROHIBITS':
    case 'WITHHELD_3SAFETY_1STABILITY':
    case 'WITHHELD_THIRD_PARTY':
    case 'WITHHELD_INTERNAL_AFFAIRS':
    case 'WITHHELD_PROCESS_INFO':
    case 'WITHHELD_ENFORCEMENT_FILE':
    case 'WITHHELD_ADMIN_QUERY':
      return { type, reason: text };
    case 'NOT_EXIST':
      return { type, search: text };
    case 'NOT_THIS_AGENCY':
      return {
        type,
        reason: text,
        responsibleAgency: knownAgency(c.replyDetail?.responsibleAgency)
          ? { name: (c.replyDetail?.responsibleAgency as string).trim() }
          : null,
      };
    case 'NEEDS_CREATION':
    case 'CONFIRM_OR_REISSUE_REQUEST':
      return { type };
    case 'STILL_UNCLEAR_AFTER_CORRECTION':
      return { type, correctionNoticeOn: c.correctionRequestedOn };
    case 'PETITION_NOT_OGI':
      return { type, channel: text };
    case 'REPEAT_NOT_REPROCESSED':
      return {
        type,
        previousReplyOn: facts.previousReplyOn ?? null,
        previousReferenceNo: facts.previousReferenceNo ?? null,
      };
    case 'PUBLICATION_REQUEST':
      return { type, where: text };
    case 'UNREASONABLE_VOLUME_NOT_PROCESSED':
      return { type, reason: text };
    case 'SPECIAL_PROCEDURE_REDIRECT':
      return { type, procedure: text ?? '法律、行政法规规定的特定查询程序' };
    case 'OTHER':
      return { type, decision: text ?? '' };
    case 'ABANDONED_NO_CORRECTION':
      return {
        type,
        correctionNoticeOn: c.correctionRequestedOn,
        correctionDueOn: c.correctionPeriodEnd ?? (c.repliedOn as string),
      };
    case 'ABANDONED_FEE_UNPAID':
      return {
        type,
        feeNoticeOn: facts.feeNoticeOn ?? null,
        paymentDueOn: facts.paymentDueOn ?? (c.repliedOn as string),
      };
    case 'WITHDRAWN':
      return { type, withdrawnOn: c.repliedOn as string };
  }
}
