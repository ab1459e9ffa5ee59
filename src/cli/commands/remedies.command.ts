/* eslint-disable @typescript-eslint/no-require-imports -- lazy loading keeps the pure commands fast */
import type { Command } from 'commander';
import { lazy } from '../support/lazy';

const actions = lazy(
  () => require('../actions/remedies.actions') as typeof import('../actions/remedies.actions'),
);

export function register(program: Command): void {
  const remedies = program
    .command('remedies')
    .description('reconsiderations, suits and complaints');
  remedies
    .command('section-four')
    .description('section 四 of the annual report (reconsideration and litigation) as JSON')
    .requiredOption('--year <year>', 'report year')
    .requiredOption('--agency <code>', 'agency code')
    .option('--subtree', 'the agency with its whole subtree')
    .action((opts: { year: string; agency: string; subtree?: boolean }) =>
      actions().sectionFour(opts.year, opts.agency, opts.subtree === true),
    );
  remedies
    .command('case-file')
    .description('the evidence bundle of a remedy: a ZIP of the printable HTML and every original')
    .requiredOption('--remedy <id>', 'remedy id')
    .requiredOption('--out <file>', 'ZIP file to write')
    .action((opts: { remedy: string; out: string }) => actions().caseFile(opts.remedy, opts.out));
}
