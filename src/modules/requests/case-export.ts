import { stringify } from 'csv-stringify/sync';
import type { SelectQueryBuilder } from 'typeorm';
import { neutraliseCsvRows } from '../../shared/domain/csv-cell';
import { APPLICANT_CATEGORY_LABELS, type ApplicantCategory } from '../accounts/domain/applicant';
import { REPLY_TYPE_INFO, type ReplyType } from '../law/domain/reply-type';
import type { RequestCase } from './request-case.entity';
import type { RequestSummaryView } from './request.views';

/** What the export reads beside the case row (aliases of the raw result). */
export interface ExportRaw {
  a_code: string;
  a_name: string;
  u_name: string | null;
  pause_consultation: boolean | null;
  pause_fee: boolean | null;
}

/** The assignee's display name and why the clock stands still, joined onto the case list. */
export function withExportColumns(
  qb: SelectQueryBuilder<RequestCase>,
): SelectQueryBuilder<RequestCase> {
  return qb
    .leftJoin('app_user', 'u', 'u.id = c.assignee_id')
    .addSelect('u.display_name', 'u_name')
    .addSelect(
      `c.paused AND EXISTS (SELECT 1 FROM case_consultation k WHERE k.case_id = c.id AND k.answered_on IS NULL)`,
      'pause_consultation',
    )
    .addSelect(
      `c.paused AND EXISTS (SELECT 1 FROM case_fee_notice n WHERE n.case_id = c.id AND n.paid_on IS NULL AND n.rejected_on IS NULL)`,
      'pause_fee',
    );
}

const HEADER = [
  '受理编号 reference',
  '机构 agency',
  '标题 title',
  '状态 status',
  '收到日期 received',
  '答复期限 due',
  '是否逾期 overdue',
  '答复类型 reply type',
  '申请人类别 category',
  '承办人 assignee',
  '暂停原因 pause reason',
  '条例 regime',
];

function pauseReason(s: RequestSummaryView, raw: ExportRaw): string {
  if (!s.paused) return '';
  const reasons = [
    raw.pause_consultation ? '征求意见' : null,
    raw.pause_fee ? '缴费通知' : null,
  ].filter((r): r is string => r !== null);
  return reasons.length > 0 ? reasons.join('、') : '暂停';
}

/** The case list as CSV with Chinese labels; every cell neutralised against formulas. */
export function casesCsv(rows: ReadonlyArray<{ s: RequestSummaryView; raw: ExportRaw }>): string {
  return stringify(
    neutraliseCsvRows([
      HEADER,
      ...rows.map(({ s, raw }) => [
        s.referenceNo,
        s.agencyName,
        s.title,
        s.statusLabel,
        s.receivedOn,
        s.replyDue,
        s.overdue ? '是' : '否',
        s.replyType ? (REPLY_TYPE_INFO[s.replyType as ReplyType]?.label ?? s.replyType) : '',
        APPLICANT_CATEGORY_LABELS[s.applicantCategory as ApplicantCategory] ?? s.applicantCategory,
        raw.u_name,
        pauseReason(s, raw),
        s.regime,
      ]),
    ]),
  );
}
