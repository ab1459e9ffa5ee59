import { DataSource } from 'typeorm';
import { runCli } from '../../src/cli/program';
import { dataSourceOptions } from '../../src/infra/database/data-source-options';
import { createDatabase, dropDatabase } from '../../src/infra/database/admin';

describe('cli db', () => {
  const server = process.env.TEST_PG_SERVER_URL as string;
  const name = `govinfo_cli_${process.pid}`;
  let url: string;
  let stdout: jest.SpyInstance;

  beforeAll(async () => {
    await dropDatabase(server, name);
    url = await createDatabase(server, name);
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterAll(async () => {
    stdout.mockRestore();
    await dropDatabase(server, name);
  });

  const run = async (...args: string[]) => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = url;
    try {
      return await runCli(args);
    } finally {
      process.env.DATABASE_URL = saved;
    }
  };
  const printed = () => stdout.mock.calls.map((c) => String(c[0])).join('');

  it('db migrate brings an empty database up to date, then reports nothing to do', async () => {
    expect(await run('db', 'migrate')).toBe(0);
    expect(printed()).toMatch(/applied CreateMailOutbox\d{13}/);
    const ds = new DataSource(dataSourceOptions(url, 1));
    await ds.initialize();
    const tables = await ds.query<Array<{ t: string | null }>>(
      `SELECT to_regclass('public.mail_outbox') AS t`,
    );
    await ds.destroy();
    expect(tables[0].t).toBe('mail_outbox');
    stdout.mockClear();
    expect(await run('db', 'migrate')).toBe(0);
    expect(printed()).toContain('schema is up to date');
  });

  it('db check passes when entities and migrations agree', async () => {
    stdout.mockClear();
    expect(await run('db', 'check')).toBe(0);
    expect(printed()).toContain('entities and migrations agree');
  });
});
