import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { MailOutbox } from './mail-outbox.entity';

/** The mail outbox rows, named for what the outbox and the sender do with them. */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(
    m: EntityManager,
    row: Pick<MailOutbox, 'id' | 'template' | 'toAddress' | 'params' | 'locale'>,
  ): Promise<void> {
    await m.insert(MailOutbox, row);
  }

  find(id: string): Promise<MailOutbox | null> {
    return this.db.getRepository(MailOutbox).findOneBy({ id });
  }

  /** The row locked for its send (claim before send). */
  lockForSend(m: EntityManager, id: string): Promise<MailOutbox | null> {
    return m.findOne(MailOutbox, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(m: EntityManager | null, id: string, changes: Partial<MailOutbox>): Promise<void> {
    await (m ?? this.db.manager).update(MailOutbox, id, changes);
  }

  /** A send that failed definitely: back to pending if it is still the claimed one. */
  async releaseClaim(id: string, lastError: string): Promise<void> {
    await this.db
      .getRepository(MailOutbox)
      .update({ id, status: 'sending' }, { status: 'pending', lastError });
  }

  /** After the last retry: a row still pending is failed for good. */
  async failPending(id: string): Promise<void> {
    await this.db.getRepository(MailOutbox).update({ id, status: 'pending' }, { status: 'failed' });
  }

  /**
   * A page of pending rows older than `graceMs` (database time), after the cursor (keyset on
   * created_at, id): the reconcile walks every pending row, however many wait for their send.
   */
  async pendingPage(
    graceMs: number,
    after: { createdAt: string; id: string } | null,
    limit: number,
  ): Promise<Array<{ id: string; createdAt: string }>> {
    // created_at travels as text: a JS Date would drop the microseconds and break the keyset.
    return this.db.query(
      `SELECT id, created_at::text AS "createdAt" FROM mail_outbox
        WHERE status = 'pending' AND created_at < now() - make_interval(secs => $1)
          AND ($2::timestamptz IS NULL OR (created_at, id) > ($2::timestamptz, $3::uuid))
        ORDER BY created_at, id LIMIT $4`,
      [graceMs / 1000, after?.createdAt ?? null, after?.id ?? null, limit],
    );
  }

  /** Pending rows created before `before`: candidates for re-dispatch. */
  async pendingBefore(before: Date, limit = 500): Promise<string[]> {
    const rows = await this.db
      .getRepository(MailOutbox)
      .createQueryBuilder('o')
      .select('o.id', 'id')
      .where(`o.status = 'pending'`)
      .andWhere('o.created_at < :before', { before })
      .orderBy('o.created_at')
      .limit(limit)
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }
}
