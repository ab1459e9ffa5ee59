import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap/create-app';
import { JobQueue } from '../../src/infra/queue/job-queue';
import { QueueName } from '../../src/infra/queue/queue-names';
import { loadConfig, type AppConfig } from '../../src/infra/config/app-config';
import { migrateDatabase } from '../../src/infra/database/migrate';
import { seedWorld, type World } from './fixtures';
import { freePort } from './free-port';
import { OwnPostgres } from './own-postgres';
import { OwnRedis } from './own-redis';
import { buildDist, startNode, type RunningProcess } from './processes';
import { SmtpReceiver } from './smtp-receiver';
import { TEST_PII_KEY } from './test-app';

/**
 * The services of a fault test, all its own: a PostgreSQL cluster and a redis-server on free
 * ports (stopped, killed and restarted at will — never the machine's shared ones), a real SMTP
 * receiver, the API in this process (seeded with the test world) and real worker processes.
 */
export interface FaultWorld {
  readonly pg: OwnPostgres;
  readonly redis: OwnRedis;
  readonly smtp: SmtpReceiver;
  readonly app: NestExpressApplication;
  readonly config: AppConfig;
  readonly w: World;
  readonly dataDir: string;
  /** The environment of a `main.js` process on these services. */
  env(extra?: Record<string, string>): Record<string, string>;
  /** A real process (`--role worker` by default), waited until it listens. */
  start(args?: string[], extra?: Record<string, string>): Promise<RunningProcess>;
  close(): Promise<void>;
}

export async function startFaultWorld(
  apiEnv: Record<string, string> = {},
  processEnv: Record<string, string> = {},
): Promise<FaultWorld> {
  buildDist();
  const pg = await OwnPostgres.start();
  const redis = await OwnRedis.start();
  const smtp = await new SmtpReceiver().start();
  const url = await pg.createDatabase('govinfo');
  await migrateDatabase(url);
  const dataDir = mkdtempSync(join(tmpdir(), 'govinfo-fault-'));
  const shared = {
    NODE_ENV: 'test',
    DATABASE_URL: url,
    REDIS_URL: redis.url,
    QUEUE_PREFIX: 'faults',
    MAIL_TRANSPORT: 'smtp',
    SMTP_URL: smtp.url,
    PII_ENCRYPTION_KEY: TEST_PII_KEY,
    RATE_LIMIT_PER_MINUTE: '1000000',
    ACCESS_TOKEN_TTL_SECONDS: '31536000',
    DATA_DIR: dataDir,
  };
  const config = loadConfig({
    ...shared,
    // Errors only: a 500 during a fault leaves its stack in the test output.
    LOG_LEVEL: process.env.FAULT_LOG ?? 'error',
    ROLE: 'api',
    UPKEEP_INTERVAL_MS: '0',
    DB_POOL_SIZE: '8',
    ...apiEnv,
  });
  const app = await createApp(config);
  await app.init();
  const w = await seedWorld(app);
  // The accounts' e-mails of the seed are not this test's: settled, their jobs dropped.
  await app.get(DataSource).query(`UPDATE mail_outbox SET status = 'sent'`);
  await app.get(JobQueue).queue(QueueName.Mail).drain(true);
  const processes: RunningProcess[] = [];
  const env = (extra: Record<string, string> = {}) => ({
    ...shared,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    WORKER_LOCK_MS: '1000',
    UPKEEP_INTERVAL_MS: '1000',
    ...processEnv,
    ...extra,
  });
  return {
    pg,
    redis,
    smtp,
    app,
    config,
    w,
    dataDir,
    env,
    async start(args = ['--role', 'worker'], extra = {}) {
      const p = startNode('main', args, env({ PORT: String(await freePort()), ...extra }));
      processes.push(p);
      await p.waitForOutput(/listening on/);
      return p;
    },
    async close() {
      for (const p of processes) {
        if (p.child.exitCode === null) p.child.kill('SIGKILL');
        await p.exited;
      }
      await app.close().catch(() => undefined);
      await smtp.stop();
      await redis.stop();
      await pg.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
