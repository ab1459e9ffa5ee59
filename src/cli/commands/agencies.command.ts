/* eslint-disable @typescript-eslint/no-require-imports -- lazy loading keeps the pure commands fast */
import type { Command } from 'commander';
import { lazy } from '../support/lazy';

const actions = lazy(
  () => require('../actions/agencies.actions') as typeof import('../actions/agencies.actions'),
);

export function register(program: Command): void {
  const agencies = program.command('agencies').description('the agency tree');
  agencies
    .command('import')
    .description(
      'import agencies from JSONL: one {"code","name","kind","parentCode",...} per line; ' +
        'parents may come later; all or nothing; re-importing changes nothing',
    )
    .requiredOption('--file <path>', 'JSONL file')
    .action((opts: { file: string }) => actions().importFile(opts.file));
  agencies
    .command('list')
    .description('print every agency as one JSON line, in tree order')
    .action(() => actions().list());
  agencies
    .command('move')
    .argument('<code>', 'agency code')
    .requiredOption('--parent <code>', 'new parent agency code')
    .description('move an agency and its subtree under another parent')
    .action((code: string, opts: { parent: string }) => actions().move(code, opts.parent));
  agencies
    .command('rename')
    .argument('<code>', 'agency code')
    .requiredOption('--name <name>', 'new name')
    .description('rename an agency (its code never changes)')
    .action((code: string, opts: { name: string }) => actions().rename(code, opts.name));
  agencies
    .command('deactivate')
    .argument('<code>', 'agency code')
    .option('--successor <code>', 'the agency taking over its open cases (required while any)')
    .description('deactivate an agency with no active sub-agencies (its code stays reserved)')
    .action((code: string, opts: { successor?: string }) =>
      actions().deactivate(code, opts.successor),
    );
}
