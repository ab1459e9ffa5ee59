import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { entitiesOf } from '../../infra/database/raw-rows';
import { MailOutbox } from './mail-outbox.entity';

export interface OutboxCursor {
  createdAt: string;
  id: string;
}

/** What a new outbox row is written with (the other columns take their defaults). */
export type OutboxRow = Pick<
  MailOutbox,
  'id' | 'template' | 'toAddress' | 'params' | 'locale' | 'caseId' | 'statutory'
>;

/** The mail outbox rows, named for what the outbox and the sender do with them. */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(m: EntityManager, row: OutboxRow): Promise<void> {
    await m.insert(MailOutbox, row);
  }

  find(id: string): Promise<MailOutbox | null> {
    return this.db.getRepository(MailOutbox).findOneBy({ id });
  }

  /** The row locked for its send (claim before send). */
  async lockForSend(m: EntityManager, id: string): Promise<MailOutbox | null> {
    const rows = await m.query<Array<Record<string, unknown>>>(
      `SELECT * FROM mail_outbox WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return entitiesOf(m, MailOutbox, rows)[0] ?? null;
  }

  async update(m: EntityManager | null, id: string, changes: Partial<MailOutbox>): Promise<void> {
    await (m ?? this.db.manager).update(MailOutbox, id, changes);
  }

  /** Whether a `sending` claim is older than `seconds` (database time: clocks of hosts differ). */
  async claimOlderThan(m: EntityManager, id: string, seconds: number): Promise<boolean> {
    const [r] = await m.query<Array<{ stale: boolean }>>(
      `SELECT coalesce(claimed_at < now() - make_interval(secs => $2), true) AS stale
         FROM mail_outbox WHERE id = $1`,
      [id, seconds],
    );
    return r?.stale ?? true;
  }

  /** Claims the row for one attempt (committed before the SMTP conversation starts). */
  async claim(m: EntityManager, id: string): Promise<void> {
    await m.query(
      `UPDATE mail_outbox SET status = 'sending', attempts = attempts + 1, claimed_at = now(),
              data_sent_at = NULL WHERE id = $1`,
      [id],
    );
  }

  /** Just before the final ".": from now on the server may hold the message. */
  async markDataSent(id: string): Promise<void> {
    const [, n] = await this.db.query<[unknown, number]>(
      `UPDATE mail_outbox SET data_sent_at = now() WHERE id = $1 AND status = 'sending'`,
      [id],
    );
    if (n !== 1) throw new Error(`outbox row ${id} is no longer claimed by this attempt`);
  }

  /** The server accepted it: the truth, whatever the row said meanwhile. */
  async markSent(
    id: string,
    changes: Pick<MailOutbox, 'messageId' | 'sentAt'> & Partial<MailOutbox>,
  ): Promise<void> {
    await this.db.query(
      `UPDATE mail_outbox SET status = 'sent', last_error = NULL, failure = NULL,
              next_attempt_at = NULL, message_id = $2, sent_at = $3,
              params = coalesce($4::jsonb, params)
        WHERE id = $1`,
      [
        id,
        changes.messageId,
        changes.sentAt,
        changes.params ? JSON.stringify(changes.params) : null,
      ],
    );
  }

  /** An attempt's outcome, applied only while it is still the claimed attempt. */
  async settleClaim(
    m: EntityManager | null,
    id: string,
    changes: Partial<MailOutbox>,
  ): Promise<boolean> {
    const r = await (m ?? this.db.manager)
      .getRepository(MailOutbox)
      .update({ id, status: 'sending' }, changes);
    return (r.affected ?? 0) > 0;
  }

  /**
   * The addresses to tell about the case's undeliverable mail: its assignee, else the clerks of
   * its agency; and the reference number.
   */
  async caseContacts(
    m: EntityManager,
    caseId: string,
  ): Promise<{ referenceNo: string; emails: string[] } | null> {
    const rows = await m.query<Array<{ reference_no: string; email: string | null }>>(
      `SELECT c.reference_no, u.email FROM request_case c
         LEFT JOIN app_user u ON u.active AND (u.id = c.assignee_id OR (c.assignee_id IS NULL AND
              u.id IN (SELECT r.user_id FROM role_assignment r
                        WHERE r.agency_id = c.agency_id AND r.role = 'clerk')))
        WHERE c.id = $1`,
      [caseId],
    );
    if (!rows.length) return null;
    const emails = [...new Set(rows.map((r) => r.email).filter((e): e is string => !!e))];
    return { referenceNo: rows[0].reference_no, emails };
  }

  /**
   * A page of rows the reconcile looks at, after the cursor (keyset on created_at, id): pending
   * rows older than `graceMs`, and `sending` rows claimed longer ago than `staleSeconds` (their
   * worker died; the sender tells "accepted" from "interrupted" when it sees them).
   */
  async reconcilePage(
    graceMs: number,
    staleSeconds: number,
    after: OutboxCursor | null,
    limit: number,
  ): Promise<Array<{ id: string; createdAt: string; attempts: number; delayMs: number }>> {
    // created_at travels as text: a JS Date would drop the microseconds and break the keyset.
    return this.db.query(
      `SELECT id, created_at::text AS "createdAt", attempts,
              greatest(0, EXTRACT(EPOCH FROM coalesce(next_attempt_at, now()) - now()) * 1000)::float AS "delayMs"
         FROM mail_outbox
        WHERE ((status = 'pending' AND created_at < now() - make_interval(secs => $1))
            OR (status = 'sending' AND claimed_at < now() - make_interval(secs => $5)))
          AND ($2::timestamptz IS NULL OR (created_at, id) > ($2::timestamptz, $3::uuid))
        ORDER BY created_at, id LIMIT $4`,
      [graceMs / 1000, after?.createdAt ?? null, after?.id ?? null, limit, staleSeconds],
    );
  }

  /**
   * Failed rows an operator may resend: failed since `since` (permanent refusals, given up after
   * the horizon), never those the server may have accepted.
   */
  failedSince(since: Date, limit: number): Promise<MailOutbox[]> {
    return this.db
      .getRepository(MailOutbox)
      .createQueryBuilder('o')
      .where(`o.status = 'failed'`)
      .andWhere('coalesce(o.failed_at, o.created_at) >= :since', { since })
      .orderBy('o.created_at')
      .limit(limit)
      .getMany();
  }
}
