import type { Command } from 'commander';
import { nationalCalendar } from '../../modules/calendar/domain/national-calendar';
import { UsageError } from '../usage-error';
import { asUsage, exactlyOne, parseCountFlag, parseDateFlag, writeJsonLine } from './cli-input';

interface PeriodOptions {
  from?: string;
  calendarDays?: string;
  months?: string;
  workingDays?: string;
}

/**
 * `govinfo period` — the last day of a period counted from a start day that is not itself counted
 * (R-PER-01): calendar days or months roll forward to a working day (R-PER-02, R-PER-04, D-9);
 * working days end on the n-th working day (R-CNT-02). Prints {"raw", "due"}.
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
      const unit = exactlyOne(opts, [
        ['calendarDays', '--calendar-days'],
        ['months', '--months'],
        ['workingDays', '--working-days'],
      ]);
      const from = parseDateFlag(opts.from, '--from');
      const cal = nationalCalendar();
      const result = asUsage(() => {
        switch (unit) {
          case 'calendarDays':
            return cal.addCalendarDays(
              from,
              parseCountFlag(opts.calendarDays as string, '--calendar-days'),
            );
          case 'months':
            return cal.addMonths(from, parseCountFlag(opts.months as string, '--months'));
          case 'workingDays': {
            const due = cal.addWorkingDays(
              from,
              parseCountFlag(opts.workingDays as string, '--working-days'),
            ).due;
            return { raw: due as string, due: due as string };
          }
        }
      });
      writeJsonLine({ raw: result.raw, due: result.due });
    });
}
