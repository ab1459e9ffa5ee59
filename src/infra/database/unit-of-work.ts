import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PinoLogger } from 'nestjs-pino';
import { DataSource, type EntityManager } from 'typeorm';

/** After-commit work gives up after this long; the reconciles re-do what it did not finish. */
export const AFTER_COMMIT_TIMEOUT_MS = 1_000;

/** One database transaction and the work it leaves for after its COMMIT. */
export interface Tx {
  readonly m: EntityManager;
  /**
   * Runs `work` after COMMIT, once per `key` (arm these deadline versions, dispatch this outbox
   * row, …). Never run when the transaction rolls back. A failure or a wait beyond
   * AFTER_COMMIT_TIMEOUT_MS is logged and left to the reconciles: the change is committed, so the
   * caller's request does not fail.
   */
  afterCommit(key: string, work: () => Promise<unknown>): void;
}

/** A rehearsal in progress: what to read inside the transaction before it is rolled back. */
interface Rehearsal {
  probe: (m: EntityManager) => Promise<unknown>;
}
const rehearsals = new AsyncLocalStorage<Rehearsal>();

/** Carries a rehearsal's reading out of the transaction it rolls back. */
class Rehearsed extends Error {
  constructor(readonly reading: unknown) {
    super('rehearsal rolled back');
  }
}

/**
 * The one unit of work of every case change (intake, each action, the timers, the calendar
 * recompute) and of every other change that writes mail: a transaction plus what must run after
 * it commits, collected while it runs.
 */
@Injectable()
export class UnitOfWork {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(UnitOfWork.name);
  }

  async run<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const after = new Map<string, () => Promise<unknown>>();
    const rehearsal = rehearsals.getStore();
    const result = await this.db.transaction(async (m) => {
      const out = await fn({
        m,
        afterCommit: (key, work) => {
          if (!after.has(key)) after.set(key, work);
        },
      });
      // A rehearsal reads what the change wrote, then rolls it all back (nothing runs after).
      if (rehearsal) throw new Rehearsed(await rehearsal.probe(m));
      return out;
    });
    await this.runAfterCommit(after);
    return result;
  }

  /**
   * Runs `work` — a service call that opens one unit of work — with every rule and statement of
   * the real change, reads `probe` inside its transaction, and rolls the transaction back:
   * nothing is committed and no after-commit work runs (a letter's preview, exactly as the
   * action would issue it). A refusal of the change is thrown as it would be.
   */
  async rehearse<P>(
    work: () => Promise<unknown>,
    probe: (m: EntityManager) => Promise<P>,
  ): Promise<P> {
    try {
      await rehearsals.run({ probe }, work);
    } catch (err) {
      if (err instanceof Rehearsed) return err.reading as P;
      throw err;
    }
    throw new Error('the rehearsed work opened no unit of work');
  }

  /**
   * Reads outside any transaction (each statement takes a pooled connection for itself), for
   * read paths that hand a manager to repositories and access checks.
   */
  read<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return fn(this.db.manager);
  }

  /**
   * The after-commit work of one transaction shares one budget of AFTER_COMMIT_TIMEOUT_MS (not one
   * each: with Redis down, twenty outbox rows must not hold the request for twenty seconds). Work
   * not finished within it is logged and left to the reconciles; work not started is skipped.
   */
  private async runAfterCommit(after: Map<string, () => Promise<unknown>>): Promise<void> {
    if (after.size === 0) return;
    const keys = [...after.keys()];
    let timer: NodeJS.Timeout | undefined;
    let expired = false;
    const budget = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => {
        expired = true;
        resolve('expired');
      }, AFTER_COMMIT_TIMEOUT_MS);
    });
    let done = 0;
    try {
      for (const [key, work] of after) {
        if (expired) break;
        const guarded = Promise.resolve()
          .then(work)
          .catch((err: unknown) => {
            this.logger.warn({ err, key }, 'after-commit work failed; the reconcile will redo it');
          });
        if ((await Promise.race([guarded, budget])) === 'expired') break;
        done++;
      }
    } finally {
      clearTimeout(timer);
    }
    if (done < keys.length) {
      this.logger.warn(
        { left: keys.slice(done), budgetMs: AFTER_COMMIT_TIMEOUT_MS },
        'after-commit work gave up; the reconciles will redo what is left',
      );
    }
  }
}
