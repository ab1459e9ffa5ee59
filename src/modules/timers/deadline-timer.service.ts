import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/app-config';
import { Clock } from '../../infra/clock/clock';
import { MetricsService } from '../../infra/metrics/metrics.service';
import { Agency } from '../agencies/agency.entity';
import { OutboxService } from '../notifications/outbox.service';
import { CaseCalendar } from '../requests/case-calendar';
import { CaseHooks } from '../requests/case-hooks';
import { CaseDeadline } from '../requests/case-deadline.entity';
import { DeadlineSync } from '../requests/deadline-sync.service';
import { RequestCase } from '../requests/request-case.entity';
import { SystemActions } from '../requests/system-actions.service';
import { DEADLINE_LABELS, type DeadlineKind } from './domain/deadline-kind';
import { isSuperseded, momentOf, planEffects, type PlannedEffect } from './domain/effect-schedule';
import { clerksOf, supervisorsOf } from './recipients';

const KIND_EN: Record<DeadlineKind, string> = { reply: 'Reply deadline', correction_notice: 'Correction-notice deadline', correction_period: 'Correction period', consultation: 'Consultation deadline', fee_payment: 'Fee payment deadline', receipt_confirmation: 'Receipt confirmation' };

export type TickOutcome = 'stale' | { fired: string[] };

/**
 * Wakes for one deadline version: performs every planned effect whose moment has come and that
 * has not happened (the effect row's unique key makes it once-only), then arms the next wake-up.
 */
@Injectable()
export class DeadlineTimerService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly calendars: CaseCalendar,
    private readonly system: SystemActions,
    private readonly outbox: OutboxService,
    private readonly sync: DeadlineSync,
    private readonly metrics: MetricsService,
    private readonly hooks: CaseHooks,
  ) {}

  async tick(key: { caseId: string; kind: string; ref: string; version: number }, jobId?: string): Promise<TickOutcome> {
    const outboxIds: string[] = [];
    const fired: string[] = [];
    let tx: EntityManager | undefined;
    const live = await this.db.transaction(async (m) => {
      tx = m;
      const d = await m.getRepository(CaseDeadline).findOne({ where: { caseId: key.caseId, kind: key.kind as DeadlineKind, ref: key.ref }, lock: { mode: 'pessimistic_write' } });
      if (!d || d.status !== 'live' || d.version !== key.version) return null;
      const now = this.clock.now();
      const cal = await this.calendars.forAgency(d.agencyId, m);
      const due = planEffects(cal, d.kind, d.dueOn, this.config.timers.reminderDays).filter((e) => momentOf(e).getTime() <= now.getTime());
      for (const e of due) {
        const late = Math.max(0, Math.round((now.getTime() - momentOf(e).getTime()) / 1000));
        const inserted = await m.query<Array<{ effect: string }>>(
          `INSERT INTO deadline_effect (case_id, kind, ref, version, effect, at, late_seconds) VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT DO NOTHING RETURNING effect`,
          [d.caseId, d.kind, d.ref, d.version, e.effect, now, late],
        );
        if (inserted.length === 0) continue;
        if (isSuperseded(e, due)) continue;
        await this.perform(m, d, e, outboxIds);
        fired.push(e.effect);
        this.metrics.timersFired.inc({ kind: d.kind, effect: e.effect.replace(/\d+$/, 'n') });
        this.metrics.timerLateness.observe({ kind: d.kind }, late);
        // An automatic transition ends or moves this deadline: stop here.
        if (e.effect.startsWith('auto-')) break;
      }
      return d;
    });
    for (const id of [...outboxIds, ...(tx ? this.hooks.take(tx) : [])]) await this.outbox.dispatch(id);
    if (!live) return 'stale';
    // Arm the next wake-up for whatever is live now (this deadline's next effect, or new versions).
    const current = await this.db.getRepository(CaseDeadline).findOneBy({ caseId: key.caseId, kind: key.kind as DeadlineKind, ref: key.ref });
    if (current && current.status === 'live' && current.version === key.version) await this.sync.arm(current, this.clock.now(), jobId);
    await this.sync.armCase(key.caseId);
    return { fired };
  }

  private async perform(m: EntityManager, d: CaseDeadline, e: PlannedEffect, outboxIds: string[]): Promise<void> {
    switch (e.effect) {
      case 'auto-abandon-correction':
        await this.system.abandonCorrection(m, d.caseId);
        return;
      case 'auto-silence':
        await this.system.consultationSilence(m, d.caseId, d.ref);
        return;
      case 'auto-abandon-fee':
        await this.system.abandonUnpaidFee(m, d.caseId, d.ref);
        return;
      case 'escalate':
      case 'alert-unconfirmed':
      default:
        await this.mail(m, d, e, outboxIds);
    }
  }

  /** Reminders go to the assignee (or the agency's clerks); escalations to the supervisors above. */
  private async mail(m: EntityManager, d: CaseDeadline, e: PlannedEffect, outboxIds: string[]): Promise<void> {
    const c = await m.getRepository(RequestCase).findOneByOrFail({ id: d.caseId });
    const agency = await m.getRepository(Agency).findOneByOrFail({ id: d.agencyId });
    const params = { referenceNo: c.referenceNo, title: c.title, dueOn: d.dueOn, kindLabel: DEADLINE_LABELS[d.kind], kindEn: KIND_EN[d.kind], link: `${this.config.http.publicUrl}/api/v1/requests/${c.id}` };
    if (e.effect === 'alert-unconfirmed') {
      for (const to of await clerksOf(m, d.agencyId, null)) outboxIds.push(await this.outbox.write(m, { template: 'receipt-unconfirmed', to, params: { ...params, agencyName: agency.name, submittedAt: c.submittedAt.toISOString() } }));
      return;
    }
    if (e.effect === 'escalate') {
      for (const to of await supervisorsOf(m, d.agencyId)) outboxIds.push(await this.outbox.write(m, { template: 'deadline-overdue', to, params: { ...params, agencyName: agency.name } }));
      return;
    }
    const workingDaysLeft = Number(e.effect.replace('remind-', ''));
    for (const to of await clerksOf(m, d.agencyId, c.assigneeId)) outboxIds.push(await this.outbox.write(m, { template: 'deadline-reminder', to, params: { ...params, workingDaysLeft } }));
  }
}
