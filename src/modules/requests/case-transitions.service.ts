import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../infra/clock/clock';
import { AppError, ErrorCode } from '../../infra/http/domain-error';
import { CaseDeadlinesService } from './case-deadlines.service';
import { CaseEvent } from './case-event.entity';
import { CaseHooks } from './case-hooks';
import { DeadlineSync } from './deadline-sync.service';
import { nextStatus, TransitionError, type Actor, type CaseAction, type CaseStatus } from './domain/case-status';
import { RequestCase } from './request-case.entity';

export interface TransitionSpec {
  action: CaseAction;
  actor: Actor;
  actorId: string | null;
  reason?: string | null;
  payload?: Record<string, unknown>;
  /** Open pauses after the action (consultations or fee notice not yet ended). */
  openPauses?: number;
  /** Changes to the case made by the action, applied before deadlines are recomputed. */
  mutate?: (c: RequestCase) => void;
}

/**
 * The one way a case changes: check the transition table, apply the change, recompute the
 * deadlines, save (optimistic version) and write the event row — all in the caller's transaction.
 */
@Injectable()
export class CaseTransitions {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    private readonly deadlines: CaseDeadlinesService,
    private readonly sync: DeadlineSync,
    private readonly hooks: CaseHooks,
  ) {}

  async apply(m: EntityManager, c: RequestCase, spec: TransitionSpec): Promise<RequestCase> {
    const from: CaseStatus = c.status;
    let to: CaseStatus;
    try {
      to = nextStatus(from, spec.action, spec.actor, { openPauses: spec.openPauses ?? 0, assigned: c.assigneeId !== null });
    } catch (err) {
      if (err instanceof TransitionError) throw conflict(c, err.message, err.reason);
      throw err;
    }
    spec.mutate?.(c);
    c.status = to;
    const moved = await this.deadlines.refresh(m, c);
    await m.getRepository(RequestCase).save(c);
    await this.sync.sync(m, c);
    await m.insert(CaseEvent, {
      year: c.year,
      caseId: c.id,
      at: this.clock.now(),
      actorId: spec.actorId,
      actorRole: spec.actor,
      action: spec.action,
      fromStatus: from,
      toStatus: to,
      reason: spec.reason ?? null,
      payload: { ...(spec.payload ?? {}), ...(moved ? { deadlines: moved } : {}) } as never,
    });
    await this.hooks.run(m, c, spec.action, spec.payload ?? {});
    return c;
  }

  /** An event that changes no status (an attachment, a letter sent). */
  async note(m: EntityManager, c: RequestCase, e: { actorId: string | null; actor: Actor; action: string; payload?: Record<string, unknown> }): Promise<void> {
    await m.insert(CaseEvent, {
      year: c.year,
      caseId: c.id,
      at: this.clock.now(),
      actorId: e.actorId,
      actorRole: e.actor,
      action: e.action,
      fromStatus: c.status,
      toStatus: c.status,
      reason: null,
      payload: (e.payload ?? {}) as never,
    });
  }
}

/** 409 with the case's current state, so the client can refresh and decide again. */
export function conflict(c: RequestCase, message: string, reason: 'state' | 'actor' | 'version' = 'state'): AppError {
  if (reason === 'actor') return new AppError(ErrorCode.Forbidden, message);
  return new AppError(ErrorCode.Conflict, message, [], { current: { status: c.status, version: c.version, replyDue: c.replyDue } });
}
