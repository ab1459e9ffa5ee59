/* eslint-disable @typescript-eslint/no-require-imports -- lazy loading keeps the pure commands fast */
import { UsageError } from './cli/usage-error';

const argv = process.argv.slice(2);

/**
 * `deadline --jsonl [--trace]` (batches of thousands of lines, from scripts) runs without
 * commander, the other commands or reflect-metadata: it loads only the pure deadline modules.
 * Its output, errors and exit codes are those of the full program (`runCli`).
 */
const deadlineJsonl =
  argv[0] === 'deadline' &&
  argv.includes('--jsonl') &&
  new Set(argv).size === argv.length &&
  argv.slice(1).every((a) => a === '--jsonl' || a === '--trace');

const run: Promise<number> = deadlineJsonl
  ? (async () => {
      const { readStdinFast, writeStdoutFast } =
        require('./cli/commands/cli-input') as typeof import('./cli/commands/cli-input');
      const jsonl =
        require('./cli/commands/deadline-jsonl') as typeof import('./cli/commands/deadline-jsonl');
      try {
        writeStdoutFast(jsonl.deadlineJsonl(await readStdinFast(), argv.includes('--trace')));
        return 0;
      } catch (err) {
        if (!(err instanceof UsageError)) throw err;
        process.stderr.write(`error: ${err.message}\n`);
        return 2;
      }
    })()
  : (() => {
      require('reflect-metadata');
      return (require('./cli/program') as typeof import('./cli/program')).runCli(argv);
    })();

run.then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
