import { resolve } from 'node:path';
import { withScratchDatabase } from '../../infra/database/admin';
import { generateMigration } from '../../infra/database/generate-migration';
import {
  migrateDatabase,
  pendingSchemaChanges,
  revertLastMigration,
} from '../../infra/database/migrate';
import { withDatabase } from '../support/with-database';

const out = (line: string): void => void process.stdout.write(`${line}\n`);

export async function migrate(): Promise<void> {
  const applied = await withDatabase((url) => migrateDatabase(url));
  out(applied.length ? applied.map((m) => `applied ${m.name}`).join('\n') : 'schema is up to date');
}

export async function revert(): Promise<void> {
  await withDatabase((url) => revertLastMigration(url));
  out('reverted the last migration');
}

export async function check(): Promise<void> {
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
}

export async function generate(name: string): Promise<void> {
  const file = await withDatabase((url) =>
    generateMigration(
      url,
      resolve('migrations'),
      name,
      resolve('src/infra/database/migrations.ts'),
    ),
  );
  out(file ? `wrote ${file} — review it before committing` : 'no schema changes');
}
