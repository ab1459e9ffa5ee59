import type { AgencyContact } from '../../agencies/domain/agency';
import type { LocalDate } from '../../calendar/domain/local-date';
import { Regime } from '../../deadlines/domain/regime';
import { REPLY_TYPE_INFO, type ReplyType } from '../../law/domain/reply-type';

/** How, where and when to obtain information (OGI-2019 Art 36(1)(2), Art 37). */
export interface AccessRoute {
  /** 方式, e.g. 随本答复书附送纸质复印件 / 以电子邮件发送 / 现场查阅. */
  readonly means: string;
  /** 途径 or place, e.g. a web address or a reading room address. */
  readonly where?: string | null;
  /** 时间, e.g. 2026年3月16日前工作日9:00—17:00. */
  readonly when?: string | null;
}

/** One withheld part of a partial disclosure, with its reason and legal basis (Art 37). */
export interface WithheldPart {
  readonly part: string;
  readonly reason: string;
  /** e.g. 《政府信息公开条例》第十五条. */
  readonly basis: string;
}

/** The agency responsible for the information (Art 36(5)), when it can be identified. */
export interface ResponsibleAgency {
  readonly name: string;
  readonly contact?: AgencyContact | null;
}

export const WITHHELD_TYPES = [
  'WITHHELD_STATE_SECRET',
  'WITHHELD_LAW_PROHIBITS',
  'WITHHELD_3SAFETY_1STABILITY',
  'WITHHELD_THIRD_PARTY',
  'WITHHELD_INTERNAL_AFFAIRS',
  'WITHHELD_PROCESS_INFO',
  'WITHHELD_ENFORCEMENT_FILE',
  'WITHHELD_ADMIN_QUERY',
] as const satisfies readonly ReplyType[];
export type WithheldType = (typeof WITHHELD_TYPES)[number];

/** The decision a reply letter conveys: one member per reply type, with what the law requires. */
export type ReplyDecision =
  | { readonly type: 'ALREADY_PUBLIC_ROUTE'; readonly access: AccessRoute }
  | { readonly type: 'DISCLOSED'; readonly access: AccessRoute }
  | {
      readonly type: 'PARTIAL_REDACTED';
      readonly access: AccessRoute;
      readonly withheld: readonly WithheldPart[];
    }
  /** `reason`: the clerk's own explanation, beyond the exemption the letter states. */
  | { readonly type: WithheldType; readonly reason?: string | null }
  | { readonly type: 'NOT_EXIST'; readonly search?: string | null }
  | {
      readonly type: 'NOT_THIS_AGENCY';
      readonly reason?: string | null;
      readonly responsibleAgency?: ResponsibleAgency | null;
    }
  | { readonly type: 'NEEDS_CREATION' }
  | {
      readonly type: 'STILL_UNCLEAR_AFTER_CORRECTION';
      readonly correctionNoticeOn?: LocalDate | null;
    }
  | { readonly type: 'PETITION_NOT_OGI'; readonly channel?: string | null }
  | {
      readonly type: 'REPEAT_NOT_REPROCESSED';
      readonly previousReplyOn?: LocalDate | null;
      /** The reference number of the earlier request (申请编号). */
      readonly previousReferenceNo?: string | null;
      readonly previousDocumentNumber?: string | null;
    }
  | { readonly type: 'PUBLICATION_REQUEST'; readonly where?: string | null }
  | { readonly type: 'UNREASONABLE_VOLUME_NOT_PROCESSED'; readonly reason?: string | null }
  | { readonly type: 'CONFIRM_OR_REISSUE_REQUEST' }
  | { readonly type: 'SPECIAL_PROCEDURE_REDIRECT'; readonly procedure: string }
  | { readonly type: 'OTHER'; readonly decision: string }
  | {
      readonly type: 'ABANDONED_NO_CORRECTION';
      readonly correctionNoticeOn?: LocalDate | null;
      readonly correctionDueOn: LocalDate;
    }
  | {
      readonly type: 'ABANDONED_FEE_UNPAID';
      readonly feeNoticeOn?: LocalDate | null;
      readonly paymentDueOn: LocalDate;
    }
  | { readonly type: 'WITHDRAWN'; readonly withdrawnOn: LocalDate };

/** Compile-time check that every reply type has a decision shape (and so a letter). */
type MissingDecision = Exclude<ReplyType, ReplyDecision['type']>;
const _everyReplyTypeHasADecision: [MissingDecision] extends [never] ? true : never = true;

/** Deemed abandonment (OGI-2019 Art 30; 109号): a 终止办理告知书, and no OGI-2008 counterpart. */
export const TERMINATION_TYPES = [
  'ABANDONED_NO_CORRECTION',
  'ABANDONED_FEE_UNPAID',
] as const satisfies readonly ReplyType[];

export function isTermination(type: ReplyType): boolean {
  return (TERMINATION_TYPES as readonly ReplyType[]).includes(type);
}

/** Title of the reply letter for a type: 答复书, 终止办理告知书 or 撤回确认书. */
export function replyLetterTitle(type: ReplyType): string {
  if (isTermination(type)) return '政府信息公开申请终止办理告知书';
  if (type === 'WITHDRAWN') return '政府信息公开申请撤回确认书';
  return '政府信息公开申请答复书';
}

const ART = (article: string): string => `《政府信息公开条例》${article}`;

/**
 * OGI-2008 articles where a reply type maps onto the old text: Art 21 (four reply situations),
 * Art 22 (partial disclosure), Art 8 (三安全一稳定), Art 14 (secrets, privacy). Types with no
 * OGI-2008 counterpart cite the Regulations without an article.
 */
const OGI_2008_BASIS: Partial<Record<ReplyType, string>> = {
  ALREADY_PUBLIC_ROUTE: ART('第二十一条第（一）项'),
  DISCLOSED: ART('第二十一条第（一）项'),
  PARTIAL_REDACTED: ART('第二十二条'),
  WITHHELD_STATE_SECRET: ART('第十四条、第二十一条第（二）项'),
  WITHHELD_LAW_PROHIBITS: ART('第二十一条第（二）项'),
  WITHHELD_3SAFETY_1STABILITY: ART('第八条、第二十一条第（二）项'),
  WITHHELD_THIRD_PARTY: ART('第十四条、第二十一条第（二）项'),
  WITHHELD_INTERNAL_AFFAIRS: ART('第二十一条第（二）项'),
  WITHHELD_PROCESS_INFO: ART('第二十一条第（二）项'),
  WITHHELD_ENFORCEMENT_FILE: ART('第二十一条第（二）项'),
  WITHHELD_ADMIN_QUERY: ART('第二十一条第（二）项'),
  NOT_EXIST: ART('第二十一条第（三）项'),
  NOT_THIS_AGENCY: ART('第二十一条第（三）项'),
  STILL_UNCLEAR_AFTER_CORRECTION: ART('第二十一条第（四）项'),
};

/** The basis cited in the letter for a reply type under a regime; null when there is none ('—'). */
export function replyBasis(type: ReplyType, regime: Regime): string | null {
  const basis = REPLY_TYPE_INFO[type].basis;
  if (basis === '—') return null;
  if (regime === Regime.Ogi2019 || type === 'ABANDONED_FEE_UNPAID') return basis;
  return OGI_2008_BASIS[type] ?? '《政府信息公开条例》';
}
