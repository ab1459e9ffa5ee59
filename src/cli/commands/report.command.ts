/* eslint-disable @typescript-eslint/no-require-imports -- lazy loading keeps the pure commands fast */
import { Option, type Command } from 'commander';
import { lazy } from '../support/lazy';

const actions = lazy(
  () => require('../actions/reports.actions') as typeof import('../actions/reports.actions'),
);

export function register(program: Command): void {
  program
    .command('report')
    .description(
      'the annual report (政府信息公开工作年度报告), every figure computed from the records',
    )
    .requiredOption('--year <year>', 'report year')
    .requiredOption('--agency <code>', 'agency code')
    .option('--subtree', 'the agency with its whole subtree')
    .addOption(
      new Option('--format-version <format>', "another format than the year's (a preview)").choices(
        ['2021', '2019_TRIAL', '2008'],
      ),
    )
    .addOption(
      new Option('--format <format>', 'output (xlsx and docx need --out)')
        .choices(['json', 'html', 'md', 'xlsx', 'docx'])
        .default('json'),
    )
    .option('--out <file>', 'write to a file instead of standard output')
    .action(
      (opts: {
        year: string;
        agency: string;
        subtree?: boolean;
        formatVersion?: '2021' | '2019_TRIAL' | '2008';
        format: 'json' | 'html' | 'md' | 'xlsx' | 'docx';
        out?: string;
      }) => actions().report(opts),
    );
  program
    .command('report-deadlines')
    .description(
      "open a reporting year: every active agency's own report gets its D-13 due date on the timers (idempotent)",
    )
    .requiredOption('--year <year>', 'report year')
    .action((opts: { year: string }) => actions().openYear(opts.year));
}
