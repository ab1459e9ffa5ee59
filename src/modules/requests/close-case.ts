import { REPLY_TYPE_INFO, type ReplyType } from './domain/reply-type';
import type { RequestCase } from './request-case.entity';

/** Records the outcome that closes a case: its reply type, the type's legal basis and the day. */
export function closeCase(c: RequestCase, type: ReplyType, on: string): void {
  c.replyType = type;
  c.replyBasis = REPLY_TYPE_INFO[type].basis;
  c.repliedOn = on;
}
