import { join } from 'node:path';
import { loadDotEnv } from '../../bootstrap/env-file';
import { loadConfig, type AppConfig } from '../../infra/config/app-config';
import { startEmbeddedPostgres } from '../../infra/dev-services/embedded-postgres';

/**
 * Runs a CLI action against DATABASE_URL, or the embedded PostgreSQL under DATA_DIR when
 * it is unset (the same database `npm start` uses).
 */
export async function withDatabase<T>(
  fn: (url: string, config: AppConfig) => Promise<T>,
): Promise<T> {
  loadDotEnv();
  const config = loadConfig();
  if (config.database.url) return fn(config.database.url, config);
  const pg = await startEmbeddedPostgres({
    dataDir: join(config.dataDir, 'postgres'),
    port: config.database.embeddedPort,
    database: 'govinfo',
    persistent: true,
  });
  try {
    return await fn(pg.url, config);
  } finally {
    await pg.stop();
  }
}
