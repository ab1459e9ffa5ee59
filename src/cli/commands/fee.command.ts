import type { Command } from 'commander';
import {
  calculateFee,
  chooseFeeMethod,
  type FeeRequest,
} from '../../modules/fees/domain/fee-calculator';
import { UsageError } from '../usage-error';
import { asUsage, exactlyOne, parseCountFlag, parseDateFlag, writeJsonLine } from './cli-input';

interface FeeOptions {
  perPiece?: boolean;
  perVolume?: boolean;
  monthCount?: string;
  nth?: string;
  pages?: string;
  received?: string;
}

/**
 * `govinfo fee` — information-processing fee (国办函〔2020〕109号, D-8). Prints
 * {"method": "per-piece" | "per-volume", "amountYuan": N}.
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
      const receivedOn =
        opts.received === undefined
          ? {}
          : { receivedOn: parseDateFlag(opts.received, '--received') };
      let request: FeeRequest;
      if (method === 'per-piece') {
        if (opts.pages !== undefined)
          throw new UsageError('--pages belongs to --per-volume, not --per-piece');
        const which = exactlyOne(opts, [
          ['monthCount', '--month-count'],
          ['nth', '--nth'],
        ]);
        request =
          which === 'nth'
            ? { method, nth: parseCountFlag(opts.nth as string, '--nth'), ...receivedOn }
            : {
                method,
                monthCount: parseCountFlag(opts.monthCount as string, '--month-count'),
                ...receivedOn,
              };
      } else {
        if (opts.monthCount !== undefined || opts.nth !== undefined) {
          throw new UsageError('--month-count and --nth belong to --per-piece, not --per-volume');
        }
        if (opts.pages === undefined) throw new UsageError('--per-volume needs --pages <n>');
        request = { method, pages: parseCountFlag(opts.pages, '--pages'), ...receivedOn };
      }
      writeJsonLine(asUsage(() => calculateFee(request)));
    });
}
