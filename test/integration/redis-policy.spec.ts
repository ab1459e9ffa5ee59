import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { pingRedis } from '../../src/infra/dev-services/local-redis';
import { assertNoEviction, RedisEvictionPolicyError } from '../../src/infra/queue/redis-policy';

describe(assertNoEviction.name, () => {
  let server: ChildProcess;
  let client: Redis;
  const port = 20000 + (process.pid % 20000);

  beforeAll(async () => {
    server = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--maxmemory-policy',
        'allkeys-lru',
      ],
      {
        stdio: 'ignore',
      },
    );
    for (let i = 0; i < 50 && !(await pingRedis(`redis://127.0.0.1:${port}`)); i++)
      await new Promise((r) => setTimeout(r, 100));
    client = new Redis(`redis://127.0.0.1:${port}`);
  });
  afterAll(async () => {
    client.disconnect();
    server.kill();
  });

  it('refuses a Redis that may evict keys, naming the policy and the fix', async () => {
    const check = assertNoEviction(client);
    await expect(check).rejects.toThrow(RedisEvictionPolicyError);
    await expect(assertNoEviction(client)).rejects.toThrow(/"allkeys-lru".*noeviction/s);
  });

  it('accepts noeviction', async () => {
    await client.config('SET', 'maxmemory-policy', 'noeviction');
    await expect(assertNoEviction(client)).resolves.toBeUndefined();
  });
});
