import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/app-config';
import { Clock } from '../../infra/clock/clock';
import { addDays } from '../calendar/domain/local-date';
import { OutboxService } from '../notifications/outbox.service';
import { UnitOfWork } from '../../infra/database/unit-of-work';
import { CalendarService } from '../calendar/calendar.service';

interface Supervisor {
  user_id: string;
  email: string;
  path: string;
  agency_id: string;
}

/** Open, received live cases (the one definition of open; imported cases are never supervised). */
const OPEN = `c.status IN ('received', 'in_progress', 'paused', 'correction_requested', 'awaiting_reasons') AND c.source = 'live'`;

/** One daily digest of overdue cases per supervisor (until resolved) and a weekly summary. */
@Injectable()
export class SupervisorDigestService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly calendars: CalendarService,
    private readonly uow: UnitOfWork,
  ) {}

  private supervisors(): Promise<Supervisor[]> {
    return this.db.query<Supervisor[]>(
      `SELECT r.user_id, u.email, a.path, a.id AS agency_id FROM role_assignment r JOIN app_user u ON u.id = r.user_id AND u.active JOIN agency a ON a.id = r.agency_id WHERE r.role = 'supervisor' ORDER BY u.email`,
    );
  }

  /** Sends today's digest to each supervisor with overdue cases (once per day per supervisor). */
  async daily(): Promise<number> {
    const today = this.clock.today();
    let sent = 0;
    for (const s of await this.supervisors()) {
      const rows = await this.db.query<
        Array<{ reference_no: string; title: string; reply_due: string; name: string }>
      >(
        `SELECT c.reference_no, c.title, c.reply_due::text, a.name FROM request_case c JOIN agency a ON a.id = c.agency_id
          WHERE ${OPEN} AND c.reply_due < $1 AND a.path LIKE $2 || '%' ORDER BY c.reply_due LIMIT 200`,
        [today, s.path],
      );
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
    for (const s of await this.supervisors()) {
      const cal = await this.calendars.calendarFor(s.agency_id);
      const soon = cal.addWorkingDays(today, 5).due ?? today;
      const [row] = await this.db.query<
        Array<{ open: number; overdue: number; at_risk: number; replied: number; on_time: number }>
      >(
        `SELECT count(*) FILTER (WHERE ${OPEN})::int AS open,
                count(*) FILTER (WHERE ${OPEN} AND c.reply_due < $1)::int AS overdue,
                count(*) FILTER (WHERE ${OPEN} AND c.reply_due >= $1 AND c.reply_due <= $3)::int AS at_risk,
                count(*) FILTER (WHERE c.source = 'live' AND c.conclusion_type IS NOT NULL AND c.concluded_on >= $4 AND c.concluded_on < $1)::int AS replied,
                count(*) FILTER (WHERE c.source = 'live' AND c.conclusion_type IS NOT NULL AND c.concluded_on >= $4 AND c.concluded_on < $1 AND c.on_time)::int AS on_time
           FROM request_case c JOIN agency a ON a.id = c.agency_id WHERE a.path LIKE $2 || '%'`,
        [today, s.path, soon, weekStart],
      );
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
      const rows = await tx.m.query<unknown[]>(
        `INSERT INTO notification_log (key, at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING key`,
        [key, this.clock.now()],
      );
      if (rows.length === 0) return false;
      await this.outbox.write(tx, mail);
      return true;
    });
  }
}
