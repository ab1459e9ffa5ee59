import { join } from 'node:path';
import type { AppConfig } from '../infra/config/app-config';
import { startEmbeddedPostgres } from '../infra/dev-services/embedded-postgres';
import { ensureLocalRedis } from '../infra/dev-services/local-redis';

export interface ResolvedServices {
  readonly databaseUrl: string;
  readonly redisUrl: string;
  /** What was started here, for the start-up message. */
  readonly notes: string[];
  stop(): Promise<void>;
}

/**
 * DATABASE_URL unset → embedded PostgreSQL under DATA_DIR/postgres (kept between starts).
 * REDIS_URL unset → Redis on 127.0.0.1:6379, else `redis-server` under DATA_DIR/redis.
 */
export async function resolveServices(config: AppConfig): Promise<ResolvedServices> {
  const stops: Array<() => Promise<void>> = [];
  const notes: string[] = [];
  try {
    let databaseUrl = config.database.url;
    if (!databaseUrl) {
      const pg = await startEmbeddedPostgres({
        dataDir: join(config.dataDir, 'postgres'),
        port: config.database.embeddedPort,
        database: 'govinfo',
        persistent: true,
      });
      stops.push(() => pg.stop());
      databaseUrl = pg.url;
      notes.push(
        `embedded PostgreSQL on port ${config.database.embeddedPort}, data in ${pg.dataDir}`,
      );
    }
    let redisUrl = config.redis.url;
    if (!redisUrl) {
      const redis = await ensureLocalRedis(join(config.dataDir, 'redis'));
      if (redis.started) {
        stops.push(() => redis.stop());
        notes.push(`started redis-server, data in ${join(config.dataDir, 'redis')}`);
      } else {
        notes.push('using the Redis on 127.0.0.1:6379');
      }
      redisUrl = redis.url;
    }
    return {
      databaseUrl,
      redisUrl,
      notes,
      stop: async () => {
        for (const stop of stops.reverse()) await stop().catch(() => undefined);
      },
    };
  } catch (err) {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    throw err;
  }
}
