import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

export type TransactionGuardMode = 'throw' | 'log' | 'off';

/**
 * Thrown (mode `throw`) when code running inside a transaction asks the pool for another
 * connection. With N pooled connections, N such transactions wedge the service: each holds one
 * connection and waits for an N+1-th that never comes.
 */
export class SecondConnectionError extends Error {
  constructor() {
    super(
      "A second pooled connection was requested inside a transaction: use the transaction's EntityManager (or read the data before the transaction began).",
    );
    this.name = 'SecondConnectionError';
  }
}

interface TxContext {
  readonly runner: QueryRunner | undefined;
}

const context = new AsyncLocalStorage<TxContext>();
const installed = new WeakSet<DataSource>();

/** True while the current async flow runs inside a transaction callback. */
export function insideTransaction(): boolean {
  return context.getStore() !== undefined;
}

/**
 * Marks every transaction callback of `ds` (DataSource.transaction and EntityManager.transaction
 * on its root manager) and checks each new pool checkout: one made from inside a transaction
 * callback is a bug, reported by `onViolation` (mode `log`) or thrown (mode `throw`).
 */
export function installTransactionGuard(
  ds: DataSource,
  mode: TransactionGuardMode,
  onViolation: (err: SecondConnectionError) => void = () => undefined,
): void {
  if (mode === 'off' || installed.has(ds)) return;
  installed.add(ds);
  const manager = ds.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  // DataSource.transaction delegates to manager.transaction; both are covered here.
  (manager as { transaction: unknown }).transaction = (...args: unknown[]) => {
    const fnIndex = typeof args[0] === 'function' ? 0 : 1;
    const fn = args[fnIndex] as (m: EntityManager) => Promise<unknown>;
    const wrapped = [...args];
    wrapped[fnIndex] = (m: EntityManager) => context.run({ runner: m.queryRunner }, () => fn(m));
    return transaction(...wrapped);
  };
  const driver = ds.driver as unknown as { obtainMasterConnection: () => Promise<unknown> };
  const obtain = driver.obtainMasterConnection.bind(driver);
  driver.obtainMasterConnection = () => {
    if (insideTransaction()) {
      const err = new SecondConnectionError();
      if (mode === 'throw') return Promise.reject(err);
      onViolation(err);
    }
    return obtain();
  };
}
