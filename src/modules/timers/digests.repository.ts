import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface Supervisor {
  user_id: string;
  email: string;
  path: string;
  agency_id: string;
}

/** Open, received live cases (the one definition of open; imported cases are never supervised). */
const OPEN = `c.status IN ('received', 'in_progress', 'paused', 'correction_requested', 'awaiting_reasons') AND c.source = 'live'`;

/** What the supervisor digests read, and their once-a-day log. */
@Injectable()
export class DigestsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  supervisors(): Promise<Supervisor[]> {
    return this.db.query<Supervisor[]>(
      `SELECT r.user_id, u.email, a.path, a.id AS agency_id FROM role_assignment r JOIN app_user u ON u.id = r.user_id AND u.active JOIN agency a ON a.id = r.agency_id WHERE r.role = 'supervisor' ORDER BY u.email`,
    );
  }

  /** Open cases of the subtree past their due date, oldest first. */
  overdueIn(
    path: string,
    today: string,
  ): Promise<Array<{ reference_no: string; title: string; reply_due: string; name: string }>> {
    return this.db.query(
      `SELECT c.reference_no, c.title, c.reply_due::text, a.name FROM request_case c JOIN agency a ON a.id = c.agency_id
        WHERE ${OPEN} AND c.reply_due < $1 AND a.path LIKE $2 || '%' ORDER BY c.reply_due LIMIT 200`,
      [today, path],
    );
  }

  /** The week's figures of the subtree: open, overdue, at risk, concluded by a reply, on time. */
  async weekIn(
    path: string,
    today: string,
    soon: string,
    weekStart: string,
  ): Promise<{ open: number; overdue: number; at_risk: number; replied: number; on_time: number }> {
    const [row] = await this.db.query<
      Array<{ open: number; overdue: number; at_risk: number; replied: number; on_time: number }>
    >(
      `SELECT count(*) FILTER (WHERE ${OPEN})::int AS open,
              count(*) FILTER (WHERE ${OPEN} AND c.reply_due < $1)::int AS overdue,
              count(*) FILTER (WHERE ${OPEN} AND c.reply_due >= $1 AND c.reply_due <= $3)::int AS at_risk,
              count(*) FILTER (WHERE c.source = 'live' AND c.conclusion_type IS NOT NULL AND c.concluded_on >= $4 AND c.concluded_on < $1)::int AS replied,
              count(*) FILTER (WHERE c.source = 'live' AND c.conclusion_type IS NOT NULL AND c.concluded_on >= $4 AND c.concluded_on < $1 AND c.on_time)::int AS on_time
         FROM request_case c JOIN agency a ON a.id = c.agency_id WHERE a.path LIKE $2 || '%'`,
      [today, path, soon, weekStart],
    );
    return row;
  }

  /** Records that `key` was sent; false when it already was (once per supervisor and day). */
  async markSent(m: EntityManager, key: string, at: Date): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO notification_log (key, at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING key`,
      [key, at],
    );
    return rows.length > 0;
  }
}
