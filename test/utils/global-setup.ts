import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, databaseUrl, dropDatabase } from '../../src/infra/database/admin';
import { migrateDatabase } from '../../src/infra/database/migrate';
import { startEmbeddedPostgres } from '../../src/infra/dev-services/embedded-postgres';
import { ensureLocalRedis } from '../../src/infra/dev-services/local-redis';
import { freePort } from './free-port';

interface TestServices {
  stop(): Promise<void>;
}
const g = globalThis as typeof globalThis & { __GOVINFO_TEST_SERVICES__?: TestServices };

/**
 * Once per jest run (shared by the integration and e2e projects):
 * - PostgreSQL: the server of DATABASE_URL, or a throwaway embedded cluster when unset;
 * - Redis: REDIS_URL, or 127.0.0.1:6379, or a throwaway redis-server;
 * - a template database migrated to head, which each test file clones.
 */
export default async function globalSetup(): Promise<void> {
  if (g.__GOVINFO_TEST_SERVICES__) return;
  process.env.TZ = process.env.TEST_TZ ?? 'UTC';
  const stops: Array<() => Promise<void>> = [];
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const base = mkdtempSync(join(tmpdir(), 'govinfo-test-pg-'));
    const pg = await startEmbeddedPostgres({
      dataDir: join(base, 'data'),
      port: await freePort(),
      database: 'postgres',
      persistent: false,
    });
    stops.push(() => pg.stop());
    serverUrl = pg.url;
  }
  let redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    const redis = await ensureLocalRedis(mkdtempSync(join(tmpdir(), 'govinfo-test-redis-')));
    stops.push(() => redis.stop());
    redisUrl = redis.url;
  }
  const template = `govinfo_tpl_${process.pid}`;
  await dropDatabase(serverUrl, template);
  await createDatabase(serverUrl, template);
  await migrateDatabase(databaseUrl(serverUrl, template));
  stops.unshift(() => dropDatabase(serverUrl, template));

  process.env.TEST_PG_SERVER_URL = serverUrl;
  process.env.TEST_PG_TEMPLATE = template;
  process.env.TEST_REDIS_URL = redisUrl;
  g.__GOVINFO_TEST_SERVICES__ = {
    stop: async () => {
      for (const stop of stops) await stop().catch(() => undefined);
    },
  };
}
