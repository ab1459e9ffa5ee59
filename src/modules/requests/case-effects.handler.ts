import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '../../infra/config/app-config';
import { APP_CONFIG } from '../../infra/config/config.module';
import { UnitOfWork, type Tx } from '../../infra/database/unit-of-work';
import { OutboxService } from '../notifications/outbox.service';
import type { Deadline } from '../timers/deadline.entity';
import { DEADLINE_LABELS, DEADLINE_LABELS_EN } from '../../shared/domain/deadline-kind';
import type { PlannedEffect } from '../timers/domain/effect-schedule';
import { DeadlineEffectHandlers, type DeadlineEffectHandler } from '../timers/effect-handlers';
import { CaseChanges } from './case-changes.service';
import { CasesRepository } from './cases.repository';
import { OPEN_STATUSES } from './domain/case-status';
import type { RequestCase } from './request-case.entity';
import { SystemActions } from './system-actions.service';

/**
 * What a case's deadline effects mean (registered with the timers' port): the automatic
 * transitions of the law, and reminders and escalations by e-mail; and the recompute of every
 * open case after a calendar change.
 */
@Injectable()
export class CaseEffectsHandler implements DeadlineEffectHandler, OnModuleInit {
  readonly subject = 'case' as const;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly handlers: DeadlineEffectHandlers,
    private readonly uow: UnitOfWork,
    private readonly cases: CasesRepository,
    private readonly changes: CaseChanges,
    private readonly system: SystemActions,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  async lockSubject(tx: Tx, caseId: string): Promise<void> {
    await this.cases.lockForAction(tx.m, caseId);
  }

  async perform(tx: Tx, d: Deadline, e: PlannedEffect): Promise<void> {
    const c = await this.cases.lockForAction(tx.m, d.subjectId);
    if (!c || c.source === 'import') return;
    switch (e.effect) {
      case 'auto-abandon-correction':
        await this.system.abandonCorrectionOf(tx, c, SystemActions.SYSTEM);
        return;
      case 'auto-silence':
        await this.system.consultationSilence(tx, c, d.ref);
        return;
      case 'auto-abandon-fee':
        await this.system.abandonUnpaidFeeOf(tx, c, SystemActions.SYSTEM, { feeNoticeId: d.ref });
        return;
      case 'auto-deem-accept':
      case 'alert-decision-overdue':
        return; // remedies' effects: never planned for a case
      case 'escalate':
      case 'alert-unconfirmed':
      default:
        await this.mail(tx, c, d, e);
    }
  }

  /** Reminders go to the assignee (or the agency's clerks); escalations to the supervisors above. */
  private async mail(tx: Tx, c: RequestCase, d: Deadline, e: PlannedEffect): Promise<void> {
    const agency = await this.cases.agencyOf(tx.m, c);
    const params = {
      referenceNo: c.referenceNo,
      title: c.title,
      dueOn: d.dueOn,
      kindLabel: DEADLINE_LABELS[d.kind],
      kindEn: DEADLINE_LABELS_EN[d.kind],
      link: `${this.config.http.publicUrl}/api/v1/requests/${c.id}`,
    };
    if (e.effect === 'alert-unconfirmed') {
      for (const to of await this.cases.clerkEmails(tx.m, d.agencyId, null)) {
        await this.outbox.write(tx, {
          template: 'receipt-unconfirmed',
          to,
          params: { ...params, agencyName: agency.name, submittedAt: c.submittedAt.toISOString() },
        });
      }
      return;
    }
    if (e.effect === 'escalate') {
      for (const to of await this.cases.supervisorEmails(tx.m, d.agencyId)) {
        await this.outbox.write(tx, {
          template: 'deadline-overdue',
          to,
          params: { ...params, agencyName: agency.name },
        });
      }
      return;
    }
    const workingDaysLeft = Number(e.effect.replace('remind-', ''));
    for (const to of await this.cases.clerkEmails(tx.m, d.agencyId, c.assigneeId)) {
      await this.outbox.write(tx, {
        template: 'deadline-reminder',
        to,
        params: { ...params, workingDaysLeft },
      });
    }
  }

  /**
   * R-WD-04: every open live case (and every online submission awaiting confirmation, whose D-2
   * date moves too) is recomputed; each due date that moves is recorded as an event with the old
   * and new values, and its timers are re-armed after commit. One unit of work per batch of 200, whose rows
   * are locked in one statement.
   */
  async recompute(changeId: string): Promise<{ checked: number; moved: number }> {
    let checked = 0;
    let moved = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const ids = await this.cases.openLiveIds(after, 200, OPEN_STATUSES);
      if (ids.length === 0) return { checked, moved };
      after = ids[ids.length - 1];
      moved += await this.uow.run(async (tx) => {
        let n = 0;
        // The batch's rows locked in one statement (id order, as the page was read).
        for (const c of await this.cases.lockManyForAction(tx.m, ids)) {
          checked++;
          const diff = await this.changes.recompute(tx, c);
          if (!diff) continue;
          n++;
          await this.changes.note(tx, c, {
            actorId: null,
            actor: 'system',
            action: 'deadlines_recomputed',
            reason: `calendar change ${changeId}`,
            payload: { changeId, before: diff.before, after: diff.after },
          });
        }
        return n;
      });
    }
  }
}
