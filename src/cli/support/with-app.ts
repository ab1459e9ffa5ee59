import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../app.module';
import { loadDotEnv } from '../../bootstrap/env-file';
import { resolveServices } from '../../bootstrap/services';
import { loadConfig, withServices, type AppConfig } from '../../infra/config/app-config';
import { migrateDatabase } from '../../infra/database/migrate';

/**
 * Runs a CLI action inside the application (no HTTP server, no queue workers) against the
 * same PostgreSQL and Redis `npm start` would use, after migrating the schema.
 */
export async function withApp<T>(
  fn: (app: INestApplicationContext, config: AppConfig) => Promise<T>,
): Promise<T> {
  loadDotEnv();
  const base = loadConfig(undefined, { ROLE: 'api', LOG_LEVEL: 'warn' });
  const services = await resolveServices(base);
  try {
    const config = withServices(base, services.databaseUrl, services.redisUrl);
    await migrateDatabase(config.database.url as string);
    const app = await NestFactory.createApplicationContext(AppModule.forRole(config), {
      logger: false,
    });
    try {
      return await fn(app, config);
    } finally {
      await app.close();
    }
  } finally {
    await services.stop();
  }
}
