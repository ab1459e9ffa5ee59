import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '../../infra/config/app-config';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { Tx } from '../../infra/database/unit-of-work';
import { DEADLINE_LABELS, DEADLINE_LABELS_EN } from '../../shared/domain/deadline-kind';
import { AgenciesRepository } from '../agencies/agencies.repository';
import { OutboxService } from '../notifications/outbox.service';
import { DeadlineBook } from '../timers/deadline-book.service';
import type { Deadline } from '../timers/deadline.entity';
import { DeadlinesRepository, type Cursor } from '../timers/deadlines.repository';
import type { PlannedEffect } from '../timers/domain/effect-schedule';
import { DeadlineEffectHandlers, type DeadlineEffectHandler } from '../timers/effect-handlers';
import { ReportRecordsRepository } from './report-records.repository';

/** Report deadlines re-armed per page after a calendar change. */
const PAGE = 200;

/**
 * What an annual report's due date means (registered with the timers' port): reminders to the
 * reporting officer before it (D-13), and to the supervisors above when it passed unpublished;
 * after a calendar change, the wake-ups re-armed for the working days it now targets.
 */
@Injectable()
export class ReportEffectsHandler implements DeadlineEffectHandler, OnModuleInit {
  readonly subject = 'report' as const;

  constructor(
    private readonly registry: DeadlineEffectHandlers,
    private readonly records: ReportRecordsRepository,
    private readonly agencies: AgenciesRepository,
    private readonly outbox: OutboxService,
    private readonly deadlines: DeadlinesRepository,
    private readonly book: DeadlineBook,
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

  /**
   * R-WD-04 for D-13: the legal due date stays (31 Jan / 31 Mar), but the days its reminders
   * and escalation fall on are working days — the last working day on or before it, counted
   * back, and the next one after — so a holiday notice or an override can move them. Each live
   * report deadline is armed again at its next moment under the new calendar (same version:
   * what already fired stays fired); a wake-up left at the old moment finds nothing due and
   * re-arms. No due date moves (`moved` is 0).
   */
  async recompute(): Promise<{ checked: number; moved: number }> {
    let checked = 0;
    // Keyset paging from the first report deadline ('report' sorts after 'case' and 'remedy').
    let after: Cursor = ['report', '00000000-0000-0000-0000-000000000000', '', ''];
    for (;;) {
      const page = await this.deadlines.livePage(after, PAGE, false);
      const mine = page.filter((d) => d.subjectType === 'report');
      for (const d of mine) await this.book.arm(d);
      checked += mine.length;
      if (page.length < PAGE || mine.length < page.length) return { checked, moved: 0 };
      const last = page[page.length - 1];
      after = [last.subjectType, last.subjectId, last.kind, last.ref];
    }
  }
}
