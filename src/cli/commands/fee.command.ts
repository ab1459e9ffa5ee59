import type { Command } from 'commander';
import { calculateFee, chooseFeeMethod } from '../../modules/fees/domain/fee-calculator';
import { feeRequestOf, type FeeCountField } from '../../modules/fees/domain/fee-query';
import { asUsage, parseCountFlag, parseDateFlag, writeJsonLine } from './cli-input';

interface FeeOptions {
  perPiece?: boolean;
  perVolume?: boolean;
  monthCount?: string;
  nth?: string;
  pages?: string;
  received?: string;
}

const FLAGS: Readonly<Record<FeeCountField, string>> = {
  nth: '--nth',
  monthCount: '--month-count',
  pages: '--pages',
};

/**
 * `govinfo fee` — information-processing fee (国办函〔2020〕109号, D-8). Prints
 * {"method": "per-piece" | "per-volume", "amountYuan": N}, the same JSON as
 * GET /api/v1/calendar/fee (feeRequestOf + calculateFee).
 */
export function register(program: Command): void {
  program
    .command('fee')
    .description('information-processing fee (109号); prints {"method","amountYuan"}')
    .option('--per-piece', 'per piece (按件计收): with --month-count N or --nth K')
    .option('--per-volume', 'per volume (按量计收): with --pages N')
    .option('--month-count <n>', 'total for N pieces of one applicant in one calendar month')
    .option('--nth <k>', 'fee of the K-th piece in the calendar month')
    .option('--pages <n>', 'pages of the application (per volume)')
    .option('--received <date>', 'date of receipt; fees exist only from 2021-01-01 (R-FEE-09)')
    .action((opts: FeeOptions) => {
      const method = asUsage(() => chooseFeeMethod(opts));
      const count = (field: FeeCountField) => {
        const value = opts[field];
        return value === undefined ? {} : { [field]: parseCountFlag(value, FLAGS[field]) };
      };
      const query = {
        method,
        ...count('nth'),
        ...count('monthCount'),
        ...count('pages'),
        ...(opts.received === undefined
          ? {}
          : { receivedOn: parseDateFlag(opts.received, '--received') }),
      };
      writeJsonLine(asUsage(() => calculateFee(feeRequestOf(query, (f) => FLAGS[f]))));
    });
}
