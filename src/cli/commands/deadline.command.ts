import type { Command } from 'commander';
import { nationalCalendar } from '../../modules/calendar/domain/national-calendar';
import { UsageError } from '../usage-error';
import { asUsage, collect, parseCountFlag, parseDateFlag, readStdin } from './cli-input';
import { computeDeadline } from '../../modules/deadlines/domain/deadline-query';
import { deadlineJsonl } from './deadline-jsonl';
import { parsePauseFlag } from './deadline-io';

interface DeadlineOptions {
  received?: string;
  regime?: string;
  correctionReceived?: string;
  pause: string[];
  extension?: string;
  trace?: boolean;
  jsonl?: boolean;
}

/**
 * `govinfo deadline` — reply deadline of an OGI application (R-DL-01, R-COR-03, R-CNT-01 … 07).
 * Pure: imports no Nest/TypeORM code, so a 1,000-line --jsonl batch runs in well under a second.
 */
export function register(program: Command): void {
  program
    .command('deadline')
    .description('reply deadline of an OGI application; prints one JSON object per computation')
    .option('--received <date>', 'date of receipt YYYY-MM-DD (required unless --jsonl)')
    .option(
      '--regime <regime>',
      'OGI-2008 or OGI-2019 (default: by date of receipt, cutover 2019-05-15)',
    )
    .option(
      '--correction-received <date>',
      'corrected application received: the clock restarts (R-COR-03)',
    )
    .option(
      '--pause <START..END>',
      'pause (START, END]; END empty while still open; repeatable',
      collect,
      [],
    )
    .option('--extension <n>', 'approved extension in working days (max 20; 15 under OGI-2008)')
    .option('--trace', 'add the day-by-day trace')
    .option('--jsonl', 'read one JSON object per line on stdin; one result line per input line')
    .action(async (opts: DeadlineOptions) => {
      if (opts.jsonl) return runJsonl(opts);
      if (opts.received === undefined)
        throw new UsageError('missing required option --received <date>');
      const cal = nationalCalendar();
      const out = asUsage(() =>
        computeDeadline(
          cal,
          {
            received: parseDateFlag(opts.received as string, '--received'),
            ...(opts.regime !== undefined ? { regime: opts.regime } : {}),
            ...(opts.correctionReceived !== undefined
              ? {
                  correctionReceived: parseDateFlag(
                    opts.correctionReceived,
                    '--correction-received',
                  ),
                }
              : {}),
            pauses: opts.pause.map(parsePauseFlag),
            ...(opts.extension !== undefined
              ? { extension: parseCountFlag(opts.extension, '--extension') }
              : {}),
          },
          opts.trace === true,
        ),
      );
      process.stdout.write(`${JSON.stringify(out)}\n`);
    });
}

/**
 * --jsonl: every line is validated and computed before anything is written, so a bad line fails
 * the whole batch (exit code 2, "line N: …" on stderr, nothing on stdout). Blank lines are skipped.
 */
async function runJsonl(opts: DeadlineOptions): Promise<void> {
  const conflicting = [
    opts.received !== undefined && '--received',
    opts.regime !== undefined && '--regime',
    opts.correctionReceived !== undefined && '--correction-received',
    opts.pause.length > 0 && '--pause',
    opts.extension !== undefined && '--extension',
  ].filter(Boolean);
  if (conflicting.length > 0) {
    throw new UsageError(
      `--jsonl reads every field from stdin; it cannot be combined with ${conflicting.join(', ')}`,
    );
  }
  process.stdout.write(deadlineJsonl(await readStdin(), opts.trace === true));
}
