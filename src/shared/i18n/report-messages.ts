import type { ReasonCode } from '../domain/reason-code';
import { t, type Entry } from './catalogue-entry';

/** The annual report's refusals (publication workflow). */
export const REPORT_MESSAGES = {
  'report-checks-failing': t(
    '年度报告校验未通过，不能发布',
    'The report fails its checks and cannot be published',
    [
      '年度报告校验未通过（{rules}），请先核对并更正后再发布。',
      'The report fails {rules}; correct it before publishing.',
    ],
  ),
  'report-not-in-state': t(
    '年度报告当前状态下不能执行此操作',
    'The report cannot do this in its current state',
    [
      '年度报告当前为“{statusLabel}”，不能{actionLabel}。',
      'The report is {status}: it cannot be {actionEn}.',
    ],
  ),
  'report-version-not-found': t('未找到该年度报告的发布版本', 'No such published report version'),
} satisfies Partial<Record<ReasonCode, Entry>>;
