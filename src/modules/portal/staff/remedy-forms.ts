import type { Type } from '@nestjs/common';
import { DECISIONS, KIND_LABELS, REMEDY_KINDS, RESULT_LABELS } from '../../remedies/domain/remedy';
import type { RemedyAction } from '../../remedies/domain/remedy-status';
import * as R from '../../remedies/dto/remedy.dto';
import type { FormField } from './form-body';
import { same, t } from './form-fields';

const ON: FormField = { name: 'on', label: t('日期', 'Date'), type: 'date', required: true };

/** Recording a reconsideration, suit or complaint about the case (the API's CreateRemedyDto). */
export const NEW_REMEDY_FIELDS: readonly FormField[] = [
  {
    name: 'kind',
    label: t('救济途径', 'Remedy'),
    type: 'select',
    required: true,
    options: REMEDY_KINDS.map((k) => ({ value: k, label: same(KIND_LABELS[k]) })),
  },
  {
    name: 'appliedOn',
    label: t('申请（起诉、收到投诉）日期', 'Applied (filed, received) on'),
    type: 'date',
    required: true,
  },
  {
    name: 'bodyName',
    label: t('复议机关或人民法院', 'Body or court'),
    type: 'text',
    hint: t('不填为本机关登记的复议机关或法院。', 'Empty: the one in the agency data.'),
  },
  { name: 'bodyCaseNo', label: t('案号', 'Case number'), type: 'text' },
  {
    name: 'bodyReceivedOn',
    label: t('复议机关收到申请日期', 'Received by the body on'),
    type: 'date',
  },
  {
    name: 'complaintLimitWd',
    label: t('投诉处理时限（工作日）', 'Complaint limit (working days)'),
    type: 'number',
  },
];

/** A step of a remedy as a form: its fields and the API's DTO (remedy-status decides when). */
export const REMEDY_STEP_FORMS: Readonly<
  Record<RemedyAction, { fields: readonly FormField[]; dto: Type<object> }>
> = {
  accept: { fields: [ON], dto: R.OnDateDto },
  docket: { fields: [ON], dto: R.OnDateDto },
  refuse: { fields: [ON], dto: R.OnDateDto },
  record_copy: {
    fields: [{ ...ON, label: t('本机关收到副本日期', 'Copy received on') }],
    dto: R.OnDateDto,
  },
  answer: {
    fields: [{ ...ON, label: t('提交答复（答辩）日期', 'Answer submitted on') }],
    dto: R.OnDateDto,
  },
  extend: {
    fields: [{ name: 'days', label: t('延长天数', 'Days'), type: 'number', required: true }],
    dto: R.ExtendRemedyDto,
  },
  suspend: { fields: [ON], dto: R.OnDateDto },
  resume: { fields: [ON], dto: R.OnDateDto },
  decide: {
    fields: [
      ON,
      {
        name: 'result',
        label: t('结果', 'Result'),
        type: 'select',
        required: true,
        options: DECISIONS.map((d) => ({ value: d, label: same(RESULT_LABELS[d]) })),
      },
      {
        name: 'form',
        label: t('裁判形式（诉讼）', 'Form (suits)'),
        type: 'select',
        options: [
          { value: 'judgment', label: t('判决', 'Judgment') },
          { value: 'ruling', label: t('裁定', 'Ruling') },
        ],
      },
      {
        name: 'reanswerReceivedOn',
        label: t('责令重新答复的，本机关收到决定日期', 'New answer ordered: decision received on'),
        type: 'date',
        hint: t('将重新办理该申请。', 'The request is reopened.'),
      },
      { name: 'orderedDue', label: t('责令答复的期限', 'Ordered reply date'), type: 'date' },
    ],
    dto: R.DecideRemedyDto,
  },
  serve: { fields: [ON], dto: R.OnDateDto },
  appeal: {
    fields: [
      { ...ON, label: t('上诉日期', 'Appealed on') },
      {
        name: 'appealReceivedOn',
        label: t('二审法院收到日期', 'Received on appeal'),
        type: 'date',
      },
    ],
    dto: R.AppealDto,
  },
  handle: {
    fields: [
      ON,
      { name: 'handling', label: t('处理结果', 'Outcome'), type: 'textarea', required: true },
    ],
    dto: R.HandleComplaintDto,
  },
  withdraw: { fields: [ON], dto: R.OnDateDto },
};
