import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  postgresUser,
  reachable,
  reachableDataDir,
} from '../../src/infra/dev-services/postgres-user-access';
import { freePort } from '../utils/free-port';
import { buildDist, runNode, startNode } from '../utils/processes';
import { deleteRedisPrefix, testQueuePrefix, testRedisUrl } from '../utils/test-services';

const asRoot = process.getuid?.() === 0;

/**
 * `npm start` with DATABASE_URL unset, as root with DATA_DIR inside a private folder (mode 0700,
 * like a checkout in /root): the data goes where the `postgres` user can reach it, said in the
 * log; and a start on a port where another checkout's cluster runs stops with one sentence
 * instead of using that cluster's data.
 */
(asRoot ? describe : describe.skip)('the embedded PostgreSQL as root', () => {
  let base: string;
  let prefix: string;
  beforeAll(() => {
    buildDist();
    base = mkdtempSync(join(tmpdir(), 'govinfo-home-'));
    chmodSync(base, 0o755);
    prefix = testQueuePrefix();
  });
  afterAll(async () => {
    rmSync(base, { recursive: true, force: true });
    await deleteRedisPrefix(prefix);
  });

  it('tells a private folder from a reachable one', () => {
    const home = join(base, 'home');
    mkdirSync(join(home, 'checkout'), { recursive: true });
    chmodSync(home, 0o700);
    expect(reachable(join(home, 'checkout', 'data'), postgresUser())).toBe(false);
    chmodSync(home, 0o755);
    expect(reachable(join(home, 'checkout', 'data'), postgresUser())).toBe(true);
    expect(reachable('/usr/bin/env', postgresUser(), true)).toBe(true);
  });

  it('keeps the data where the postgres user can reach it, says so, and refuses another checkout on its port', async () => {
    const home = join(base, 'private');
    mkdirSync(home);
    chmodSync(home, 0o700);
    const dataDir = join(home, 'data');
    const moved = reachableDataDir(join(dataDir, 'postgres'));
    const port = String(await freePort());
    const env = {
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: port,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: prefix,
      MAIL_TRANSPORT: 'log',
      LOG_LEVEL: 'warn',
    };
    const first = startNode('main', [], { ...env, PORT: String(await freePort()) });
    try {
      await first.waitForOutput(/listening on/, 90_000);
      expect(first.stderr() + first.stdout()).toContain(
        `${join(dataDir, 'postgres')} is out of the "postgres" user's reach`,
      );
      expect(first.stdout()).toContain(`embedded PostgreSQL on port ${port}, data in ${moved}`);

      const other = await runNode('main', [], {
        ...env,
        DATA_DIR: join(base, 'other-checkout', 'data'),
        PORT: String(await freePort()),
      });
      expect(other.code).toBe(1);
      expect(other.stderr.trim()).toBe(
        `govinfo: Port ${port} is taken by another embedded PostgreSQL (data in ${moved}, not ${join(base, 'other-checkout', 'data', 'postgres')}): stop it, or set EMBEDDED_PG_PORT to a free port.`,
      );
    } finally {
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      rmSync(resolve(moved, '..'), { recursive: true, force: true });
    }
  }, 120_000);
});
