import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** How the app's connection pool and its sessions behave (DB_* variables). */
export interface PoolSettings {
  /** Connections in the pool (DB_POOL_SIZE). */
  readonly size: number;
  /** Longest wait for a free connection before the request fails with 503 (DB_ACQUIRE_TIMEOUT_MS). */
  readonly acquireTimeoutMs: number;
  /** Longest wait for a row or table lock inside a statement (DB_LOCK_TIMEOUT_MS). */
  readonly lockTimeoutMs: number;
  /** A session idle inside an open transaction this long is ended by PostgreSQL (DB_IDLE_IN_TX_TIMEOUT_MS). */
  readonly idleInTransactionTimeoutMs: number;
}

export const DEFAULT_POOL: PoolSettings = {
  size: 10,
  acquireTimeoutMs: 5_000,
  lockTimeoutMs: 5_000,
  idleInTransactionTimeoutMs: 15_000,
};

/** The one set of DataSource options used by the app, the CLI and the tests. */
export function dataSourceOptions(
  url: string,
  pool: number | Partial<PoolSettings> = DEFAULT_POOL,
): DataSourceOptions {
  const p: PoolSettings = {
    ...DEFAULT_POOL,
    ...(typeof pool === 'number' ? { size: pool } : pool),
  };
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS as DataSourceOptions['migrations'],
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    extra: {
      max: p.size,
      application_name: 'govinfo',
      // Waiting for a connection is bounded: the caller gets an error (→ 503), never a hang.
      connectionTimeoutMillis: p.acquireTimeoutMs,
      // Every session bounds its lock waits and cannot sit idle inside a transaction for ever.
      options: `-c lock_timeout=${p.lockTimeoutMs} -c idle_in_transaction_session_timeout=${p.idleInTransactionTimeoutMs}`,
    },
    logging: false,
  };
}
