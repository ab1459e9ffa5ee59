import type { Redis } from 'ioredis';

/** Thrown at worker start when Redis could evict BullMQ's keys (and so lose locks and jobs). */
export class RedisEvictionPolicyError extends Error {}

/** Redis's `maxmemory-policy` (CONFIG GET, or INFO where a managed Redis forbids CONFIG). */
export async function readEvictionPolicy(client: Redis): Promise<string | undefined> {
  try {
    const reply = (await client.config('GET', 'maxmemory-policy')) as string[];
    return reply[1];
  } catch {
    const info = await client.info('memory');
    return /maxmemory_policy:(\S+)/.exec(info)?.[1];
  }
}

/** BullMQ needs `maxmemory-policy noeviction`; the worker refuses to run otherwise. */
export async function assertNoEviction(client: Redis): Promise<void> {
  const policy = await readEvictionPolicy(client);
  if (policy !== 'noeviction') {
    throw new RedisEvictionPolicyError(
      `Redis maxmemory-policy is "${policy ?? 'unknown'}", but the worker needs "noeviction" ` +
        '(BullMQ loses locks and jobs when keys are evicted). ' +
        'Run `redis-cli CONFIG SET maxmemory-policy noeviction` or set it in redis.conf.',
    );
  }
}
