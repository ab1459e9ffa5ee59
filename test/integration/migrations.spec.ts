import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/infra/database/data-source-options';
import {
  migrateDatabase,
  pendingSchemaChanges,
  revertLastMigration,
} from '../../src/infra/database/migrate';
import { createTestDatabase, type TestDatabase } from '../utils/test-services';

describe('database migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('leave no difference between entities and schema (drift check)', async () => {
    const { up } = await pendingSchemaChanges(db.url);
    expect(up).toEqual([]);
  });

  it('are already applied on a migrated database, even when run by two processes at once', async () => {
    const runs = await Promise.all([migrateDatabase(db.url), migrateDatabase(db.url)]);
    expect(runs.flat()).toEqual([]);
  });

  it('revert cleanly and apply again', async () => {
    const ds = new DataSource(dataSourceOptions(db.url, 1));
    await ds.initialize();
    const before = await ds.query<Array<{ n: number }>>(
      'SELECT count(*)::int AS n FROM typeorm_migrations',
    );
    await ds.destroy();
    await revertLastMigration(db.url);
    const reapplied = await migrateDatabase(db.url);
    expect(reapplied).toHaveLength(1);
    expect(before[0].n).toBeGreaterThan(0);
    expect((await pendingSchemaChanges(db.url)).up).toEqual([]);
  });
});
