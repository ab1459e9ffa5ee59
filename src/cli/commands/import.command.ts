/* eslint-disable @typescript-eslint/no-require-imports -- lazy loading keeps the pure commands fast */
import type { Command } from 'commander';
import { lazy } from '../support/lazy';

const remedies = lazy(
  () => require('../actions/remedies.actions') as typeof import('../actions/remedies.actions'),
);
const proactive = lazy(
  () => require('../actions/proactive.actions') as typeof import('../actions/proactive.actions'),
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
  imports
    .command('proactive')
    .description(
      'import the proactive register and section 二 figures from JSONL: items {"agencyCode",' +
        '"publishedOn","category","online","title","externalRef"?} and figures {"agencyCode",' +
        '"year","item",<columns of the year\'s format, numbers or "/">} per line; all or nothing',
    )
    .requiredOption('--file <path>', 'JSONL file')
    .action((opts: { file: string }) => proactive().importProactive(opts.file));
}
