import { Injectable } from '@nestjs/common';
import type { Tx } from '../../infra/database/unit-of-work';
import type { Deadline } from './deadline.entity';
import type { DeadlineSubject } from '../../shared/domain/deadline-kind';
import type { PlannedEffect } from './domain/effect-schedule';

/**
 * The port through which the owners of deadlines (cases now; remedies and reports later) act
 * when a deadline's effect comes due. Timers own the rows, the schedule, the wake-ups and the
 * once-only bookkeeping; a handler only does what the effect means for its subject.
 */
export interface DeadlineEffectHandler {
  readonly subject: DeadlineSubject;
  /**
   * Locks the subject before the tick locks its deadline row. Owners change a subject under its
   * lock and then write its deadlines, so the tick takes the locks in the same order (subject,
   * then deadline): no deadlock between a wake-up and a concurrent change.
   */
  lockSubject(tx: Tx, subjectId: string): Promise<void>;
  /**
   * Performs one planned effect inside the tick's unit of work. The effect row is already
   * inserted in the same transaction, so a repeated wake-up never performs it twice. A handler
   * may change the subject (and so its deadlines): the tick then stops for this version.
   */
  perform(tx: Tx, deadline: Deadline, effect: PlannedEffect): Promise<void>;
  /** After a calendar change (R-WD-04): recompute the subject type's dates; optional. */
  recompute?(changeId: string): Promise<{ checked: number; moved: number }>;
}

/** Where handlers register (in onModuleInit); the timer looks them up by subject. */
@Injectable()
export class DeadlineEffectHandlers {
  private readonly handlers = new Map<DeadlineSubject, DeadlineEffectHandler>();

  register(handler: DeadlineEffectHandler): void {
    if (this.handlers.has(handler.subject))
      throw new Error(`a deadline handler for ${handler.subject} is already registered`);
    this.handlers.set(handler.subject, handler);
  }

  for(subject: DeadlineSubject): DeadlineEffectHandler {
    const h = this.handlers.get(subject);
    if (!h) throw new Error(`no deadline handler for subject ${subject}`);
    return h;
  }

  all(): DeadlineEffectHandler[] {
    return [...this.handlers.values()];
  }
}
