import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { AuthSession } from './session.entity';

/** Sign-in sessions (tokens stored as digests only). */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(
    m: EntityManager,
    s: Pick<
      AuthSession,
      | 'id'
      | 'userId'
      | 'kind'
      | 'accessHash'
      | 'accessExpiresAt'
      | 'refreshHash'
      | 'expiresAt'
      | 'revokedAt'
    >,
  ): Promise<void> {
    await m.insert(AuthSession, s);
  }

  lockByRefreshHash(m: EntityManager, refreshHash: string): Promise<AuthSession | null> {
    return m.findOne(AuthSession, { where: { refreshHash }, lock: { mode: 'pessimistic_write' } });
  }

  async rotate(
    m: EntityManager,
    id: string,
    tokens: Pick<AuthSession, 'accessHash' | 'accessExpiresAt' | 'refreshHash'>,
  ): Promise<void> {
    await m.update(AuthSession, id, tokens);
  }

  async revoke(id: string, at: Date): Promise<void> {
    await this.db.getRepository(AuthSession).update(id, { revokedAt: at });
  }

  /** Every open session of a user ends (a password reset). */
  async revokeAllOf(m: EntityManager, userId: string, at: Date): Promise<void> {
    await m.update(AuthSession, { userId, revokedAt: IsNull() }, { revokedAt: at });
  }
}
