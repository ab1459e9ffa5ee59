import type { LocalDate } from '../../calendar/domain/local-date';
import { type FeeMethod, type FeeRequest } from './fee-calculator';
import { InvalidFeeInputError } from './fee-errors';

/**
 * A fee question as the CLI (`govinfo fee`) and GET /api/v1/calendar/fee both ask it: the method
 * and the counts that were given. `feeRequestOf` checks which counts belong to which method
 * (R-FEE-01, D-8); both callers then print `calculateFee(request)`, so their JSON is identical.
 */
export interface FeeQuery {
  readonly method: FeeMethod;
  readonly nth?: number;
  readonly monthCount?: number;
  readonly pages?: number;
  readonly receivedOn?: LocalDate;
}

export type FeeCountField = 'nth' | 'monthCount' | 'pages';

/** How the caller spells a count: '--month-count' on the command line, 'monthCount' over HTTP. */
export type FeeFieldLabel = (field: FeeCountField) => string;

export function feeRequestOf(q: FeeQuery, label: FeeFieldLabel = (f) => f): FeeRequest {
  const receivedOn = q.receivedOn === undefined ? {} : { receivedOn: q.receivedOn };
  if (q.method === 'per-piece') {
    if (q.pages !== undefined) {
      throw new InvalidFeeInputError(label('pages'), 'belongs to per-volume, not per-piece');
    }
    if (q.nth !== undefined && q.monthCount !== undefined) {
      throw new InvalidFeeInputError(
        label('nth'),
        `cannot be combined with ${label('monthCount')}`,
      );
    }
    if (q.nth !== undefined) return { method: q.method, nth: q.nth, ...receivedOn };
    if (q.monthCount !== undefined) {
      return { method: q.method, monthCount: q.monthCount, ...receivedOn };
    }
    throw new InvalidFeeInputError(
      label('monthCount'),
      `per-piece needs one of ${label('monthCount')}, ${label('nth')}`,
    );
  }
  for (const field of ['monthCount', 'nth'] as const) {
    if (q[field] !== undefined) {
      throw new InvalidFeeInputError(label(field), 'belongs to per-piece, not per-volume');
    }
  }
  if (q.pages === undefined) {
    throw new InvalidFeeInputError(label('pages'), 'required for per-volume');
  }
  return { method: q.method, pages: q.pages, ...receivedOn };
}
