import { Injectable } from '@nestjs/common';
import { UnitOfWork, type Tx } from '../../infra/database/unit-of-work';
import type { Principal } from '../access/domain/principal';
import { CaseAccess, type CaseHandle } from './case-access.service';
import { caseRefusal } from './case-changes.service';
import { STATUS_LABELS, ACTION_LABELS, transition, type CaseAction } from './domain/case-status';

export interface ActionOptions {
  /** If-Match: the case version the caller last saw; a different current version is a 409. */
  expectedVersion?: number;
}

/**
 * Runs every case action: one unit of work, the case loaded and locked, the If-Match check, and
 * the transition table asked first — a state or a role that does not allow the action is refused
 * (409 / 403) before any rule of the action runs.
 */
@Injectable()
export class CaseActions {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: CaseAccess,
  ) {}

  run<T>(
    principal: Principal,
    id: string,
    action: CaseAction,
    opts: ActionOptions & { applicantAllowed?: boolean; prefer?: 'clerk' | 'supervisor' },
    fn: (tx: Tx, h: CaseHandle) => Promise<T>,
  ): Promise<T> {
    return this.uow.run(async (tx) => {
      const h = await this.access.load(tx.m, principal, id, {
        lock: true,
        applicantAllowed: opts.applicantAllowed ?? false,
        prefer: opts.prefer,
      });
      if (opts.expectedVersion !== undefined && opts.expectedVersion !== h.c.version)
        throw caseRefusal(h.c, 'stale-version');
      const t = transition(h.c.status, action, h.actor);
      if (!t.ok) {
        const labels = {
          status: h.c.status,
          statusLabel: STATUS_LABELS[h.c.status],
          action,
          actionLabel: ACTION_LABELS[action],
        };
        throw caseRefusal(h.c, t.reason, labels);
      }
      return fn(tx, h);
    });
  }
}
