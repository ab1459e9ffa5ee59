import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands';
import { UsageError } from './usage-error';

/** Exit codes of the CLI: 0 ok, 1 runtime failure, 2 bad input. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export function buildProgram(): Command {
  const program = new Command('govinfo')
    .description('govinfo command line: deadlines, calendar, database and operations')
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      // commander prints its own usage errors; keep them to one line on stderr.
      writeErr: (str) => process.stderr.write(str.split('\n').filter(Boolean)[0] + '\n'),
    });
  registerCommands(program);
  for (const cmd of program.commands) applyOverrides(cmd);
  return program;
}

function applyOverrides(cmd: Command): void {
  cmd.exitOverride().configureOutput({
    writeErr: (str) => process.stderr.write(str.split('\n').filter(Boolean)[0] + '\n'),
  });
  for (const sub of cmd.commands) applyOverrides(sub);
}

/** Runs the CLI and resolves with the exit code (never calls process.exit itself). */
export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version')
        return EXIT_OK;
      if (err.code === 'commander.help') return EXIT_OK;
      return EXIT_USAGE;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`error: ${err.message}\n`);
      return EXIT_USAGE;
    }
    const fields =
      (err as { fieldErrors?: Array<{ field: string; message: string }> }).fieldErrors ?? [];
    const detail = fields.length
      ? ` (${fields.map((f) => `${f.field}: ${f.message}`).join('; ')})`
      : '';
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}${detail}\n`);
    return EXIT_FAILURE;
  }
}
