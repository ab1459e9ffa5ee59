import type { Redis } from 'ioredis';

/** Thrown at worker start when Redis could evict BullMQ's keys (and so lose locks and jobs). */
export class RedisEvictionPolicyError extends Error {}

/** BullMQ needs `maxmemory-policy noeviction`; the worker refuses to run otherwise. */
export async function assertNoEviction(client: Redis): Promise<void> {
  let policy: string | undefined;
  try {
    const reply = (await client.config('GET', 'maxmemory-policy')) as string[];
    policy = reply[1];
  } catch {
    // Managed Redis services may forbid CONFIG; fall back to INFO.
    const info = await client.info('memory');
    policy = /maxmemory_policy:(\S+)/.exec(info)?.[1];
  }
  if (policy !== 'noeviction') {
    throw new RedisEvictionPolicyError(
      `Redis maxmemory-policy is "${policy ?? 'unknown'}", but the worker needs "noeviction" ` +
        '(BullMQ loses locks and jobs when keys are evicted). ' +
        'Run `redis-cli CONFIG SET maxmemory-policy noeviction` or set it in redis.conf.',
    );
  }
}
