import type { Command } from 'commander';
import { register as registerDb } from './db.command';
import { register as registerMail } from './mail.command';

/**
 * Every command group of the CLI registers itself here. Commands that need the database
 * load it lazily inside their action, so the pure commands start fast.
 */
export function registerCommands(program: Command): void {
  registerDb(program);
  registerMail(program);
}
