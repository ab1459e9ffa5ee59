import type { Type } from '@nestjs/common';
import type { Principal } from '../../access/domain/principal';
import { FEE_METHOD_LABELS, FeeMethod } from '../../fees/domain/fee-calculator';
import { REPLY_TYPES, REPLY_TYPE_INFO } from '../../law/domain/reply-type';
import { ClockActionsService } from '../../requests/clock-actions.service';
import type { CaseAction } from '../../requests/domain/case-status';
import { SERVICE_METHODS } from '../../requests/domain/request-fields';
import * as A from '../../requests/dto/actions.dto';
import { FeeActionsService } from '../../requests/fee-actions.service';
import { ReceiptActionsService } from '../../requests/receipt-actions.service';
import { WorkflowService } from '../../requests/workflow.service';
import type { FormField } from './form-body';
import { dateField, t, textField, type Text } from './form-fields';
import { STAFF_TEXT } from './staff-text';

/** The services the case page's forms call: the same ones, with the same rules, as the API. */
export interface CaseServices {
  workflow: WorkflowService;
  receipts: ReceiptActionsService;
  clock: ClockActionsService;
  fees: FeeActionsService;
}

/** A case action as a form on the staff case page. */
export interface ActionForm {
  action: CaseAction;
  /** The path segment (as in the API: /api/v1/requests/:id/<slug>). */
  slug: string;
  hint?: Text;
  fields: readonly FormField[];
  dto?: Type<object>;
  /** A supervisor's action (the others are the clerk's). */
  supervisor?: boolean;
  run: (s: CaseServices, p: Principal, id: string, body: never) => Promise<unknown>;
}

const date = dateField;
const text = textField;
const TODAY = t('不填为今天。', 'Leave empty for today.');

/**
 * Every clerk's and supervisor's case action as a form: its fields (validated by the API's DTO)
 * and the service call. Which of them the page offers is the transition table's decision.
 */
export const ACTION_FORMS: readonly ActionForm[] = [
  {
    action: 'confirm_receipt',
    slug: 'confirm-receipt',
    hint: t(
      '以双方确认之日为收到申请之日（第三十一条）。',
      'The day both sides confirm becomes the date of receipt (Art 31).',
    ),
    fields: [
      {
        name: 'confirmedAt',
        label: t('确认时间', 'Confirmed at'),
        type: 'datetime',
        hint: t('北京时间；不填为现在。', 'Beijing time; empty for now.'),
      },
    ],
    dto: A.ConfirmReceiptDto,
    run: (s, p, id, b: A.ConfirmReceiptDto) => s.receipts.confirmReceipt(p, id, b),
  },
  {
    action: 'assign',
    slug: 'assign',
    fields: [{ name: 'assigneeId', label: t('承办人', 'Clerk'), type: 'clerk', required: true }],
    dto: A.AssignDto,
    run: (s, p, id, b: A.AssignDto) => s.workflow.assign(p, id, b),
  },
  {
    action: 'request_correction',
    slug: 'request-correction',
    hint: t(
      '一次性告知需要补正的事项和合理的补正期限（第三十条），应在收到申请之日起7个工作日内发出。',
      'Say once what must be corrected and by when (Art 30), within 7 working days of receipt.',
    ),
    fields: [
      text('what', t('需要补正的事项', 'What to correct'), true),
      date('periodEnd', t('补正期限', 'Correct by'), true),
    ],
    dto: A.RequestCorrectionDto,
    run: (s, p, id, b: A.RequestCorrectionDto) => s.workflow.requestCorrection(p, id, b),
  },
  {
    action: 'record_correction',
    slug: 'record-correction',
    hint: t(
      '登记申请人以书面、来访等方式提交的补正；自收到补正之日起重新计算答复期限。',
      'Record a correction handed in on paper or in person; the reply period restarts on its day.',
    ),
    fields: [
      text('correction', t('补正内容', 'Correction'), true),
      date('receivedOn', t('收到补正日期', 'Received on'), false, TODAY),
    ],
    dto: A.RecordCorrectionDto,
    run: (s, p, id, b: A.RecordCorrectionDto) => s.workflow.recordCorrection(p, id, b),
  },
  {
    action: 'abandon_correction',
    slug: 'abandon-correction',
    hint: t(
      '补正期限届满申请人无正当理由未补正的，视为放弃申请（第三十条）。',
      'No correction by the end of the period: the application is deemed abandoned (Art 30).',
    ),
    fields: [],
    run: (s, p, id) => s.workflow.abandonCorrection(p, id),
  },
  {
    action: 'start_consultation',
    slug: 'start-consultation',
    hint: t(
      '征求第三方（第三十二条）或其他机关（第三十四条）意见，所需时间不计入答复期限。',
      'Consult a third party (Art 32) or another agency (Art 34); the time does not count.',
    ),
    fields: [
      {
        name: 'partyKind',
        label: t('征求对象', 'Consulted party'),
        type: 'select',
        required: true,
        options: [
          { value: 'third_party', label: t('第三方', 'Third party') },
          { value: 'other_agency', label: t('其他机关', 'Another agency') },
        ],
      },
      text('subject', t('征求意见事项', 'Subject'), true),
      date('sentOn', t('发出日期', 'Sent on'), false, TODAY),
      date('partyReceivedOn', t('对方收到日期', 'Received by the party on')),
    ],
    dto: A.StartConsultationDto,
    run: (s, p, id, b: A.StartConsultationDto) => s.clock.startConsultation(p, id, b),
  },
  {
    action: 'close_consultation',
    slug: 'close-consultation',
    hint: t(
      '第三方逾期未提出意见的，由行政机关依照本条例规定决定是否公开。',
      'A party silent past the period: the agency decides under the Regulations.',
    ),
    fields: [
      {
        name: 'outcome',
        label: t('意见', 'Answer'),
        type: 'select',
        required: true,
        options: [
          { value: 'consent', label: t('同意公开', 'Consent') },
          { value: 'objection', label: t('不同意公开', 'Objection') },
          { value: 'silence', label: t('逾期未提出意见', 'No answer in time') },
        ],
      },
      date('answeredOn', t('答复日期', 'Answered on')),
      date('partyReceivedOn', t('对方收到日期', 'Received by the party on')),
    ],
    dto: A.CloseConsultationDto,
    run: (s, p, id, b: A.CloseConsultationDto) => s.clock.closeConsultation(p, id, b),
  },
  {
    action: 'issue_fee_notice',
    slug: 'issue-fee-notice',
    hint: t(
      '按《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）计收；发出收费通知后暂停计算答复期限。',
      'Charged under 国办函〔2020〕109号; the reply period stops while the fee is outstanding.',
    ),
    fields: [
      {
        name: 'method',
        label: t('计收方式', 'Method'),
        type: 'select',
        required: true,
        options: Object.values(FeeMethod).map((m) => ({ value: m, label: FEE_METHOD_LABELS[m] })),
      },
      {
        name: 'pages',
        label: t('页数（按量计收）', 'Pages (per page)'),
        type: 'number',
      },
      date('sentOn', t('发出日期', 'Sent on'), false, TODAY),
      date('receivedOn', t('申请人收到日期', 'Received by the applicant on')),
    ],
    dto: A.IssueFeeNoticeDto,
    run: (s, p, id, b: A.IssueFeeNoticeDto) => s.fees.issueNotice(p, id, b),
  },
  {
    action: 'record_fee_payment',
    slug: 'record-fee-payment',
    hint: t(
      '确认申请人已缴费；自缴费之日起恢复计算答复期限。',
      'Confirm the payment; the reply period runs again from the day of payment.',
    ),
    fields: [
      date(
        'paidOn',
        t('缴费日期', 'Paid on'),
        false,
        t('不填为申请人报告的日期。', 'Empty: the day the applicant reported.'),
      ),
      date('noticeReceivedOn', t('申请人收到收费通知日期', 'Notice received on')),
    ],
    dto: A.RecordFeePaymentDto,
    run: (s, p, id, b: A.RecordFeePaymentDto) => s.fees.recordPayment(p, id, b),
  },
  {
    action: 'reject_fee_payment',
    slug: 'reject-fee-payment',
    hint: t(
      '未收到款项的，说明理由；原缴费期限不变。',
      'Payment not received: give the reason; the original pay-by day stands.',
    ),
    fields: [text('reason', t('不予确认的理由', 'Reason'), true)],
    dto: A.RejectFeePaymentDto,
    run: (s, p, id, b: A.RejectFeePaymentDto) => s.fees.rejectPayment(p, id, b),
  },
  {
    action: 'abandon_unpaid_fee',
    slug: 'abandon-unpaid-fee',
    hint: t(
      '申请人自收到收费通知之日起20个工作日内未缴费的，视为放弃申请。',
      'Unpaid 20 working days after the notice was received: deemed abandoned.',
    ),
    fields: [],
    run: (s, p, id) => s.fees.abandonUnpaid(p, id),
  },
  {
    action: 'request_extension',
    slug: 'request-extension',
    hint: t(
      '需要延长答复期限的，应当经政府信息公开工作机构负责人同意，延长期限最长不超过20个工作日（第三十三条）。',
      'An extension needs the OGI office head’s approval, at most 20 working days (Art 33).',
    ),
    fields: [
      { name: 'days', label: t('延长工作日数', 'Working days'), type: 'number', required: true },
      text('reason', t('延期理由', 'Reason'), true),
    ],
    dto: A.RequestExtensionDto,
    run: (s, p, id, b: A.RequestExtensionDto) => s.clock.requestExtension(p, id, b),
  },
  {
    action: 'decide_extension',
    slug: 'decide-extension',
    supervisor: true,
    fields: [
      { name: 'approve', label: t('决定', 'Decision'), type: 'yesno', required: true },
      text('note', t('意见', 'Note')),
    ],
    dto: A.DecideExtensionDto,
    run: (s, p, id, b: A.DecideExtensionDto) => s.clock.decideExtension(p, id, b),
  },
  {
    action: 'request_reasons',
    slug: 'request-reasons',
    hint: t(
      '申请数量、频次明显超过合理范围的，可以要求申请人说明理由（第三十五条）；答复期限照常计算。',
      'For an unreasonable volume ask for the reasons (Art 35); the reply period keeps running.',
    ),
    fields: [
      text('why', t('要求说明理由的原因', 'Why')),
      date('reasonsDueOn', t('说明理由期限', 'Reasons due on')),
    ],
    dto: A.RequestReasonsDto,
    run: (s, p, id, b: A.RequestReasonsDto) => s.clock.requestReasons(p, id, b),
  },
  {
    action: 'record_reasons',
    slug: 'record-reasons',
    fields: [
      text('reasons', t('申请人说明的理由', 'Reasons given'), true),
      date('receivedOn', t('收到日期', 'Received on'), false, TODAY),
    ],
    dto: A.RecordReasonsDto,
    run: (s, p, id, b: A.RecordReasonsDto) => s.clock.recordReasons(p, id, b),
  },
  {
    action: 'record_deferral',
    slug: 'record-deferral',
    hint: t(
      '理由合理但无法在规定期限内答复的，可以确定延迟答复的合理期限并告知申请人（第三十五条）。',
      'Reasonable grounds but no reply possible in time: set a later reply date (Art 35).',
    ),
    fields: [date('deferralDue', t('延迟答复期限', 'Reply by'), true)],
    dto: A.RecordDeferralDto,
    run: (s, p, id, b: A.RecordDeferralDto) => s.clock.recordDeferral(p, id, b),
  },
  {
    action: 'reply',
    slug: 'reply',
    hint: t(
      '按第三十六条作出答复；部分公开的，逐项列明不予公开的内容、理由和依据（第三十七条）。',
      'Reply under Art 36; for a partial disclosure list each withheld item, its reason and basis (Art 37).',
    ),
    fields: [
      {
        name: 'replyType',
        label: t('答复类型', 'Reply type'),
        type: 'select',
        required: true,
        options: REPLY_TYPES.filter((r) => REPLY_TYPE_INFO[r].clerkReply).map((r) => ({
          value: r,
          label: { zh: REPLY_TYPE_INFO[r].label, en: r },
        })),
      },
      {
        name: 'basis',
        label: t('法律依据', 'Legal basis'),
        type: 'text',
        hint: t('不填为该答复类型的条款。', 'Empty: the article of the reply type.'),
      },
      text('text', t('答复正文', 'Reply text')),
      {
        name: 'withheld',
        label: t('不予公开的内容', 'Withheld items'),
        type: 'withheld',
        hint: t('部分公开和不予公开时填写。', 'For partial disclosure and refusals.'),
      },
      {
        name: 'responsibleAgency',
        label: t('负责公开的机关', 'Agency responsible'),
        type: 'text',
        hint: t('非本机关信息时填写（第三十六条第（五）项）。', 'When not ours (Art 36(5)).'),
      },
      {
        name: 'previousReferenceNo',
        label: t('已答复的申请编号', 'Earlier request'),
        type: 'text',
        hint: t('重复申请时填写（第三十六条第（六）项）。', 'For a repeat request (Art 36(6)).'),
      },
      date('repliedOn', t('答复日期', 'Replied on'), false, TODAY),
    ],
    dto: A.ReplyDto,
    run: (s, p, id, b: A.ReplyDto) => s.workflow.reply(p, id, b),
  },
  {
    action: 'record_service',
    slug: 'record-service',
    hint: t(
      '邮寄的以交邮之日判断是否按期答复；申请人收到之日起计算救济期限。',
      'By post, on time is judged on the posting day; the remedy windows run from receipt.',
    ),
    fields: [
      {
        name: 'method',
        label: t('送达方式', 'Method'),
        type: 'select',
        required: true,
        options: SERVICE_METHODS.map((m) => ({ value: m, label: STAFF_TEXT[`service_${m}`] })),
      },
      date('servedOn', t('送达（交邮）日期', 'Served (posted) on'), true),
      date('deliveredOn', t('申请人收到日期', 'Received by the applicant on')),
      { name: 'trackingNo', label: t('邮件号码', 'Tracking number'), type: 'text' },
      { name: 'proofAttachmentId', label: t('送达凭证', 'Proof of service'), type: 'attachment' },
    ],
    dto: A.RecordServiceDto,
    run: (s, p, id, b: A.RecordServiceDto) => s.workflow.recordService(p, id, b),
  },
  {
    action: 'correct_receipt_date',
    slug: 'correct-receipt-date',
    hint: t(
      '更正误录的收到申请日期；各期限重新计算，已发出的文书不变，另行出具更正后的登记回执。',
      'Correct a wrong date of receipt; the dates follow, issued letters stay, a corrected receipt is issued.',
    ),
    fields: [
      date('receivedOn', t('正确的收到申请日期', 'Right date of receipt'), true),
      text('reason', t('更正理由', 'Reason'), true),
    ],
    dto: A.CorrectReceiptDateDto,
    run: (s, p, id, b: A.CorrectReceiptDateDto) => s.receipts.correctReceiptDate(p, id, b),
  },
  {
    action: 'withdraw',
    slug: 'withdraw',
    hint: t('登记申请人撤回申请。', 'Record that the applicant withdrew the application.'),
    fields: [text('reason', t('撤回理由', 'Reason'))],
    dto: A.ReasonDto,
    run: (s, p, id, b: A.ReasonDto) => s.workflow.withdraw(p, id, b.reason),
  },
  {
    action: 'reopen',
    slug: 'reopen',
    hint: t(
      '复议决定或判决责令重新答复的，重新办理。',
      'A reconsideration decision or judgment ordered a new answer.',
    ),
    fields: [
      date('decisionReceivedOn', t('收到决定（判决）日期', 'Decision received on'), true),
      date('orderedDue', t('决定（判决）确定的答复期限', 'Ordered reply date')),
      text('reason', t('理由', 'Reason'), true),
    ],
    dto: A.ReopenDto,
    run: (s, p, id, b: A.ReopenDto) => s.workflow.reopen(p, id, b),
  },
];

export function actionFormOf(slug: string): ActionForm | undefined {
  return ACTION_FORMS.find((f) => f.slug === slug);
}
