import { allow, refuse, type Decision } from '../../../shared/domain/refusal';
import type { LocalDate } from '../../calendar/domain/local-date';

/**
 * The publication workflow of an annual report, as a transition table: a draft is reviewed,
 * then published (a frozen version); a correction reopens a published report as a draft, and
 * its next publication is a new version carrying the note. Pure.
 */
export const REPORT_STATUSES = ['draft', 'reviewed', 'published'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_ACTIONS = ['edit', 'review', 'reopen', 'publish', 'correct'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export const REPORT_TRANSITIONS: Record<
  ReportAction,
  { readonly from: readonly ReportStatus[]; readonly to: ReportStatus }
> = {
  /** The narrative is edited in a draft only (a reviewed or published report is not). */
  edit: { from: ['draft'], to: 'draft' },
  review: { from: ['draft'], to: 'reviewed' },
  reopen: { from: ['reviewed'], to: 'draft' },
  publish: { from: ['reviewed'], to: 'published' },
  correct: { from: ['published'], to: 'draft' },
};

export const STATUS_LABELS: Record<ReportStatus, string> = {
  draft: '草稿',
  reviewed: '已审核',
  published: '已发布',
};

const ACTION_LABELS: Record<ReportAction, [string, string]> = {
  edit: ['修改', 'edited'],
  review: ['审核', 'reviewed'],
  reopen: ['退回修改', 'reopened'],
  publish: ['发布', 'published'],
  correct: ['更正', 'corrected'],
};

export function reportTransition(
  status: ReportStatus,
  action: ReportAction,
): Decision<ReportStatus> {
  const t = REPORT_TRANSITIONS[action];
  return t.from.includes(status)
    ? allow(t.to)
    : refuse('report-not-in-state', {
        status,
        statusLabel: STATUS_LABELS[status],
        actionLabel: ACTION_LABELS[action][0],
        actionEn: ACTION_LABELS[action][1],
      });
}

/** Failing checks refuse publication (a published report must balance). */
export function publishable(
  checks: ReadonlyArray<{ readonly rule: string; readonly ok: boolean }>,
): Decision<void> {
  const failing = checks.filter((c) => !c.ok).map((c) => c.rule);
  return failing.length
    ? refuse('report-checks-failing', { rules: failing.join(', ') })
    : allow(undefined);
}

export type AgencyKind = 'government' | 'department' | 'other';

/**
 * D-13 / R-AR-01: a department's report on year Y is due 31 Jan of Y+1, a people's government's
 * 31 Mar (kind `other` follows departments); under the 2008 Regulations (reports on years
 * before 2019) 31 Mar for all (OGI-2008 Art 31). The legal date is kept as it is; reminders
 * move to the last working day on or before it (R-AR-02).
 */
export function reportDueOn(year: number, kind: AgencyKind): LocalDate {
  if (year < 2019 || kind === 'government') return `${year + 1}-03-31`;
  return `${year + 1}-01-31`;
}

/** A government reports for its whole area (its subtree); a department for itself. */
export const officialSubtree = (kind: AgencyKind) => kind === 'government';
