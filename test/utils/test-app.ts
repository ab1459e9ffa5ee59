import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../../src/bootstrap/create-app';
import { loadConfig, type AppConfig } from '../../src/infra/config/app-config';
import {
  createTestDatabase,
  deleteRedisPrefix,
  testQueuePrefix,
  testRedisUrl,
  type TestDatabase,
} from './test-services';

export interface TestApp {
  readonly app: NestExpressApplication;
  readonly config: AppConfig;
  readonly db: TestDatabase;
  close(): Promise<void>;
}

export const TEST_PII_KEY = 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=';

/**
 * The environment of a case-workflow test app: a fixed clock at `at` (moved with setToday), the
 * rate limit out of the way, and tokens that outlive clock jumps of months.
 */
export const caseTestEnv = (at: string): Record<string, string> => ({
  CLOCK: 'fixed',
  CLOCK_FIXED_AT: at,
  RATE_LIMIT_PER_MINUTE: '100000',
  ACCESS_TOKEN_TTL_SECONDS: '31536000',
});

/**
 * Boots the real application (same createApp as main.ts) against a cloned database and a
 * private Redis prefix. `env` overrides environment variables (e.g. ROLE, MAIL_TRANSPORT).
 */
export async function bootTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const prefix = testQueuePrefix();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    DATABASE_URL: db.url,
    REDIS_URL: testRedisUrl(),
    QUEUE_PREFIX: prefix,
    MAIL_TRANSPORT: 'memory',
    PII_ENCRYPTION_KEY: TEST_PII_KEY,
    DB_POOL_SIZE: '4',
    // The upkeep timer is off unless a test turns it on: its rounds would race the test's steps.
    UPKEEP_INTERVAL_MS: '0',
    ...env,
  });
  let app: NestExpressApplication | undefined;
  try {
    app = await createApp(config);
    await app.init();
  } catch (err) {
    await app?.close().catch(() => undefined);
    await db.drop();
    throw err;
  }
  const booted = app;
  return {
    app: booted,
    config,
    db,
    close: async () => {
      await booted.close();
      await deleteRedisPrefix(prefix);
      await db.drop();
    },
  };
}
