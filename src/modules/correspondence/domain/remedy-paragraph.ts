import type { RemedyBodies } from '../../agencies/domain/agency';
import { parseLocalDate, type LocalDate } from '../../calendar/domain/local-date';
import { LEGAL_PERIODS as P, type LegalPeriod } from '../../deadlines/domain/legal-periods';
import { reconsiderationFirst as firstByReplyDate } from '../../deadlines/domain/remedy-windows';
import { chineseCount } from './letter-format';

/** Used when the agency has not configured its reconsideration body (R-RV-05 risk: configure it). */
export const GENERIC_RECONSIDERATION_BODY = '本机关的上一级行政机关或者本级人民政府';
/** Used when the agency has not configured its court. */
export const GENERIC_COURT = '有管辖权的人民法院';

export interface RemedyInput {
  /** Date of the reply letter; decides whether the 2023 Reconsideration Law applies (D-15). */
  readonly replyOn: LocalDate;
  /** REPLY_TYPE_INFO[type].nonDisclosure. */
  readonly nonDisclosure: boolean;
  readonly bodies?: RemedyBodies | null;
}

/**
 * D-15, R-RV-02: from 2024-01-01 a decision not to disclose must go to reconsideration first
 * (行政复议法 2023 Art 23(1)(4)); the decision itself must say so (Art 23(2)). The one rule of
 * deadlines/domain/remedy-windows.ts, judged on the date of the reply.
 */
export function reconsiderationFirst(
  input: Pick<RemedyInput, 'replyOn' | 'nonDisclosure'>,
): boolean {
  return firstByReplyDate({
    repliedOn: parseLocalDate(input.replyOn, 'issuedOn'),
    nonDisclosure: input.nonDisclosure,
  });
}

const days = (p: LegalPeriod) => `${chineseCount(p.length)}${p.unit === 'months' ? '个月' : '日'}`;

/**
 * The remedy paragraph of a reply. Both routes: 行政复议法 Art 20(1) (60 days) and 行政诉讼法
 * Art 46(1) (6 months). Reconsideration first: 行政复议法 Art 23(1)(4), then suit within 15 days
 * of the decision or of the end of the reconsideration period (行政诉讼法 Art 45).
 */
export function remedyText(input: RemedyInput): string {
  const body = input.bodies?.reconsiderationBody?.trim() || GENERIC_RECONSIDERATION_BODY;
  const court = input.bodies?.court?.trim() || GENERIC_COURT;
  if (!reconsiderationFirst(input)) {
    return `如对本答复不服，可以在收到本答复之日起${days(P.reconsiderationApply)}内向${body}申请行政复议，或者在${days(P.directSuit)}内向${court}提起行政诉讼。`;
  }
  return (
    `如对本答复不服，可以在收到本答复之日起${days(P.reconsiderationApply)}内向${body}申请行政复议。` +
    '根据《中华人民共和国行政复议法》第二十三条第一款第（四）项的规定，对不予公开政府信息的决定不服的，' +
    '应当先申请行政复议，对复议决定不服的再提起行政诉讼：' +
    `可以在收到行政复议决定书之日起${days(P.suitAfterReconsideration)}内向${court}提起行政诉讼；` +
    `行政复议机关逾期不作决定的，可以在复议期满之日起${days(P.suitAfterReconsideration)}内向${court}提起行政诉讼。`
  );
}
