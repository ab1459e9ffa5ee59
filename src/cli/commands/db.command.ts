import { resolve } from 'node:path';
import type { Command } from 'commander';
import { generateMigration } from '../../infra/database/generate-migration';
import { migrateDatabase, pendingSchemaChanges, revertLastMigration } from '../../infra/database/migrate';
import { withScratchDatabase } from '../../infra/database/admin';
import { withDatabase } from '../support/with-database';

const out = (line: string): void => void process.stdout.write(`${line}\n`);

export function register(program: Command): void {
  const db = program.command('db').description('database schema: migrate, revert, drift check, generate');

  db.command('migrate')
    .description('bring the schema of DATABASE_URL (or the embedded database) up to date')
    .action(async () => {
      const applied = await withDatabase((url) => migrateDatabase(url));
      out(applied.length ? applied.map((m) => `applied ${m.name}`).join('\n') : 'schema is up to date');
    });

  db.command('revert')
    .description('revert the most recent migration')
    .action(async () => {
      await withDatabase((url) => revertLastMigration(url));
      out('reverted the last migration');
    });

  db.command('check')
    .description('fail when entities and migrations disagree (run in CI)')
    .action(async () => {
      const { up } = await withDatabase((url) =>
        withScratchDatabase(url, async (scratch) => {
          await migrateDatabase(scratch);
          return pendingSchemaChanges(scratch);
        }),
      );
      if (up.length) {
        throw new Error(
          `entities and migrations disagree; run \`npm run migration:generate -- <Name>\`:\n${up.join('\n')}`,
        );
      }
      out('entities and migrations agree');
    });

  db.command('generate')
    .argument('<name>', 'PascalCase verb-noun, e.g. CreateMailOutbox')
    .description('write migrations/<timestamp>-<Name>.ts from the entity changes')
    .action(async (name: string) => {
      const file = await withDatabase((url) => generateMigration(url, resolve('migrations'), name));
      out(file ? `wrote ${file} — review it before committing` : 'no schema changes');
    });
}
