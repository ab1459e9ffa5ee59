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
    const result = await this.db.transaction((m) =>
      fn({
        m,
        afterCommit: (key, work) => {
          if (!after.has(key)) after.set(key, work);
        },
      }),
    );
    await this.runAfterCommit(after);
    return result;
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
