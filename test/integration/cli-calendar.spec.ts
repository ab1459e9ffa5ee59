import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/infra/database/data-source-options';
import { captureCli } from '../utils/run-cli';
import {
  createTestDatabase,
  deleteRedisPrefix,
  testQueuePrefix,
  testRedisUrl,
  type TestDatabase,
} from '../utils/test-services';

const NOTICE = join(__dirname, '../fixtures/notice-2027.json');

describe('cli calendar', () => {
  // Each command opens the CLI's own connections in this process; on a loaded 2-core CI machine
  // the first ones have taken over 30 s (a fresh-clone run timed out there, and the tests after
  // it then saw its half-done state). A slow start is not a failure here.
  jest.setTimeout(120_000);
  let database: TestDatabase;
  let db: DataSource;
  let env: Record<string, string>;
  const dir = mkdtempSync(join(tmpdir(), 'govinfo-cli-calendar-'));
  const run = (...argv: string[]) => captureCli(argv, env);
  const lines = (stdout: string) =>
    stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  const expectUsage = async (argv: string[], message: RegExp) => {
    const r = await run(...argv);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    env = {
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: testQueuePrefix(),
      PII_ENCRYPTION_KEY: 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=',
      LOG_LEVEL: 'silent',
    };
    db = new DataSource(dataSourceOptions(database.url, 1));
    await db.initialize();
    const root = randomUUID();
    const ga = randomUUID();
    await db.query(
      `INSERT INTO agency (id, code, name, kind, parent_id, path, depth) VALUES
         ($1, 'HLJ', '黑龙江省人民政府', 'government', NULL, $3, 0),
         ($2, 'DQ-GA', '大庆市公安局', 'department', $1, $4, 1)`,
      [root, ga, `/${root}/`, `/${root}/${ga}/`],
    );
  });
  afterAll(async () => {
    await db.destroy();
    await deleteRedisPrefix(env.QUEUE_PREFIX);
    await database.drop();
  });

  it('imports a year notice once; the identical file again changes nothing', async () => {
    const first = await run('calendar', 'import', '--file', NOTICE);
    expect([first.code, first.stderr]).toEqual([0, '']);
    expect(lines(first.stdout)).toEqual([
      {
        year: 2027,
        changed: true,
        replaced: null,
        noticeUrl: expect.any(String),
        noticeDate: '2026-11-05',
        version: '1',
      },
    ]);
    const again = await run('calendar', 'import', '--file', NOTICE);
    expect(lines(again.stdout)[0]).toMatchObject({ changed: false, version: '1' });
    const years = lines((await run('calendar', 'years')).stdout);
    expect(years.map((y) => y.year)).toEqual(Array.from({ length: 20 }, (_, i) => 2008 + i));
    expect(years.at(-1)).toMatchObject({ year: 2027, source: 'imported', workingDays: 255 });
  });

  it('refuses a bad file, an invalid notice and a national year without --replace (exit 2, one line)', async () => {
    await expectUsage(['calendar', 'import', '--file', join(dir, 'missing.json')], /cannot read/);
    const invalid = join(dir, 'invalid.json');
    writeFileSync(
      invalid,
      JSON.stringify({
        year: 2028,
        noticeUrl: 'x',
        noticeDate: '2027-11-01',
        holidays: [],
        workdays: [],
      }),
    );
    await expectUsage(['calendar', 'import', '--file', invalid], /invalid year notice: noticeUrl/);
    const national = join(dir, 'y2024.json');
    writeFileSync(
      national,
      JSON.stringify({
        year: 2024,
        noticeUrl: 'https://www.gov.cn/x.htm',
        noticeDate: '2023-10-25',
        holidays: [{ name: '元旦', off: ['2024-01-01'] }],
        workdays: [],
      }),
    );
    await expectUsage(
      ['calendar', 'import', '--file', national],
      /already loaded from the bundled national dataset/,
    );
    const replaced = await run('calendar', 'import', '--file', national, '--replace');
    expect(lines(replaced.stdout)[0]).toMatchObject({
      year: 2024,
      changed: true,
      replaced: 'national',
    });
  });

  it('adds, lists and removes overrides, with an audit entry for each change', async () => {
    const national = await run(
      'calendar',
      'overrides',
      'add',
      '--date',
      '2024-10-10',
      '--kind',
      'closed',
      '--scope',
      'national',
      '--basis',
      '国务院办公厅通知（测试）',
    );
    expect(national.code).toBe(0);
    const n = lines(national.stdout)[0];
    expect(n).toMatchObject({
      date: '2024-10-10',
      kind: 'CLOSED',
      scope: 'NATIONAL_CORRECTION',
      scopeLabel: 'NATIONAL_CORRECTION',
      createdBy: null,
    });
    const local = await run(
      'calendar',
      'overrides',
      'add',
      '--date',
      '2024-10-11',
      '--kind',
      'OPEN',
      '--scope',
      'agency:DQ-GA',
      '--basis',
      '检修后开放',
      '--name',
      '开放日',
    );
    expect(lines(local.stdout)[0]).toMatchObject({
      kind: 'OPEN',
      scope: 'AGENCY',
      agencyCode: 'DQ-GA',
      name: '开放日',
    });
    const province = await run(
      'calendar',
      'overrides',
      'add',
      '--date',
      '2024-10-12',
      '--kind',
      'closed',
      '--scope',
      'province:HLJ',
      '--basis',
      '省政府通知',
    );
    expect(lines(province.stdout)[0]).toMatchObject({ scopeLabel: 'PROVINCE:HLJ' });

    expect(lines((await run('calendar', 'overrides', 'list')).stdout).map((o) => o.date)).toEqual([
      '2024-10-10',
      '2024-10-11',
      '2024-10-12',
    ]);
    const removed = await run('calendar', 'overrides', 'remove', n.id as string);
    expect(lines(removed.stdout)[0]).toMatchObject({ id: n.id, deletedAt: expect.any(String) });
    expect(lines((await run('calendar', 'overrides', 'list')).stdout)).toHaveLength(2);
    expect(
      lines((await run('calendar', 'overrides', 'list', '--include-deleted')).stdout),
    ).toHaveLength(3);

    const audit = await db.query<
      Array<{ action: string; actor_id: string | null; details: { via: string } }>
    >(`SELECT action, actor_id, details FROM audit_log WHERE action LIKE 'calendar.%' ORDER BY id`);
    expect(audit.map((a) => a.action)).toEqual([
      'calendar.year-imported',
      'calendar.year-imported',
      'calendar.override-added',
      'calendar.override-added',
      'calendar.override-added',
      'calendar.override-removed',
    ]);
    expect(audit.every((a) => a.actor_id === null && a.details.via === 'cli')).toBe(true);
  });

  it.each([
    [
      ['--date', '2024-02-30', '--kind', 'closed', '--scope', 'national', '--basis', 'b'],
      /--date '2024-02-30'/,
    ],
    [
      ['--date', '2024-10-13', '--kind', 'shut', '--scope', 'national', '--basis', 'b'],
      /--kind must be closed or open/,
    ],
    [
      ['--date', '2024-10-13', '--kind', 'closed', '--scope', 'city:DQ', '--basis', 'b'],
      /--scope must be national/,
    ],
    [
      ['--date', '2024-10-13', '--kind', 'closed', '--scope', 'national', '--basis', ' '],
      /--basis must not be empty/,
    ],
    [
      ['--date', '2024-10-13', '--kind', 'closed', '--scope', 'agency:NOPE', '--basis', 'b'],
      /No agency NOPE/,
    ],
    [
      ['--date', '2024-10-11', '--kind', 'closed', '--scope', 'agency:DQ-GA', '--basis', 'b'],
      /in this scope exists/,
    ],
    [['--date', '2024-10-13', '--kind', 'closed', '--scope', 'national'], /--basis/],
  ])('exits 2 with one line on stderr for overrides add %j', async (args, message) => {
    await expectUsage(['calendar', 'overrides', 'add', ...args], message);
  });

  it('exits 2 when removing an unknown override', async () => {
    await expectUsage(['calendar', 'overrides', 'remove', randomUUID()], /No such override/);
  });
});
