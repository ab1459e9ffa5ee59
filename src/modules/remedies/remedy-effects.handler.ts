import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '../../infra/config/app-config';
import { APP_CONFIG } from '../../infra/config/config.module';
import { UnitOfWork, type Tx } from '../../infra/database/unit-of-work';
import { DEADLINE_LABELS, DEADLINE_LABELS_EN } from '../../shared/domain/deadline-kind';
import { OutboxService } from '../notifications/outbox.service';
import { CasesRepository } from '../requests/cases.repository';
import type { Deadline } from '../timers/deadline.entity';
import type { PlannedEffect } from '../timers/domain/effect-schedule';
import { DeadlineEffectHandlers, type DeadlineEffectHandler } from '../timers/effect-handlers';
import { KIND_LABELS } from './domain/remedy';
import { RemediesRepository } from './remedies.repository';
import { RemedyActions } from './remedy-actions.service';
import { RemedyDeadlines } from './remedy-deadlines';
import type { Remedy } from './remedy.entity';

/**
 * What a remedy's deadline effects mean (registered with the timers' port): deemed acceptance
 * when the body's review lapses (R-RV-08); reminders to the clerks before the agency's own
 * answer is due (and escalation after), an alert when the body's decision period passed; and
 * the recompute of every running remedy after a calendar change.
 */
@Injectable()
export class RemedyEffectsHandler implements DeadlineEffectHandler, OnModuleInit {
  readonly subject = 'remedy' as const;

  constructor(
    private readonly registry: DeadlineEffectHandlers,
    private readonly remedies: RemediesRepository,
    private readonly actions: RemedyActions,
    private readonly deadlines: RemedyDeadlines,
    private readonly cases: CasesRepository,
    private readonly outbox: OutboxService,
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async lockSubject(tx: Tx, remedyId: string): Promise<void> {
    await this.remedies.lockForAction(tx.m, remedyId);
  }

  async perform(tx: Tx, d: Deadline, e: PlannedEffect): Promise<void> {
    const r = await this.remedies.lockForAction(tx.m, d.subjectId);
    if (!r || r.source === 'import') return;
    if (e.effect === 'auto-deem-accept') return this.actions.deemAccept(tx, r);
    if (e.effect.startsWith('auto-')) return;
    await this.mail(tx, r, d, e);
  }

  private async mail(tx: Tx, r: Remedy, d: Deadline, e: PlannedEffect): Promise<void> {
    const c = await this.cases.lockForAction(tx.m, r.caseId);
    if (!c) return;
    const agency = await this.cases.agencyOf(tx.m, c);
    const params = {
      referenceNo: `${c.referenceNo} ${KIND_LABELS[r.kind]}${r.bodyCaseNo ? ` ${r.bodyCaseNo}` : ''}`,
      title: `${r.bodyName} · ${c.title}`,
      dueOn: d.dueOn,
      kindLabel: DEADLINE_LABELS[d.kind],
      kindEn: DEADLINE_LABELS_EN[d.kind],
      link: `${this.config.http.publicUrl}/api/v1/remedies/${r.id}`,
      agencyName: agency.name,
    };
    const overdue = e.effect === 'escalate' || e.effect === 'alert-decision-overdue';
    const to = overdue
      ? [
          ...new Set([
            ...(await this.cases.clerkEmails(tx.m, d.agencyId, c.assigneeId)),
            ...(await this.cases.supervisorEmails(tx.m, d.agencyId)),
          ]),
        ]
      : await this.cases.clerkEmails(tx.m, d.agencyId, c.assigneeId);
    for (const address of to) {
      await this.outbox.write(tx, {
        template: overdue ? 'deadline-overdue' : 'deadline-reminder',
        to: address,
        params: overdue
          ? params
          : { ...params, workingDaysLeft: Number(e.effect.replace('remind-', '')) },
      });
    }
  }

  /** R-WD-04: every running remedy's dates are recomputed and re-armed. */
  async recompute(): Promise<{ checked: number; moved: number }> {
    let checked = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const ids = await this.remedies.openLiveIds(after, 200);
      if (ids.length === 0) return { checked, moved: 0 };
      after = ids[ids.length - 1];
      await this.uow.run(async (tx) => {
        for (const id of ids) {
          const r = await this.remedies.lockForAction(tx.m, id);
          if (!r) continue;
          checked++;
          await this.deadlines.sync(tx, r);
        }
      });
    }
  }
}
