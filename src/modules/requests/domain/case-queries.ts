import type { LocalDate } from '../../calendar/domain/local-date';
import type { CaseFacts } from './case-facts';
import { isOpen, OPEN_STATUSES } from './case-status';

/**
 * Overdue (the one definition, used by lists, supervision, digests and the portal): a live case
 * still open whose effective due date has passed, or that became late by a step taken after a
 * due date (`lateSince`, D-4) however the clock moved since. Imported cases are never overdue.
 */
export function isOverdue(
  c: Pick<CaseFacts, 'status' | 'source' | 'replyDue' | 'lateSince'>,
  today: LocalDate,
): boolean {
  return (
    c.source === 'live' &&
    isOpen(c.status) &&
    (c.lateSince !== null || (c.replyDue !== null && c.replyDue < today))
  );
}

/** SQL of the same definitions, for queries (`alias` is the request_case alias). */
export const CASE_SQL = {
  open: (alias: string) => `${alias}.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`,
  overdue: (alias: string, todayParam: string) =>
    `(${alias}.source = 'live' AND ${alias}.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')}) AND (${alias}.late_since IS NOT NULL OR ${alias}.reply_due < ${todayParam}))`,
};
