/* eslint-disable @typescript-eslint/no-require-imports -- lazy loading keeps the pure commands fast */
import type { Command } from 'commander';
import { lazy } from '../support/lazy';

const remedies = lazy(
  () => require('../actions/remedies.actions') as typeof import('../actions/remedies.actions'),
);
const reports = lazy(
  () => require('../actions/reports.actions') as typeof import('../actions/reports.actions'),
);

export function register(program: Command): void {
  const imports = program.command('import').description('import historical records');
  imports
    .command('cases')
    .description(
      'import historical cases from JSONL: {"agencyCode","externalRef","receivedOn","channel",' +
        '"applicantType","subject","topic"?,"replyType","repliedOn","servedOn"?,"dueOn"?|"onTime"?,' +
        '"feeYuan"?} per line; all or nothing; re-importing changes nothing',
    )
    .requiredOption('--file <path>', 'JSONL file')
    .action((opts: { file: string }) => reports().importCases(opts.file));
  imports
    .command('remedies')
    .description(
      'import remedies from JSONL: one {"caseRef","kind","filedOn","concludedOn","result","body",' +
        '"defendants"?,"externalRef"?} per line; all or nothing; re-importing changes nothing',
    )
    .requiredOption('--file <path>', 'JSONL file')
    .action((opts: { file: string }) => remedies().importFile(opts.file));
}
