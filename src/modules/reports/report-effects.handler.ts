import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '../../infra/config/app-config';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { Tx } from '../../infra/database/unit-of-work';
import { DEADLINE_LABELS, DEADLINE_LABELS_EN } from '../../shared/domain/deadline-kind';
import { AgenciesRepository } from '../agencies/agencies.repository';
import { OutboxService } from '../notifications/outbox.service';
import type { Deadline } from '../timers/deadline.entity';
import type { PlannedEffect } from '../timers/domain/effect-schedule';
import { DeadlineEffectHandlers, type DeadlineEffectHandler } from '../timers/effect-handlers';
import { ReportRecordsRepository } from './report-records.repository';

/**
 * What an annual report's due date means (registered with the timers' port): reminders to the
 * reporting officer before it (D-13), and to the supervisors above when it passed unpublished.
 */
@Injectable()
export class ReportEffectsHandler implements DeadlineEffectHandler, OnModuleInit {
  readonly subject = 'report' as const;

  constructor(
    private readonly registry: DeadlineEffectHandlers,
    private readonly records: ReportRecordsRepository,
    private readonly agencies: AgenciesRepository,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async lockSubject(tx: Tx, reportId: string): Promise<void> {
    await this.records.lockById(tx.m, reportId);
  }

  async perform(tx: Tx, d: Deadline, e: PlannedEffect): Promise<void> {
    const r = await this.records.lockById(tx.m, d.subjectId);
    if (!r || r.version > 0) return;
    const agency = await this.agencies.byId(r.agencyId, tx.m);
    if (!agency) return;
    const q = `year=${r.year}&agencyCode=${encodeURIComponent(agency.code)}&subtree=${r.subtree}`;
    const params = {
      referenceNo: `${r.year}年度`,
      title: `${agency.name}政府信息公开工作年度报告`,
      dueOn: d.dueOn,
      kindLabel: DEADLINE_LABELS[d.kind],
      kindEn: DEADLINE_LABELS_EN[d.kind],
      link: `${this.config.http.publicUrl}/api/v1/reports/annual?${q}&format=html`,
      agencyName: agency.name,
    };
    if (e.effect === 'escalate') {
      for (const to of await this.records.supervisorEmails(tx.m, r.agencyId))
        await this.outbox.write(tx, { template: 'deadline-overdue', to, params });
      return;
    }
    if (!e.effect.startsWith('remind-')) return;
    const workingDaysLeft = Number(e.effect.replace('remind-', ''));
    for (const to of await this.records.reportingOfficerEmails(tx.m, r.agencyId))
      await this.outbox.write(tx, {
        template: 'deadline-reminder',
        to,
        params: { ...params, workingDaysLeft },
      });
  }
}
