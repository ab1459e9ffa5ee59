import type { PinoLogger } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import { AFTER_COMMIT_TIMEOUT_MS, UnitOfWork } from '../../../src/infra/database/unit-of-work';

/** A UnitOfWork over a fake DataSource whose transaction just runs the callback. */
function unitOfWork(): { uow: UnitOfWork; warnings: string[] } {
  const warnings: string[] = [];
  const db = { transaction: (fn: (m: unknown) => Promise<unknown>) => fn({}) };
  const logger = {
    setContext: () => undefined,
    warn: (_o: unknown, msg: string) => warnings.push(msg),
  };
  return {
    uow: new UnitOfWork(db as unknown as DataSource, logger as unknown as PinoLogger),
    warnings,
  };
}
const hang = () => new Promise<never>(() => undefined);

describe(UnitOfWork.name, () => {
  afterEach(() => jest.useRealTimers());

  it('gives up on all after-commit work within one budget when Redis hangs (not one budget per key)', async () => {
    jest.useFakeTimers();
    const { uow, warnings } = unitOfWork();
    let settled = false;
    const run = uow
      .run(async (tx) => {
        for (let i = 0; i < 20; i++) tx.afterCommit(`outbox:${i}`, hang);
        return 'committed';
      })
      .then((v) => {
        settled = true;
        return v;
      });
    await jest.advanceTimersByTimeAsync(AFTER_COMMIT_TIMEOUT_MS);
    expect(settled).toBe(true);
    await expect(run).resolves.toBe('committed');
    expect(warnings).toContain('after-commit work gave up; the reconciles will redo what is left');
  });

  it('runs every after-commit work once per key, and a failing one fails nothing', async () => {
    const { uow, warnings } = unitOfWork();
    const ran: string[] = [];
    const result = await uow.run(async (tx) => {
      tx.afterCommit('a', async () => ran.push('a'));
      tx.afterCommit('a', async () => ran.push('a again'));
      tx.afterCommit('b', () => Promise.reject(new Error('Command timed out')));
      tx.afterCommit('c', async () => ran.push('c'));
      return 42;
    });
    expect(result).toBe(42);
    expect(ran).toEqual(['a', 'c']);
    expect(warnings).toEqual(['after-commit work failed; the reconcile will redo it']);
  });
});
