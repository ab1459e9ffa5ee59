import { parseLocalDate, type LocalDate } from '../../calendar/domain/local-date';
import { FeeMethodConflictError, FeeNotApplicableError, InvalidFeeInputError } from './fee-errors';

/**
 * Information-processing fee (信息处理费), 国办函〔2020〕109号, as decided in D-8.
 * Amounts are whole yuan.
 */

/** R-FEE-09: collection began 2021-01-01. */
export const FEE_START_DATE: LocalDate = '2021-01-01';

export const FeeMethod = { PerPiece: 'per-piece', PerVolume: 'per-volume' } as const;
export type FeeMethod = (typeof FeeMethod)[keyof typeof FeeMethod];
/** How the two methods are named to applicants (109号 Arts 4–5). */
export const FEE_METHOD_LABELS: Readonly<Record<FeeMethod, { zh: string; en: string }>> = {
  'per-piece': { zh: '按件计收', en: 'per piece' },
  'per-volume': { zh: '按量计收', en: 'per page' },
};

/** Upper bound that keeps arithmetic exact and rejects obvious typos. */
const MAX_COUNT = 1_000_000;

function checkCount(value: number, field: string, min: number): void {
  if (!Number.isInteger(value) || value < min || value > MAX_COUNT) {
    throw new InvalidFeeInputError(
      field,
      `expected a whole number between ${min} and ${MAX_COUNT}, got ${value}`,
    );
  }
}

export function feesApplicable(receivedOn: LocalDate): boolean {
  return parseLocalDate(receivedOn, 'received') >= FEE_START_DATE;
}

/** Throws FeeNotApplicableError for applications received before 2021-01-01 (R-FEE-09). */
export function assertFeesApplicable(receivedOn: LocalDate, field = 'received'): void {
  if (!feesApplicable(receivedOn)) throw new FeeNotApplicableError(receivedOn, field);
}

/**
 * Per piece (按件计收), 109号 Art 4: fee of the k-th piece of the same applicant in one calendar
 * month — 0 for k <= 10, 100 for 11..30, then +100 per further band of 10 (31–40 → 200 …).
 */
export function perPieceFee(k: number): number {
  checkCount(k, 'nth', 1);
  if (k <= 10) return 0;
  if (k <= 30) return 100;
  return 100 + 100 * Math.ceil((k - 30) / 10);
}

/** Total for `count` pieces in one calendar month = sum of perPieceFee(1..count). */
export function perPieceMonthTotal(count: number): number {
  checkCount(count, 'monthCount', 0);
  let total = 100 * Math.max(0, Math.min(count, 30) - 10);
  for (let bandStart = 31, fee = 200; bandStart <= count; bandStart += 10, fee += 100) {
    total += fee * (Math.min(count, bandStart + 9) - bandStart + 1);
  }
  return total;
}

/**
 * Per volume (按量计收), 109号 Art 5, progressive by page: 1–30 free, 31–100 → 10,
 * 101–200 → 20, 201+ → 40 per page. 250 pages = 70×10 + 100×20 + 50×40 = 4,700.
 */
export function perVolumeFee(pages: number): number {
  checkCount(pages, 'pages', 0);
  const band = (from: number, to: number): number => Math.max(0, Math.min(pages, to) - from + 1);
  return band(31, 100) * 10 + band(101, 200) * 20 + band(201, Number.MAX_SAFE_INTEGER) * 40;
}

export type FeeRequest =
  | { readonly method: 'per-piece'; readonly nth: number; readonly receivedOn?: LocalDate }
  | { readonly method: 'per-piece'; readonly monthCount: number; readonly receivedOn?: LocalDate }
  | { readonly method: 'per-volume'; readonly pages: number; readonly receivedOn?: LocalDate };

export interface FeeResult {
  readonly method: FeeMethod;
  readonly amountYuan: number;
}

/** One method per application (R-FEE-01); checks the 2021-01-01 start when a receipt date is given. */
export function calculateFee(req: FeeRequest): FeeResult {
  if (req.receivedOn !== undefined) assertFeesApplicable(req.receivedOn);
  switch (req.method) {
    case 'per-piece':
      return {
        method: FeeMethod.PerPiece,
        amountYuan: 'nth' in req ? perPieceFee(req.nth) : perPieceMonthTotal(req.monthCount),
      };
    case 'per-volume':
      return { method: FeeMethod.PerVolume, amountYuan: perVolumeFee(req.pages) };
  }
}

/** Picks the single method an application is charged by; both at once is refused (R-FEE-01). */
export function chooseFeeMethod(flags: {
  readonly perPiece?: boolean;
  readonly perVolume?: boolean;
}): FeeMethod {
  if (flags.perPiece && flags.perVolume) throw new FeeMethodConflictError();
  if (flags.perPiece) return FeeMethod.PerPiece;
  if (flags.perVolume) return FeeMethod.PerVolume;
  throw new InvalidFeeInputError('method', 'choose a fee method: per-piece or per-volume');
}
