import {
  ACTION_LABELS,
  ACTION_LABELS_EN,
  STATUS_LABELS,
  STATUS_LABELS_EN,
  type CaseStatus,
} from '../requests/domain/case-status';
import type { Lang } from './portal-text';

/** Timeline entries a citizen reads: the workflow's action labels, and the events around them. */
const EXTRA: Readonly<Record<string, { zh: string; en: string }>> = {
  letter_issued: { zh: '出具文书', en: 'Letter issued' },
  file: { zh: '提交申请', en: 'Request filed' },
  filed: { zh: '提交申请', en: 'Request filed' },
  attach: { zh: '上传材料', en: 'Files added' },
  transferred: { zh: '移交承接机关办理', en: 'Handed over to the successor agency' },
  remedy: {
    zh: '记录行政复议、行政诉讼或投诉举报',
    en: 'Reconsideration, suit or complaint recorded',
  },
  deadlines_recomputed: {
    zh: '因放假安排调整重新计算期限',
    en: 'Dates recomputed after a holiday notice changed',
  },
};

/** An event's label in the reader's language; one without its own never shows its internal code. */
export function eventLabel(action: string, lang: Lang = 'zh'): string {
  const actions: Record<string, string> = lang === 'en' ? ACTION_LABELS_EN : ACTION_LABELS;
  return actions[action] ?? EXTRA[action]?.[lang] ?? (lang === 'en' ? 'Case record' : '办理记录');
}

/** A case's status in the reader's language. */
export function statusLabel(status: CaseStatus, lang: Lang): string {
  return (lang === 'en' ? STATUS_LABELS_EN : STATUS_LABELS)[status];
}

/** 2026-09-14T01:00:00.000Z → 2026-09-14 09:00 (Beijing time). */
export function beijingTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

/** A case's timeline as a page shows it: Beijing time and the citizen's label of each event. */
export function timelineView<E extends { at: string; action: string }>(
  events: readonly E[],
  lang: Lang = 'zh',
) {
  return events.map((e) => ({ ...e, when: beijingTime(e.at), label: eventLabel(e.action, lang) }));
}
