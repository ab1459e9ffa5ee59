import { APPLICANT_CATEGORY_LABELS } from '../../accounts/domain/applicant';
import { ID_PROOF_LABELS } from '../../accounts/domain/identity';
import { CHANNEL_LABELS, CHANNELS } from '../../agencies/domain/agency';
import { DELIVERY_ROUTE_LABELS, DELIVERY_ROUTES } from '../../requests/domain/request-fields';
import type { FormField } from './form-body';
import { same, t } from './form-fields';

/**
 * The registration form of a request received on paper, by fax, by e-mail or orally: the fields
 * of the API's StaffIntakeDto, flat (`applicant.name`), in the order of the form.
 */
export const INTAKE_FIELDS: readonly FormField[] = [
  {
    name: 'channel',
    label: t('收到方式', 'How it arrived'),
    type: 'select',
    required: true,
    options: CHANNELS.filter((c) => c !== 'online').map((c) => ({
      value: c,
      label: CHANNEL_LABELS[c],
    })),
  },
  {
    name: 'postKind',
    label: t('邮寄方式', 'Kind of post'),
    type: 'select',
    options: [
      { value: 'signed', label: t('挂号信、EMS等需签收', 'Registered / EMS (signed for)') },
      { value: 'ordinary', label: t('平常信函', 'Ordinary letter') },
    ],
  },
  {
    name: 'submittedAt',
    label: t('提交（到达）时间', 'Handed in / arrived at'),
    type: 'datetime',
    required: true,
    hint: t('北京时间。', 'Beijing time.'),
  },
  {
    name: 'signedAt',
    label: t('签收时间', 'Signed for at'),
    type: 'datetime',
    hint: t('需签收的邮件填写。', 'For post that was signed for.'),
  },
  {
    name: 'confirmedAt',
    label: t('与申请人确认时间', 'Receipt confirmed at'),
    type: 'datetime',
    hint: t(
      '平常信函、传真、电子邮件：与申请人确认收到的时间；尚未确认的先登记，确认后在申请页面“确认收到”。',
      'Ordinary letter, fax, e-mail: when receipt was confirmed; if not yet, register now and confirm on the case page later.',
    ),
  },
  {
    name: 'oral.writingDifficulty',
    label: t('口头申请：书写困难的情况', 'Oral request: why writing is difficult'),
    type: 'textarea',
    hint: t('口头提出的填写（第二十九条）。', 'For an oral request (Art 29).'),
  },
  {
    name: 'oral.confirmedByApplicant',
    label: t('口头申请：已向申请人宣读并经其确认', 'Oral request: read back and confirmed'),
    type: 'yesno',
  },
  {
    name: 'applicant.category',
    label: t('申请人类别', 'Applicant category'),
    type: 'select',
    required: true,
    options: Object.entries(APPLICANT_CATEGORY_LABELS).map(([value, label]) => ({
      value,
      label: same(label),
    })),
  },
  { name: 'applicant.name', label: t('姓名或名称', 'Name'), type: 'text', required: true },
  {
    name: 'applicant.idType',
    label: t('身份证明类型', 'Identity document'),
    type: 'select',
    options: Object.entries(ID_PROOF_LABELS).map(([value, label]) => ({
      value,
      label: same(label),
    })),
  },
  {
    name: 'applicant.idNumber',
    label: t('身份证明号码', 'Identity document number'),
    type: 'text',
    required: true,
  },
  { name: 'applicant.phone', label: t('联系电话', 'Phone'), type: 'text' },
  { name: 'applicant.email', label: t('电子邮箱', 'E-mail'), type: 'text' },
  { name: 'applicant.address', label: t('通讯地址', 'Postal address'), type: 'text' },
  { name: 'applicant.postcode', label: t('邮政编码', 'Postcode'), type: 'text' },
  { name: 'agencyCode', label: t('受理机关', 'Agency'), type: 'select', required: true },
  {
    name: 'title',
    label: t('所需信息的名称', 'Information requested'),
    type: 'text',
    required: true,
  },
  { name: 'docNo', label: t('文号', 'Document number'), type: 'text' },
  {
    name: 'description',
    label: t('所需信息的内容描述', 'Description'),
    type: 'textarea',
    required: true,
  },
  {
    name: 'form',
    label: t('获取信息的方式', 'Form of the information'),
    type: 'select',
    required: true,
    options: [
      { value: 'paper', label: t('纸质', 'Paper') },
      { value: 'electronic', label: t('电子', 'Electronic') },
      { value: 'either', label: t('均可', 'Either') },
    ],
  },
  {
    name: 'deliveryRoute',
    label: t('获取信息的途径', 'Delivery'),
    type: 'select',
    required: true,
    options: DELIVERY_ROUTES.map((r) => ({ value: r, label: DELIVERY_ROUTE_LABELS[r] })),
  },
];
