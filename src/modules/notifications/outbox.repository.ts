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
