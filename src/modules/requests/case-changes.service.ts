import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../infra/clock/clock';
import type { Tx } from '../../infra/database/unit-of-work';
import type { MessageParams } from '../../shared/i18n/messages';
import type { ReasonCode } from '../../shared/domain/reason-code';
import { Refusal, type Decision } from '../../shared/domain/refusal';
import { CaseClock } from './case-clock.service';
import { CaseDeadlines } from './case-deadlines';
import { CasesRepository, openPauses, type CaseLedger, type NewEvent } from './cases.repository';
import { nextStatus, type Actor, type CaseAction, type CaseStatus } from './domain/case-status';
import type { RequestCase } from './request-case.entity';

export interface ChangeSpec {
  readonly action: CaseAction;
  readonly actor: Actor;
  readonly actorId: string | null;
  readonly reason?: string | null;
  readonly payload?: Record<string, unknown>;
  /**
   * The clock ledger when the action already read it in this unit of work and changed none of
   * its rows since (saves the second read).
   */
  readonly ledger?: CaseLedger;
  /** Changes to the case made by the action, applied before the dates are recomputed. */
  readonly mutate?: (c: RequestCase) => void;
}

/** A refusal that carries the case's current state (409s let the client refresh and decide again). */
export function caseRefusal(c: RequestCase, code: ReasonCode, params: MessageParams = {}): Refusal {
  return new Refusal(code, params, [], {
    current: { status: c.status, version: c.version, replyDue: c.replyDue },
  });
}

/**
 * The value of an allowed decision, or its refusal thrown — with the case's current state when
 * it is about the case (not about one input field).
 */
export function decidedFor<T>(c: RequestCase, d: Decision<T>): T {
  if (d.ok) return d.value;
  throw d.refusal.fieldErrors.length ? d.refusal : caseRefusal(c, d.refusal.code, d.refusal.params);
}

/**
 * A change applied to the case and its deadline rows whose event row is still to be written —
 * by the letter it issues, in the same statement as the letter (`CaseLetters.issue`).
 */
export interface HeldChange {
  /** The event rows of the change (and of any change held before it in the same action). */
  readonly events: ReadonlyArray<NewEvent & { readonly at: Date }>;
  /** The clock ledger the change was computed from (read once per action). */
  readonly ledger: CaseLedger;
}

/**
 * The one way a case changes: check the transition table, apply the change, recompute the dates
 * with the engine, save (optimistic version), keep the deadline rows in step and write the event
 * row — all in the caller's unit of work, whose after-commit work arms the timers.
 */
@Injectable()
export class CaseChanges {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    private readonly cases: CasesRepository,
    private readonly caseClock: CaseClock,
    private readonly deadlines: CaseDeadlines,
  ) {}

  async apply(tx: Tx, c: RequestCase, spec: ChangeSpec): Promise<RequestCase> {
    const { events } = await this.applyHeld(tx, c, spec);
    for (const e of events) await this.cases.insertEvent(tx.m, c, e.at, e);
    return c;
  }

  /**
   * `apply` without writing the event row: the caller hands the held change to the letter the
   * action issues (`CaseLetters.issue(…, { change })`), which writes both events, the letter and
   * its e-mail in one statement. `after`: a change held before in the same action whose case
   * was not saved yet (`save: false`): its event comes first, and this change saves both.
   * `save: false`: the transition and its event only — the next change of the action saves the
   * case and recomputes its dates once for both (its event lists the deadlines that moved).
   */
  async applyHeld(
    tx: Tx,
    c: RequestCase,
    spec: ChangeSpec,
    opts: { save?: boolean; after?: HeldChange } = {},
  ): Promise<HeldChange> {
    const ledger = spec.ledger ?? (await this.cases.ledger(tx.m, c.id));
    const from: CaseStatus = c.status;
    let to: CaseStatus;
    try {
      to = nextStatus(from, spec.action, spec.actor, {
        openPauses: openPauses(ledger),
        assigned: c.assigneeId !== null,
      });
    } catch (err) {
      if (err instanceof Refusal) throw caseRefusal(c, err.code, err.params);
      throw err;
    }
    spec.mutate?.(c);
    c.status = to;
    const moved = opts.save === false ? null : await this.recompute(tx, c, ledger);
    const event = {
      at: this.clock.now(),
      actorId: spec.actorId,
      actor: spec.actor,
      action: spec.action,
      fromStatus: from,
      toStatus: to,
      reason: spec.reason ?? null,
      payload: { ...(spec.payload ?? {}), ...(moved ? { deadlines: moved } : {}) },
    };
    return { events: [...(opts.after?.events ?? []), event], ledger };
  }

  /** Recomputes the dates, saves the case and its deadline rows; returns what moved. */
  async recompute(tx: Tx, c: RequestCase, ledger?: CaseLedger) {
    const l = ledger ?? (await this.cases.ledger(tx.m, c.id));
    const cal = await this.caseClock.calendarOf(tx.m, c);
    const moved = this.caseClock.refresh(cal, c, l);
    await this.cases.update(tx.m, c);
    await this.deadlines.sync(tx, cal, c, l);
    return moved;
  }

  /** An event that changes no status (a letter issued, an attachment, a recompute). */
  async note(
    tx: Tx,
    c: RequestCase,
    e: {
      actorId: string | null;
      actor: Actor;
      action: string;
      reason?: string | null;
      payload?: Record<string, unknown>;
    },
  ): Promise<void> {
    await this.cases.insertEvent(tx.m, c, this.clock.now(), {
      ...e,
      fromStatus: c.status,
      toStatus: c.status,
    });
  }
}
