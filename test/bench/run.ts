/**
 * `npm run bench`: one JSON line per measure {"id","measured","baseline","ratio","target","pass"},
 * each baseline measured in the same run, each correctness check done before its figure.
 * Production defaults (NODE_ENV=production) except the rate limit, raised (printed on stderr).
 * Needs PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres: a scratch
 * database is created and dropped), Redis (REDIS_URL, default redis://127.0.0.1:6379) and
 * `pgbench` (Debian: postgresql-client). BENCH_ONLY=B-cal,B-dl,B3,B1,B6 runs a subset;
 * BENCH_CPU_PROF=<dir> writes the B1 server's CPU profile (`node --cpu-prof`) there.
 * B6, the annual report at scale, is test/bench/annual-report.bench.ts (its own database).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { benchCalendar } from './calendar.bench';
import { benchDeadlineCli } from './deadline-cli.bench';
import { benchIntake } from './intake.bench';
import { check } from './measure';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../src/app.module';
import { loadConfig } from '../../src/infra/config/app-config';
import { benchTimers, wipe } from './timers.bench';
import { annualReportBench } from './annual-report.bench';

const ROOT = join(__dirname, '../../..');
const CLI = join(ROOT, 'dist/src/cli.js');
const MAIN = join(ROOT, 'dist/src/main.js');
const RATE_LIMIT = '100000000';
const only = (id: string) =>
  !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes(id);

async function admin(url: string, sql: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function cli(env: NodeJS.ProcessEnv, ...args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8' });
  check(r.status === 0, `cli ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

async function waitHealthy(url: string, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    check(server.exitCode === null, 'the server exited during start-up');
    try {
      const r = await fetch(`${url}/health`);
      if (r.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server did not become healthy');
}

async function main(): Promise<void> {
  if (only('B-cal')) await benchCalendar();
  if (only('B-dl')) await benchDeadlineCli(ROOT);
  if (only('B3') || only('B1')) await benchServices();
  if (only('B6')) await annualReportBench();
}

/** B3 and B1: the demo city in a scratch database, the app with production defaults. */
async function benchServices(): Promise<void> {
  check(
    spawnSync('pgbench', ['--version']).status === 0,
    'pgbench on PATH (Debian: postgresql-client)',
  );

  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `govinfo_bench_${process.pid}`;
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${dbName}`;
  const prefix = `bench${process.pid}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: dbUrl.toString(),
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: prefix,
    PII_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    RATE_LIMIT_PER_MINUTE: RATE_LIMIT,
  };
  process.stderr.write(
    `bench: production defaults, RATE_LIMIT_PER_MINUTE=${RATE_LIMIT} (raised); database ${dbName}, Redis prefix ${prefix}\n`,
  );
  await admin(adminUrl, `CREATE DATABASE ${dbName}`);
  let server: ChildProcess | undefined;
  try {
    cli(env, 'db', 'migrate');
    cli(env, 'seed-demo');
    if (only('B3')) {
      // The worker's providers in this process (the reconcile); its upkeep timer off, so that
      // only the measured pass runs.
      const config = loadConfig({
        ...env,
        ROLE: 'worker',
        UPKEEP_INTERVAL_MS: '0',
        LOG_LEVEL: 'warn',
      });
      const app = await NestFactory.createApplicationContext(AppModule.forRole(config), {
        logger: false,
      });
      try {
        await benchTimers(app, config);
      } finally {
        await app.close();
      }
    }
    if (only('B1')) {
      const port = await freePort();
      // BENCH_CPU_PROF=<dir>: the server's V8 CPU profile, written there when it exits.
      const prof = process.env.BENCH_CPU_PROF;
      const flags = prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : [];
      server = spawn(process.execPath, [...flags, MAIN], {
        env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
        stdio: 'ignore',
      });
      const baseUrl = `http://127.0.0.1:${port}`;
      await waitHealthy(baseUrl, server);
      const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'citizen1@example.com', password: 'demo-password-2026' }),
      });
      check(login.status === 200, `login answered ${login.status}`);
      const { accessToken } = (await login.json()) as { accessToken: string };
      await benchIntake({ baseUrl, token: accessToken, databaseUrl: dbUrl.toString() });
    }
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    await admin(adminUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await wipe(env.REDIS_URL as string, prefix);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
