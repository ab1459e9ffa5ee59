import type { Command } from 'commander';
import { nationalCalendar } from '../../modules/calendar/domain/national-calendar';
import { computePeriod, type PeriodUnit } from '../../modules/calendar/domain/period-query';
import { UsageError } from '../usage-error';
import { asUsage, exactlyOne, parseCountFlag, parseDateFlag, writeJsonLine } from './cli-input';

interface PeriodOptions {
  from?: string;
  calendarDays?: string;
  months?: string;
  workingDays?: string;
}

const UNIT_FLAGS: ReadonlyArray<readonly [PeriodUnit, string]> = [
  ['calendarDays', '--calendar-days'],
  ['months', '--months'],
  ['workingDays', '--working-days'],
];

/**
 * `govinfo period` — the last day of a period counted from a start day that is not itself counted
 * (R-PER-01): calendar days or months roll forward to a working day (R-PER-02, R-PER-04, D-9);
 * working days end on the n-th working day (R-CNT-02). Prints {"raw", "due"}, the same JSON as
 * GET /api/v1/calendar/period (computePeriod).
 */
export function register(program: Command): void {
  program
    .command('period')
    .description('end of a calendar-day, month or working-day period; prints {"raw","due"}')
    .option('--from <date>', 'start day YYYY-MM-DD (not counted)')
    .option('--calendar-days <n>', 'length in calendar days (rolls forward to a working day)')
    .option('--months <n>', 'length in months (clamped to month end, then rolls forward)')
    .option('--working-days <n>', 'length in working days')
    .action((opts: PeriodOptions) => {
      if (opts.from === undefined) throw new UsageError('missing required option --from <date>');
      const unit = exactlyOne(opts, UNIT_FLAGS);
      const from = parseDateFlag(opts.from, '--from');
      const flag = UNIT_FLAGS.find(([u]) => u === unit)?.[1] ?? unit;
      const n = parseCountFlag(opts[unit] as string, flag);
      writeJsonLine(asUsage(() => computePeriod(nationalCalendar(), from, unit, n)));
    });
}
