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

  it('builds a legally right demo city (D-20) with every role and cases in every state in every agency, once', async () => {
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
    const statesPerAgency = await ds.query<Array<{ code: string; states: number }>>(
      `SELECT a.code, count(DISTINCT c.status)::int AS states
         FROM agency a LEFT JOIN request_case c ON c.agency_id = a.id GROUP BY 1 ORDER BY 1`,
    );
    const replyLetters = await ds.query<Array<{ code: string; html: string }>>(
      `SELECT DISTINCT ON (a.code) a.code, l.html
         FROM issued_letter l JOIN agency a ON a.id = l.agency_id
        WHERE l.kind = 'reply' AND l.title = '政府信息公开申请答复书'
        ORDER BY a.code, l.created_at`,
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
      { kind: 'department', n: 10 },
      { kind: 'government', n: 3 },
    ]);
    // Cases in every state in every agency, the governments' own offices included.
    for (const a of statesPerAgency) expect(a).toEqual({ code: a.code, states: 8 });

    // The demo letters name the right bodies (D-20).
    const letterOf = (code: string) => {
      const found = replyLetters.find((l) => l.code === code);
      if (!found) throw new Error(`no reply letter of ${code}`);
      return found.html;
    };
    const names = (code: string, body: string, court: string) => {
      const html = letterOf(code);
      expect(html).toContain(`向${body}申请行政复议`);
      expect(html).toContain(`${court}提起行政诉讼`);
    };
    names('DEMO-GA', '演示市人民政府', '演示市萨尔图区人民法院'); // city department
    names('DEMO-RHL-ZJ', '演示市让胡路区人民政府', '演示市让胡路区人民法院'); // district department
    names('DEMO-SEZ', '演示市人民政府', '演示市中级人民法院'); // district government
    names('DEMO', '演示省人民政府', '演示市中级人民法院'); // the city government
    names('DEMO-SW', '国家税务总局演示省税务局', '演示市萨尔图区人民法院'); // vertically led
    expect(letterOf('DEMO-SW')).not.toContain('向演示市人民政府申请行政复议');
  }, 120_000);
});
