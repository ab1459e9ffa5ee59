import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestCase } from './request-case.entity';

/** Runs inside the case's transaction; returns outbox ids to dispatch after commit. */
export type CaseHook = (m: EntityManager, c: RequestCase, action: string, payload: Record<string, unknown>) => Promise<string[]>;

/**
 * Extension point for other modules (e.g. letters by e-mail) to act on every case change in the
 * same transaction. Outbox rows they write are dispatched after the transaction commits.
 */
@Injectable()
export class CaseHooks {
  private readonly hooks: CaseHook[] = [];
  private readonly pending = new WeakMap<EntityManager, string[]>();

  register(hook: CaseHook): void {
    this.hooks.push(hook);
  }

  async run(m: EntityManager, c: RequestCase, action: string, payload: Record<string, unknown> = {}): Promise<void> {
    for (const hook of this.hooks) {
      const ids = await hook(m, c, action, payload);
      if (ids.length) this.pending.set(m, [...(this.pending.get(m) ?? []), ...ids]);
    }
  }

  /** The outbox ids written in the transaction of `m` (call after commit, then dispatch). */
  take(m: EntityManager): string[] {
    const ids = this.pending.get(m) ?? [];
    this.pending.delete(m);
    return ids;
  }
}
