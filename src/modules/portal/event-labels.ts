import { ACTION_LABELS } from '../requests/domain/case-status';

/** Timeline entries a citizen reads: the workflow's action labels, and the events around them. */
const EXTRA: Readonly<Record<string, string>> = {
  letter_issued: '出具文书',
  file: '提交申请',
  filed: '提交申请',
  attach: '上传材料',
  transferred: '移交承接机关办理',
  remedy: '记录行政复议、行政诉讼或投诉举报',
  deadlines_recomputed: '因放假安排调整重新计算期限',
};

/** An event's label; one without its own never shows its internal code. */
export function eventLabel(action: string): string {
  return (ACTION_LABELS as Record<string, string>)[action] ?? EXTRA[action] ?? '办理记录';
}

/** 2026-09-14T01:00:00.000Z → 2026-09-14 09:00 (Beijing time). */
export function beijingTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

/** A case's timeline as a page shows it: Beijing time and the citizen's label of each event. */
export function timelineView<E extends { at: string; action: string }>(events: readonly E[]) {
  return events.map((e) => ({ ...e, when: beijingTime(e.at), label: eventLabel(e.action) }));
}
