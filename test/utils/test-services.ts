import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createDatabase, dropDatabase } from '../../src/infra/database/admin';

function required(name: string): string {
  const v = process.env[name];
  if (!v)
    throw new Error(
      `${name} is not set: run this file through the integration or e2e jest project`,
    );
  return v;
}

export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

/** A fresh database cloned from the migrated template; one per test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = required('TEST_PG_SERVER_URL');
  const name = `govinfo_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = await createDatabase(server, name, required('TEST_PG_TEMPLATE'));
  return { url, name, drop: () => dropDatabase(server, name) };
}

export function testRedisUrl(): string {
  return required('TEST_REDIS_URL');
}

/** A Redis key prefix of its own, so parallel test files never see each other's jobs. */
export function testQueuePrefix(): string {
  return `test-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** Deletes every key under a prefix (BullMQ keys are `<prefix>:<queue>:...`). */
export async function deleteRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * A fixed clock on a day outside the holiday-notice season (1 Nov – 31 Dec), for tests that
 * expect /health to be ok whatever the date they run on.
 */
export const SEASON_FREE: Record<string, string> = {
  CLOCK: 'fixed',
  CLOCK_FIXED_AT: '2026-09-14T09:00:00+08:00',
};
