import 'reflect-metadata';
import { Redis } from 'ioredis';
import { createApp } from './bootstrap/create-app';
import { loadDotEnv } from './bootstrap/env-file';
import { roleFromArgv } from './bootstrap/role';
import { resolveServices, type ResolvedServices } from './bootstrap/services';
import { ConfigError, loadConfig, withServices } from './infra/config/app-config';
import { countAgencies, migrateDatabase } from './infra/database/migrate';
import { RedisUnavailableError } from './infra/dev-services/local-redis';
import { EmbeddedPostgresError } from './infra/dev-services/postgres-user-access';
import { HttpDrain } from './infra/http/http-drain';
import { assertNoEviction, RedisEvictionPolicyError } from './infra/queue/redis-policy';

/**
 * `npm start`: resolve PostgreSQL and Redis, migrate, then serve HTTP and/or run the
 * worker (`--role api|worker|all`, default all).
 */
async function main(): Promise<void> {
  loadDotEnv();
  const base = loadConfig(undefined, { ROLE: roleFromArgv(process.argv.slice(2)) });
  let services: ResolvedServices | undefined;
  try {
    services = await resolveServices(base);
    const config = withServices(base, services.databaseUrl, services.redisUrl);
    const applied = await migrateDatabase(config.database.url as string);
    if (config.role !== 'api') await checkRedisPolicy(config.redis.url as string);

    const app = await createApp(config);
    const http = new HttpDrain(app.getHttpServer());
    let closing = false;
    const shutdown = async (signal: string): Promise<void> => {
      if (closing) return;
      closing = true;
      const force = setTimeout(() => process.exit(1), config.shutdownTimeoutMs).unref();
      process.stdout.write(
        `govinfo: ${signal} received, shutting down (${http.inFlight} request(s) in flight)\n`,
      );
      // Stop taking requests first (keep-alive sockets too), then close workers (active jobs
      // finish), then the rest.
      await http.drain();
      await app.close();
      await services?.stop();
      clearTimeout(force);
      process.exit(0);
    };
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    process.once('SIGINT', () => void shutdown('SIGINT'));

    await app.listen(config.http.port, config.http.host);
    const lines = [
      `govinfo (${config.role}) listening on ${config.http.publicUrl}`,
      `  API docs:  ${config.http.publicUrl}/api/docs`,
      `  health:    ${config.http.publicUrl}/health`,
      ...services.notes.map((n) => `  ${n}`),
      ...(applied.length ? [`  applied ${applied.length} migration(s)`] : []),
      ...((await countAgencies(config.database.url as string)) === 0
        ? [
            '',
            '  The database has no agencies yet. 数据库中还没有机构。',
            '  Try a demo city:        npm run -s cli -- seed-demo',
            '  Or load your own tree:  npm run -s cli -- agencies import --file agencies.jsonl',
            '                          npm run -s cli -- users create --role admin --agency CODE --email you@example.gov.cn',
          ]
        : []),
    ];
    process.stdout.write(lines.join('\n') + '\n');
  } catch (err) {
    await services?.stop();
    throw err;
  }
}

async function checkRedisPolicy(url: string): Promise<void> {
  const client = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await client.connect();
    await assertNoEviction(client);
  } finally {
    client.disconnect();
  }
}

main().catch((err: unknown) => {
  const known =
    err instanceof ConfigError ||
    err instanceof RedisUnavailableError ||
    err instanceof EmbeddedPostgresError ||
    err instanceof RedisEvictionPolicyError;
  const text = known
    ? err.message
    : err instanceof Error
      ? (err.stack ?? err.message)
      : String(err);
  process.stderr.write(`govinfo: ${text}\n`);
  process.exit(1);
});
