/* eslint-disable @typescript-eslint/no-require-imports -- lazy loading keeps the pure commands fast */
import type { Command } from 'commander';
import { parseScopeSpec } from '../../modules/calendar/domain/override-scope';
import { lazy } from '../support/lazy';
import { UsageError } from '../usage-error';
import { parseDateFlag } from './cli-input';

const actions = lazy(
  () => require('../actions/calendar.actions') as typeof import('../actions/calendar.actions'),
);

interface AddOptions {
  date: string;
  kind: string;
  scope: string;
  basis: string;
  name?: string;
}

/**
 * `govinfo calendar` — the working calendar in the database: year notices (R-WD-04) and the
 * override table (R-WD-05). Every change is audited and bumps the calendar version, like the
 * admin API; the command line acts with full rights (as the operator of the deployment).
 */
export function register(program: Command): void {
  const calendar = program
    .command('calendar')
    .description('working calendar: import year notices, overrides, covered years');
  calendar
    .command('import')
    .description(
      "import a year's State Council holiday notice (JSON form of README 'Calendar API and " +
        "commands'); the identical notice again changes nothing",
    )
    .requiredOption('--file <path>', 'notice JSON file')
    .option('--replace', 'replace a year already loaded (bundled dataset or an earlier import)')
    .action((opts: { file: string; replace?: boolean }) =>
      actions().importNotice(opts.file, opts.replace === true),
    );
  calendar
    .command('years')
    .description('print each covered year with its provenance and working-day count (JSON lines)')
    .action(() => actions().years());

  const overrides = calendar.command('overrides').description('the override table (R-WD-05)');
  overrides
    .command('list')
    .description('print every active override as one JSON line, by date')
    .option('--include-deleted', 'include removed overrides')
    .action((opts: { includeDeleted?: boolean }) => actions().list(opts.includeDeleted === true));
  overrides
    .command('add')
    .description('make a date CLOSED or OPEN for a scope, with its legal basis')
    .requiredOption('--date <date>', 'YYYY-MM-DD')
    .requiredOption('--kind <kind>', 'closed | open')
    .requiredOption('--scope <scope>', 'national | province:<CODE> (subtree) | agency:<CODE>')
    .requiredOption('--basis <text>', 'legal basis, e.g. the local notice (required)')
    .option('--name <name>', 'label shown on the day')
    .action((opts: AddOptions) => {
      const date = parseDateFlag(opts.date, '--date');
      const kind = opts.kind.toUpperCase();
      if (kind !== 'CLOSED' && kind !== 'OPEN') {
        throw new UsageError(`--kind must be closed or open (got "${opts.kind}")`);
      }
      const scope = parseScopeSpec(opts.scope);
      if (!scope) {
        throw new UsageError(
          `--scope must be national, province:<CODE> or agency:<CODE> (got "${opts.scope}")`,
        );
      }
      if (opts.basis.trim() === '') throw new UsageError('--basis must not be empty (R-WD-05)');
      return actions().add({ date, kind, ...scope, basis: opts.basis, name: opts.name ?? null });
    });
  overrides
    .command('remove')
    .argument('<id>', 'override id (from overrides list)')
    .description('remove an override (soft delete: its history is kept)')
    .action((id: string) => actions().remove(id));
}
