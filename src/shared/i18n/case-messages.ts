import type { ReasonCode } from '../domain/reason-code';
import { t, type Entry } from './catalogue-entry';

/** The case workflow's refusals and field messages (intake, the clock, fees, replies). */
export const CASE_MESSAGES = {
  'staff-use-intake': t('工作人员请使用登记接口', 'Staff register requests through intake'),
  'agency-unknown-or-inactive': t('未找到该机构或已停用', 'Unknown or inactive agency'),
  'channel-not-announced': t(
    '该机构未公布此申请渠道',
    'The agency has not announced this channel',
    ['{agency}未公布{channel}申请渠道。', '{agency} has not announced the {channel} channel.'],
  ),
  'id-checksum': t('证件号码校验失败', 'The identity number fails its checksum'),
  'post-kind-required': t(
    '邮寄须注明是否签收',
    'Post: say whether it was signed for or an ordinary letter',
  ),
  'signed-at-required': t('须填写签收时间', 'Required for post that was signed for'),
  'date-before-submission': t('早于提交时间', 'Before the submission'),

  'date-in-future': t('不能晚于今天', 'In the future'),
  'date-outside-case-period': t('日期不在办理期间内', 'Outside the case period'),
  'date-before-sending': t('早于发出日期', 'Before the day it was sent'),
  'date-before-ogi': t('早于《政府信息公开条例》施行之日', 'Before the Regulations were in force', [
    '日期不得早于{earliest}。',
    'The date cannot be before {earliest}.',
  ]),

  'correction-not-in-ogi-2008': t(
    '2008年条例无补正重新计时程序',
    'OGI-2008 has no correction procedure with a restart',
  ),
  'correction-period-not-after-today': t(
    '补正期限应晚于今天',
    'The correction period must end after today',
  ),
  'correction-period-out-of-range': t(
    '补正期限不在允许范围内',
    'The correction period is outside the allowed range',
    [
      '补正期限应为{min}至{max}个工作日，现为{days}个工作日。',
      'A correction period is {min} to {max} working days; this one is {days}.',
    ],
  ),
  'correction-after-due': t(
    '补正通知晚于答复期限，按逾期办理',
    'The correction notice came after the reply was due: the case is late',
    ['答复期限已于{since}届满后才发出补正通知。', 'The reply was due {since}, before the notice.'],
  ),
  'correction-before-notice': t('早于补正通知', 'Before the correction notice'),
  'correction-not-awaited': t('该申请不在补正期间', 'The request is not awaiting a correction'),
  'correction-period-running': t('补正期限尚未届满', 'The correction period is still running', [
    '补正期限至{periodEnd}届满。',
    'The correction period runs until {periodEnd}.',
  ]),

  'consultation-closed': t('该征求意见已结束', 'This consultation is already closed'),
  'party-may-still-answer': t(
    '被征求意见方的答复期限尚未届满',
    'The consulted party may still answer',
    ['被征求意见方可在{partyDue}前答复。', 'The party may answer until {partyDue}.'],
  ),
  'party-receipt-required': t(
    '须填写对方收到征求意见函的日期',
    "The party's day of receipt is needed to establish its 15-working-day limit",
  ),
  'answer-date-required': t(
    '须填写答复日期（发出日至今天之间）',
    'The day of the answer is required, between sending and today',
  ),

  'fee-not-in-regime': t('信息处理费仅适用于2019年条例', 'Fees exist only under OGI-2019'),
  'fee-notice-exists': t(
    '本申请已发出收费通知',
    'A fee notice was already issued for this request',
  ),
  'fee-pages-required': t('按量计收须填写页数', 'Per-volume charging needs the number of pages'),
  'fee-in-free-band': t('在免费范围内，不应收费', 'No fee is due (within the free band)', [
    '在免费范围内（{quantity}），不应收费。',
    'No fee is due ({quantity}).',
  ]),
  'fee-notice-after-due': t(
    '收费通知应在答复期限内发出',
    'A fee notice must be sent within the processing period',
  ),
  'no-unpaid-fee-notice': t('没有待缴费的收费通知', 'No unpaid fee notice'),
  'payment-window-closed': t(
    '已超过缴费期限，视为放弃申请',
    'The payment window has closed; the application is deemed abandoned',
    [
      '缴费期限已于{paymentDue}届满，视为放弃申请。',
      'The payment window ended {paymentDue}; the application is deemed abandoned.',
    ],
  ),
  'payment-window-running': t('缴费期限尚未届满', 'The applicant may still pay', [
    '申请人可在{paymentDue}前缴费。',
    'The applicant may pay until {paymentDue}.',
  ]),

  'extension-too-long': t('延长期限超过上限', 'The extension is longer than the law allows', [
    '{regime}下延长不得超过{max}个工作日。',
    'At most {max} working days under {regime}.',
  ]),
  'extension-already-used': t(
    '答复期限已延长过一次',
    'The reply period has already been extended once',
  ),
  'extension-pending': t(
    '已有待审批的延期申请',
    'An extension request is already waiting for a decision',
  ),
  'extension-too-late': t('已超过答复期限，不能延期', 'Too late: the reply period has ended', [
    '答复期限已于{due}届满，不能延期。',
    'Too late: the reply was due {due}.',
  ]),
  'no-extension-pending': t(
    '没有待审批的延期申请',
    'No extension request is waiting for a decision',
  ),

  'art35-not-in-ogi-2008': t('2008年条例无此规定（第三十五条）', 'Art 35 exists only in OGI-2019'),
  'deferral-not-after-due': t(
    '延迟答复日期应晚于现答复期限',
    'The delayed reply date must be after the current due date',
    ['延迟答复日期应晚于现答复期限{due}。', 'Must be after the current due date {due}.'],
  ),
  'reasons-already-requested': t(
    '已要求申请人说明理由',
    'The applicant has already been asked for reasons',
  ),
  'reasons-not-received': t(
    '尚未收到申请人说明的理由（第三十五条）',
    "The applicant's reasons have not been received (Art 35)",
  ),
  'deferral-too-late': t(
    '已超过答复期限，不能确定延迟答复期限',
    'Too late: the reply period has ended',
    ['答复期限已于{due}届满，不能再确定延迟答复期限。', 'Too late: the reply was due {due}.'],
  ),
  'deferral-too-far': t('延迟答复期限过长', 'The delayed reply date is too far', [
    '延迟答复期限最迟为{max}。',
    'At the latest {max}.',
  ]),

  'id-type-not-for-category': t(
    '证件类型与申请人类别不符',
    'The identity document does not fit the applicant category',
  ),
  'oral-reason-required': t(
    '口头申请须记录申请人书写困难的情况',
    'An oral application records why writing is difficult (Art 29)',
  ),
  'oral-form-not-confirmed': t(
    '代为填写的申请须经申请人确认',
    'The applicant must confirm the form filled in for them',
  ),
  'contact-required-for-route': t(
    '所选获取方式缺少必要的联系信息',
    'The chosen delivery route needs this contact detail',
    ['获取方式为“{routeZh}”的，需要填写{missingZh}。', 'Delivery “{routeEn}” needs {missingEn}.'],
  ),
  'portal-needs-account': t(
    '通过网站获取须有申请人账户',
    'Delivery through the portal needs an applicant account',
  ),
  'id-format': t('证件号码格式不正确', 'The identity document number has the wrong format'),
  'receipt-date-unchanged': t('收到申请日期未变', 'The date of receipt is unchanged'),
  'receipt-after-step': t(
    '收到申请日期不得晚于已办理的步骤',
    'The date of receipt cannot be after a step already taken',
    ['本申请已于{step}办理后续步骤。', 'A step was taken on {step}.'],
  ),
  'receipt-changes-regime': t(
    '更正后的日期适用不同的条例，请撤回后重新登记',
    'The corrected date falls under the other Regulations: withdraw and register again',
  ),
  'payment-already-reported': t(
    '已报告缴费，待承办人确认',
    'A payment was reported and awaits the clerk',
  ),
  'payment-before-notice': t('缴费日期早于收费通知', 'The payment day is before the fee notice'),
  'no-payment-reported': t('没有待确认的缴费报告', 'No reported payment awaits a decision'),
  'payment-reported-awaiting-decision': t(
    '申请人已报告缴费，待承办人确认或不予确认',
    'The applicant reported a payment: the clerk decides first',
    ['申请人于{reportedOn}报告已缴费。', 'Reported on {reportedOn}.'],
  ),
  'reply-type-not-in-ogi-2008': t(
    '2008年条例无此答复类型',
    'OGI-2008 has no such outcome or exemption',
  ),
  'repeat-needs-earlier-reply': t(
    '重复申请须引用本机关已答复的同一申请人的申请',
    'A repeat must cite an earlier replied request of the same applicant to this agency',
  ),
  'still-unclear-needs-correction': t(
    '尚未收到补正，不能以补正后仍不明确答复',
    'No correction was received: "still unclear after correction" does not apply',
  ),
  'volume-needs-reasons-step': t(
    '未要求申请人说明理由，不能以申请数量、频次明显超过合理范围不予处理',
    'The Art 35 reasons step was not taken',
  ),
  'reply-type-by-own-action': t(
    '该结果由相应操作产生',
    'This outcome is recorded by its own action',
  ),
  'withheld-list-required': t(
    '须列明不予公开的内容及理由（第三十七条）',
    'List what was withheld and why (Art 37)',
  ),
  'reply-text-required': t(
    '“其他处理”须写明处理决定（答复书据此成文）',
    'An OTHER reply needs the wording of its decision (the letter prints it)',
  ),
  'responsible-agency-required': t(
    '须告知负责公开的机关，无法确定的写明“无法确定”',
    'Name the responsible agency when known, or write 无法确定 (Art 36(5))',
  ),
  'served-before-reply': t('送达日期早于答复日期', 'Served before the reply'),
  'no-reply-to-serve': t('尚无可送达的答复', 'There is no reply to serve'),
  'assignee-not-a-clerk': t('不是本机关承办人', 'Not a clerk of this agency'),

  'reopen-due-not-after-decision': t(
    '重新答复期限应晚于收到决定之日',
    'The ordered due date must be after the day the decision was received',
  ),
} satisfies Partial<Record<ReasonCode, Entry>>;
