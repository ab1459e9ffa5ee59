import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/app-config';
import { Clock } from '../../infra/clock/clock';
import { addDays } from '../calendar/domain/local-date';
import { OutboxService } from '../notifications/outbox.service';
import { UnitOfWork } from '../../infra/database/unit-of-work';
import { CalendarService } from '../calendar/calendar.service';
import { DigestsRepository } from './digests.repository';

/** One daily digest of overdue cases per supervisor (until resolved) and a weekly summary. */
@Injectable()
export class SupervisorDigestService {
  constructor(
    private readonly digests: DigestsRepository,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly calendars: CalendarService,
    private readonly uow: UnitOfWork,
  ) {}

  /** Sends today's digest to each supervisor with overdue cases (once per day per supervisor). */
  async daily(): Promise<number> {
    const today = this.clock.today();
    let sent = 0;
    for (const s of await this.digests.supervisors()) {
      const rows = await this.digests.overdueIn(s.path, today);
      if (rows.length === 0) continue;
      const lines = rows
        .map((r) => `${r.reference_no}  ${r.reply_due}  ${r.name}  ${r.title}`)
        .join('\n');
      if (
        await this.once(`digest:${s.user_id}:${today}`, {
          template: 'supervisor-digest',
          to: s.email,
          params: {
            date: today,
            count: rows.length,
            lines,
            link: `${this.config.http.publicUrl}/api/v1/supervision/overdue`,
          },
        })
      )
        sent++;
    }
    return sent;
  }

  /** Monday summary: open, overdue, at risk (due within 5 WD) and last week's replies. */
  async weekly(): Promise<number> {
    const today = this.clock.today();
    const weekStart = addDays(today, -7);
    let sent = 0;
    for (const s of await this.digests.supervisors()) {
      const cal = await this.calendars.calendarFor(s.agency_id);
      const soon = cal.addWorkingDays(today, 5).due ?? today;
      const row = await this.digests.weekIn(s.path, today, soon, weekStart);
      const params = {
        week: `${weekStart}–${addDays(today, -1)}`,
        open: row.open,
        overdue: row.overdue,
        atRisk: row.at_risk,
        replied: row.replied,
        onTime: row.on_time,
        link: `${this.config.http.publicUrl}/api/v1/supervision/overdue`,
      };
      if (
        await this.once(`weekly:${s.user_id}:${today}`, {
          template: 'supervisor-weekly',
          to: s.email,
          params,
        })
      )
        sent++;
    }
    return sent;
  }

  /** Writes the log key and the outbox row in one transaction; false when already sent. */
  private async once(
    key: string,
    mail: { template: string; to: string; params: Record<string, string | number> },
  ): Promise<boolean> {
    return this.uow.run(async (tx) => {
      if (!(await this.digests.markSent(tx.m, key, this.clock.now()))) return false;
      await this.outbox.write(tx, mail);
      return true;
    });
  }
}
