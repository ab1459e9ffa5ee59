import { Client } from 'pg';
import { DataSource, type Migration } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** Arbitrary, fixed key: only one process at a time migrates a database. */
const MIGRATION_LOCK_KEY = 72_616_001;

/**
 * Brings the schema of `url` up to date. Safe to call from several processes at once
 * (api and worker starting together): a session advisory lock serialises them.
 */
export async function migrateDatabase(url: string): Promise<Migration[]> {
  const ds = new DataSource(dataSourceOptions(url, 2));
  await ds.initialize();
  try {
    await ds.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await ds.runMigrations({ transaction: 'each' });
    } finally {
      await ds.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await ds.destroy();
  }
}

export async function revertLastMigration(url: string): Promise<void> {
  const ds = new DataSource(dataSourceOptions(url, 2));
  await ds.initialize();
  try {
    await ds.undoLastMigration({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}

/**
 * The drift check: SQL that TypeORM would run to make the database match the entities.
 * Empty after migrating means entities and migrations agree.
 */
export async function pendingSchemaChanges(url: string): Promise<{ up: string[]; down: string[] }> {
  const ds = new DataSource(dataSourceOptions(url, 2));
  await ds.initialize();
  try {
    const sql = await ds.driver.createSchemaBuilder().log();
    return {
      up: sql.upQueries.map((q) => q.query),
      down: sql.downQueries.map((q) => q.query),
    };
  } finally {
    await ds.destroy();
  }
}

/** Number of agencies (0 on a fresh database: the start-up message then suggests seed-demo). */
export async function countAgencies(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM agency');
    return rows[0].n;
  } finally {
    await client.end();
  }
}
