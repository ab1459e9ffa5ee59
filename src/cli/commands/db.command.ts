/* eslint-disable @typescript-eslint/no-require-imports -- lazy loading keeps the pure commands fast */
import type { Command } from 'commander';
import { lazy } from '../support/lazy';

const actions = lazy(
  () => require('../actions/db.actions') as typeof import('../actions/db.actions'),
);

export function register(program: Command): void {
  const db = program
    .command('db')
    .description('database schema: migrate, revert, drift check, generate');
  db.command('migrate')
    .description('bring the schema of DATABASE_URL (or the embedded database) up to date')
    .action(() => actions().migrate());
  db.command('revert')
    .description('revert the most recent migration')
    .action(() => actions().revert());
  db.command('check')
    .description('fail when entities and migrations disagree (run in CI)')
    .action(() => actions().check());
  db.command('generate')
    .argument('<name>', 'PascalCase verb-noun, e.g. CreateMailOutbox')
    .description('write migrations/<timestamp>-<Name>.ts from the entity changes')
    .action((name: string) => actions().generate(name));
}
