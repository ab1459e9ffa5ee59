import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { runCli } from '../../src/cli/program';
import { dataSourceOptions } from '../../src/infra/database/data-source-options';
import { createTestDatabase, type TestDatabase } from '../utils/test-services';

describe('cli agencies import', () => {
  let db: TestDatabase;
  let out: jest.SpyInstance;
  let err: jest.SpyInstance;
  const dir = mkdtempSync(join(tmpdir(), 'govinfo-import-'));
  const file = (name: string, lines: Array<object | string>) => {
    const path = join(dir, name);
    writeFileSync(
      path,
      lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n',
    );
    return path;
  };
  const run = async (...args: string[]) => {
    out.mockClear();
    err.mockClear();
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = db.url;
    try {
      const code = await runCli(args);
      return {
        code,
        stdout: out.mock.calls.map((c) => String(c[0])).join(''),
        stderr: err.mock.calls.map((c) => String(c[0])).join(''),
      };
    } finally {
      process.env.DATABASE_URL = saved;
    }
  };
  const agencies = async () => {
    const ds = new DataSource(dataSourceOptions(db.url, 1));
    await ds.initialize();
    try {
      return await ds.query<Array<{ code: string; parent: string | null; depth: number }>>(
        `SELECT a.code, p.code AS parent, a.depth FROM agency a LEFT JOIN agency p ON p.id = a.parent_id ORDER BY a.path`,
      );
    } finally {
      await ds.destroy();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterAll(async () => {
    out.mockRestore();
    err.mockRestore();
    await db.drop();
  });

  const tree = [
    {
      code: 'DQ-GA',
      name: '大庆市公安局',
      kind: 'department',
      parentCode: 'DQ',
      phone: '0459-1111111',
    },
    {
      code: 'DQ',
      name: '大庆市人民政府',
      kind: 'government',
      parentCode: 'HLJ',
      reconsiderationBody: '黑龙江省人民政府',
    },
    { code: 'HLJ', name: '黑龙江省人民政府', kind: 'government', parentCode: null },
    {
      code: 'DQ-SEZ',
      name: '萨尔图区人民政府',
      kind: 'government',
      parentCode: 'DQ',
      channels: ['online'],
    },
  ];

  it('imports a file whose children come before their parents', async () => {
    const res = await run('agencies', 'import', '--file', file('tree.jsonl', tree));
    expect(res).toEqual({
      code: 0,
      stdout: '{"created":4,"updated":0,"moved":0,"unchanged":0}\n',
      stderr: '',
    });
    expect(await agencies()).toEqual([
      { code: 'HLJ', parent: null, depth: 0 },
      { code: 'DQ', parent: 'HLJ', depth: 1 },
      expect.objectContaining({ parent: 'DQ', depth: 2 }),
      expect.objectContaining({ parent: 'DQ', depth: 2 }),
    ]);
  });

  it('changes nothing when the same file is imported again', async () => {
    const res = await run('agencies', 'import', '--file', file('tree.jsonl', tree));
    expect(res.stdout).toBe('{"created":0,"updated":0,"moved":0,"unchanged":4}\n');
  });

  it('applies renames and moves from a corrected file', async () => {
    const next = [
      ...tree.slice(0, 3),
      { ...tree[3], name: '大庆市萨尔图区人民政府', parentCode: 'HLJ' },
    ];
    const res = await run('agencies', 'import', '--file', file('next.jsonl', next));
    expect(res.stdout).toBe('{"created":0,"updated":0,"moved":1,"unchanged":3}\n');
    expect((await agencies()).find((a) => a.code === 'DQ-SEZ')).toEqual({
      code: 'DQ-SEZ',
      parent: 'HLJ',
      depth: 1,
    });
  });

  it('reports every bad line with its number and imports nothing', async () => {
    const res = await run(
      'agencies',
      'import',
      '--file',
      file('bad.jsonl', [
        { code: 'NEW-A', name: '新甲', kind: 'department', parentCode: 'DQ' },
        '{not json',
        { code: 'NEW-B', name: '新乙', kind: 'ministry', parentCode: 'NOPE' },
        { code: 'NEW-A', name: '重复', kind: 'department', parentCode: 'DQ' },
      ]),
    );
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain('line 2: not valid JSON');
    expect(res.stderr).toContain('line 3 (kind): must be one of government, department, other');
    expect(res.stderr).toMatch(/line 4 \(code\): duplicate code NEW-A \(first on line 1\)/);
    expect((await agencies()).map((a) => a.code)).not.toContain('NEW-A');
  });

  it('reports a cycle', async () => {
    const res = await run(
      'agencies',
      'import',
      '--file',
      file('cycle.jsonl', [
        { code: 'C-A', name: '甲', kind: 'other', parentCode: 'C-B' },
        { code: 'C-B', name: '乙', kind: 'other', parentCode: 'C-A' },
      ]),
    );
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/cycle: C-[AB] → C-[AB] → C-[AB]/);
  });

  it('moves, renames and deactivates agencies from the command line', async () => {
    expect((await run('agencies', 'move', 'DQ-SEZ', '--parent', 'DQ')).code).toBe(0);
    expect(
      (await run('agencies', 'rename', 'DQ-SEZ', '--name', '萨尔图区人民政府办公室')).code,
    ).toBe(0);
    expect((await run('agencies', 'deactivate', 'DQ-SEZ')).code).toBe(0);
    const listed = (await run('agencies', 'list')).stdout
      .trim()
      .split('\n')
      .map(
        (l) => JSON.parse(l) as { code: string; name: string; parentCode: string; active: boolean },
      );
    expect(listed.find((a) => a.code === 'DQ-SEZ')).toEqual(
      expect.objectContaining({ name: '萨尔图区人民政府办公室', parentCode: 'DQ', active: false }),
    );
    const unknown = await run('agencies', 'move', 'NOPE', '--parent', 'DQ');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No agency NOPE');
  });

  it('creates the first admin with users create', async () => {
    const res = await run(
      'users',
      'create',
      '--role',
      'admin',
      '--agency',
      'HLJ',
      '--email',
      'root@hlj.gov.cn',
    );
    expect(res.code).toBe(0);
    const printed = JSON.parse(res.stdout) as { email: string; password: string; roles: unknown };
    expect(printed).toEqual({
      id: expect.any(String),
      email: 'root@hlj.gov.cn',
      roles: [{ role: 'admin', agencyCode: 'HLJ' }],
      password: expect.stringMatching(/^.{12,}$/),
    });
    const bad = await run(
      'users',
      'create',
      '--role',
      'king',
      '--agency',
      'HLJ',
      '--email',
      'x@y.cn',
    );
    expect(bad).toEqual({
      code: 2,
      stdout: '',
      stderr: expect.stringContaining('--role must be one of'),
    });
  });
});
