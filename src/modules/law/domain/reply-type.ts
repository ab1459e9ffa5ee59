/**
 * Reply types (DOMAIN §1.9, D-10) with their legal basis and the default row of annual-report
 * table 三 (2021 format). The report mapping is configuration, versioned by format; this is
 * the default.
 */
export const REPLY_TYPES = [
  'ALREADY_PUBLIC_ROUTE',
  'DISCLOSED',
  'PARTIAL_REDACTED',
  'WITHHELD_STATE_SECRET',
  'WITHHELD_LAW_PROHIBITS',
  'WITHHELD_3SAFETY_1STABILITY',
  'WITHHELD_THIRD_PARTY',
  'WITHHELD_INTERNAL_AFFAIRS',
  'WITHHELD_PROCESS_INFO',
  'WITHHELD_ENFORCEMENT_FILE',
  'WITHHELD_ADMIN_QUERY',
  'NOT_EXIST',
  'NOT_THIS_AGENCY',
  'NEEDS_CREATION',
  'STILL_UNCLEAR_AFTER_CORRECTION',
  'PETITION_NOT_OGI',
  'REPEAT_NOT_REPROCESSED',
  'PUBLICATION_REQUEST',
  'UNREASONABLE_VOLUME_NOT_PROCESSED',
  'CONFIRM_OR_REISSUE_REQUEST',
  'ABANDONED_NO_CORRECTION',
  'ABANDONED_FEE_UNPAID',
  'SPECIAL_PROCEDURE_REDIRECT',
  'WITHDRAWN',
  'OTHER',
] as const;
export type ReplyType = (typeof REPLY_TYPES)[number];

export type ReportRow =
  | 'r_open'
  | 'r_partial'
  | 'r_no_1'
  | 'r_no_2'
  | 'r_no_3'
  | 'r_no_4'
  | 'r_no_5'
  | 'r_no_6'
  | 'r_no_7'
  | 'r_no_8'
  | 'r_cant_1'
  | 'r_cant_2'
  | 'r_cant_3'
  | 'r_np_1'
  | 'r_np_2'
  | 'r_np_3'
  | 'r_np_4'
  | 'r_np_5'
  | 'r_oth_1'
  | 'r_oth_2'
  | 'r_oth_3';

export interface ReplyTypeInfo {
  /** Article of OGI-2019 (or other instrument) the reply rests on. */
  basis: string;
  /** Chinese label used in letters and lists. */
  label: string;
  reportRow: ReportRow;
  /** A decision not to disclose: reconsideration comes first from 2024-01-01 (D-15, R-RV-02). */
  nonDisclosure: boolean;
  /** Chosen by a clerk as a reply (others arise from automatic transitions or withdrawal). */
  clerkReply: boolean;
}

const r = (
  basis: string,
  label: string,
  reportRow: ReportRow,
  nonDisclosure = false,
  clerkReply = true,
): ReplyTypeInfo => ({ basis, label, reportRow, nonDisclosure, clerkReply });

export const REPLY_TYPE_INFO: Record<ReplyType, ReplyTypeInfo> = {
  ALREADY_PUBLIC_ROUTE: r(
    '《政府信息公开条例》第三十六条第（一）项',
    '已主动公开，告知获取方式和途径',
    'r_open',
  ),
  DISCLOSED: r('《政府信息公开条例》第三十六条第（二）项', '予以公开', 'r_open'),
  PARTIAL_REDACTED: r('《政府信息公开条例》第三十七条', '部分公开（区分处理）', 'r_partial', true),
  WITHHELD_STATE_SECRET: r(
    '《政府信息公开条例》第十四条',
    '不予公开：属于国家秘密',
    'r_no_1',
    true,
  ),
  WITHHELD_LAW_PROHIBITS: r(
    '《政府信息公开条例》第十四条',
    '不予公开：其他法律行政法规禁止公开',
    'r_no_2',
    true,
  ),
  WITHHELD_3SAFETY_1STABILITY: r(
    '《政府信息公开条例》第十四条',
    '不予公开：危及“三安全一稳定”',
    'r_no_3',
    true,
  ),
  WITHHELD_THIRD_PARTY: r(
    '《政府信息公开条例》第十五条',
    '不予公开：保护第三方合法权益',
    'r_no_4',
    true,
  ),
  WITHHELD_INTERNAL_AFFAIRS: r(
    '《政府信息公开条例》第十六条第一款',
    '不予公开：属于三类内部事务信息',
    'r_no_5',
    true,
  ),
  WITHHELD_PROCESS_INFO: r(
    '《政府信息公开条例》第十六条第二款',
    '不予公开：属于四类过程性信息',
    'r_no_6',
    true,
  ),
  WITHHELD_ENFORCEMENT_FILE: r(
    '《政府信息公开条例》第十六条第二款',
    '不予公开：属于行政执法案卷',
    'r_no_7',
    true,
  ),
  WITHHELD_ADMIN_QUERY: r(
    '《政府信息公开条例》第三十六条',
    '不予公开：属于行政查询事项',
    'r_no_8',
    true,
  ),
  NOT_EXIST: r(
    '《政府信息公开条例》第三十六条第（四）项',
    '无法提供：本机关不掌握相关政府信息',
    'r_cant_1',
  ),
  NOT_THIS_AGENCY: r(
    '《政府信息公开条例》第三十六条第（五）项',
    '无法提供：不属于本机关负责公开',
    'r_cant_1',
  ),
  NEEDS_CREATION: r(
    '《政府信息公开条例》第三十八条',
    '无法提供：没有现成信息需要另行制作',
    'r_cant_2',
  ),
  STILL_UNCLEAR_AFTER_CORRECTION: r(
    '《政府信息公开条例》第三十条',
    '无法提供：补正后申请内容仍不明确',
    'r_cant_3',
  ),
  PETITION_NOT_OGI: r(
    '《政府信息公开条例》第三十九条第一款',
    '不予处理：信访举报投诉类申请',
    'r_np_1',
  ),
  REPEAT_NOT_REPROCESSED: r(
    '《政府信息公开条例》第三十六条第（六）项',
    '不予处理：重复申请',
    'r_np_2',
  ),
  PUBLICATION_REQUEST: r(
    '《政府信息公开条例》第三十九条第二款',
    '不予处理：要求提供公开出版物',
    'r_np_3',
  ),
  UNREASONABLE_VOLUME_NOT_PROCESSED: r(
    '《政府信息公开条例》第三十五条',
    '不予处理：无正当理由大量反复申请',
    'r_np_4',
  ),
  CONFIRM_OR_REISSUE_REQUEST: r(
    '《政府信息公开条例》',
    '不予处理：要求行政机关确认或重新出具已获取信息',
    'r_np_5',
  ),
  ABANDONED_NO_CORRECTION: r(
    '《政府信息公开条例》第三十条',
    '申请人无正当理由逾期不补正，视为放弃申请',
    'r_oth_1',
    false,
    false,
  ),
  ABANDONED_FEE_UNPAID: r(
    '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
    '申请人逾期未缴纳信息处理费，视为放弃申请',
    'r_oth_2',
    false,
    false,
  ),
  SPECIAL_PROCEDURE_REDIRECT: r(
    '《政府信息公开条例》第三十六条第（七）项',
    '告知通过特定程序办理',
    'r_no_8',
  ),
  WITHDRAWN: r('—', '申请人撤回申请', 'r_oth_3', false, false),
  OTHER: r('—', '其他处理', 'r_oth_3'),
};

/** Reply types that require the clerk to list what was withheld and why (Art 37). */
export function requiresWithheldList(type: ReplyType): boolean {
  return type === 'PARTIAL_REDACTED';
}

/**
 * Outcomes and exemptions that exist only in OGI-2019 (DOMAIN §1.9, §1.10): refused on a case
 * under OGI-2008, whose Art 21 knows four situations and whose exemptions are Arts 8 and 14.
 */
export const OGI_2019_ONLY_REPLIES: ReadonlySet<ReplyType> = new Set<ReplyType>([
  'WITHHELD_INTERNAL_AFFAIRS',
  'WITHHELD_PROCESS_INFO',
  'WITHHELD_ENFORCEMENT_FILE',
  'NEEDS_CREATION',
  'PETITION_NOT_OGI',
  'REPEAT_NOT_REPROCESSED',
  'PUBLICATION_REQUEST',
  'UNREASONABLE_VOLUME_NOT_PROCESSED',
  'SPECIAL_PROCEDURE_REDIRECT',
]);
