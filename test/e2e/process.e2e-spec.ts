import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../utils/free-port';
import { buildDist, runNode, startNode } from '../utils/processes';
import { SmtpReceiver } from '../utils/smtp-receiver';
import {
  createTestDatabase,
  deleteRedisPrefix,
  SEASON_FREE,
  testQueuePrefix,
  testRedisUrl,
} from '../utils/test-services';

async function health(port: number): Promise<{ status: string }> {
  const res = await fetch(`http://127.0.0.1:${port}/health`);
  return (await res.json()) as { status: string };
}

describe('the govinfo process (npm start)', () => {
  let smtp: SmtpReceiver;
  let dataDir: string;
  let prefix: string;
  let env: Record<string, string>;
  let pgPort: number;

  beforeAll(async () => {
    buildDist();
    smtp = await new SmtpReceiver().start();
    dataDir = mkdtempSync(join(tmpdir(), 'govinfo-start-'));
    prefix = testQueuePrefix();
    pgPort = await freePort();
    env = {
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: prefix,
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: smtp.url,
      LOG_LEVEL: 'warn',
      ...SEASON_FREE,
    };
  }, 60_000);
  afterAll(async () => {
    await smtp.stop();
    await deleteRedisPrefix(prefix);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts with an embedded PostgreSQL, sends mail, drains on SIGTERM and reuses its data', async () => {
    const first = startNode('main', [], env);
    await first.waitForOutput(/listening on http:\/\/localhost:\d+/);
    expect(first.stdout()).toContain('embedded PostgreSQL');
    expect(first.stdout()).toMatch(/applied \d+ migration\(s\)/);
    expect((await health(Number(env.PORT))).status).toBe('ok');

    // The CLI writes an outbox row; the running worker delivers it.
    const queued = await runNode('cli', ['mail', 'check', '--to', 'ops@agency.test'], env);
    expect(queued.code).toBe(0);
    expect(JSON.parse(queued.stdout)).toEqual({ outboxId: expect.any(String), status: 'queued' });
    await smtp.waitFor(1);

    // A slow SMTP server: SIGTERM arrives while the mail is being sent; the job finishes first.
    smtp.delayMs = 1500;
    await runNode('cli', ['mail', 'check', '--to', 'ops2@agency.test'], env);
    for (let i = 0; i < 100 && smtp.started < 2; i++) await new Promise((r) => setTimeout(r, 50));
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(smtp.messages.map((m) => (m.to && 'text' in m.to ? m.to.text : ''))).toEqual([
      'ops@agency.test',
      'ops2@agency.test',
    ]);
    smtp.delayMs = 0;

    // Second start: same data directory, nothing to migrate, both rows still there and sent.
    const second = startNode('main', [], env);
    await second.waitForOutput(/listening on/);
    expect(second.stdout()).not.toMatch(/applied \d+ migration/);
    expect((await health(Number(env.PORT))).status).toBe('ok');
    const pg = new Client({
      connectionString: `postgres://postgres:govinfo@127.0.0.1:${pgPort}/govinfo`,
    });
    await pg.connect();
    const rows = await pg.query<{ status: string }>(
      'SELECT status FROM mail_outbox ORDER BY created_at',
    );
    await pg.end();
    expect(rows.rows.map((r) => r.status)).toEqual(['sent', 'sent']);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(smtp.messages).toHaveLength(2);
  }, 120_000);

  it('refuses to run a worker on a Redis that may evict keys', async () => {
    const db = await createTestDatabase();
    const redisPort = await freePort();
    const redis = spawn(
      'redis-server',
      [
        '--port',
        String(redisPort),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--maxmemory-policy',
        'allkeys-lru',
      ],
      { stdio: 'ignore' },
    );
    try {
      await new Promise((r) => setTimeout(r, 300));
      const run = await runNode('main', ['--role', 'worker'], {
        ...env,
        DATABASE_URL: db.url,
        REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/maxmemory-policy is "allkeys-lru".*needs "noeviction"/);
    } finally {
      redis.kill();
      await db.drop();
    }
  }, 60_000);

  it('sends no duplicate when the worker is killed in the middle of sending', async () => {
    const db = await createTestDatabase();
    const kenv = { ...env, DATABASE_URL: db.url, PORT: String(await freePort()) };
    smtp.messages.length = 0;
    smtp.received = 0;
    smtp.delayMs = 2000;
    try {
      const first = startNode('main', [], kenv);
      await first.waitForOutput(/listening on/);
      const queued = JSON.parse(
        (await runNode('cli', ['mail', 'check', '--to', 'kill@agency.test'], kenv)).stdout,
      ) as { outboxId: string };
      // Kill the worker once the server has the whole message but has not answered yet.
      for (let i = 0; i < 400 && smtp.received < 1; i++)
        await new Promise((r) => setTimeout(r, 25));
      first.child.kill('SIGKILL');
      await first.exited;
      // The server had the whole message; the worker died before it could record the send.
      await smtp.waitFor(1);
      const pg = new Client({ connectionString: db.url });
      await pg.connect();
      const status = async () =>
        (
          await pg.query<{ status: string }>('SELECT status FROM mail_outbox WHERE id = $1', [
            queued.outboxId,
          ])
        ).rows[0].status;
      expect(await status()).toBe('sending');
      smtp.delayMs = 0;
      const second = startNode('main', [], kenv);
      await second.waitForOutput(/listening on/);
      await new Promise((r) => setTimeout(r, 1500));
      expect(['sending', 'unconfirmed']).toContain(await status());
      await pg.end();
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
      expect(smtp.to('kill@agency.test')).toHaveLength(1);
    } finally {
      smtp.delayMs = 0;
      await db.drop();
    }
  }, 60_000);

  it('stops with a message naming a bad variable', async () => {
    const run = await runNode('main', [], { ...env, PORT: 'eighty' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('PORT: ');
    expect(run.stdout).toBe('');
  });
});
