import { DataSource } from 'typeorm';
import { runCli } from '../../src/cli/program';
import { dataSourceOptions } from '../../src/infra/database/data-source-options';
import {
  createTestDatabase,
  deleteRedisPrefix,
  testQueuePrefix,
  type TestDatabase,
} from '../utils/test-services';

describe('cli seed-demo', () => {
  let db: TestDatabase;
  const prefix = testQueuePrefix();
  let out: jest.SpyInstance;
  let err: jest.SpyInstance;
  beforeAll(async () => {
    db = await createTestDatabase();
    out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterAll(async () => {
    out.mockRestore();
    err.mockRestore();
    await deleteRedisPrefix(prefix);
    await db.drop();
  });

  it('builds a demo city with every role and 200 cases in every state, once', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      DATABASE_URL: db.url,
      QUEUE_PREFIX: prefix,
      PII_ENCRYPTION_KEY: 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=',
    });
    try {
      expect(await runCli(['seed-demo'])).toBe(0);
      const printed = out.mock.calls.map((c) => String(c[0])).join('');
      expect(printed).toContain('200 cases');
      expect(printed).toMatch(/admin@demo\.gov\.cn\s+admin @ DEMO/);
      expect(printed).toMatch(/head@demo\.gov\.cn\s+supervisor/);
      expect(printed).toMatch(/citizen1@example\.com\s+applicant/);
      expect(await runCli(['seed-demo'])).toBe(2);
    } finally {
      process.env = saved;
    }
    const ds = new DataSource(dataSourceOptions(db.url, 1));
    await ds.initialize();
    const rows = await ds.query<Array<{ status: string; n: number }>>(
      `SELECT status, count(*)::int AS n FROM request_case GROUP BY 1`,
    );
    const agencies = await ds.query<Array<{ kind: string; n: number }>>(
      `SELECT kind, count(*)::int AS n FROM agency GROUP BY 1 ORDER BY 1`,
    );
    await ds.destroy();
    const byStatus = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    expect(Object.keys(byStatus).sort()).toEqual([
      'abandoned',
      'correction_requested',
      'in_progress',
      'paused',
      'received',
      'replied',
      'submitted',
      'withdrawn',
    ]);
    expect(rows.reduce((s, r) => s + r.n, 0)).toBe(200);
    expect(agencies).toEqual([
      { kind: 'department', n: 9 },
      { kind: 'government', n: 3 },
    ]);
  }, 90_000);
});
