import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface KeyRow {
  readonly userId: string;
  readonly scope: string;
  readonly key: string;
  readonly fingerprint: string;
  readonly resourceId: string;
}

/** The idempotency_key rows. */
@Injectable()
export class IdempotencyKeysRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async live(
    userId: string,
    scope: string,
    key: string,
    now: Date,
  ): Promise<{ fingerprint: string; resourceId: string } | null> {
    const [row] = await this.db.query<Array<{ fingerprint: string; resource_id: string }>>(
      `SELECT fingerprint, resource_id FROM idempotency_key
        WHERE user_id = $1 AND scope = $2 AND key = $3 AND expires_at > $4`,
      [userId, scope, key, now],
    );
    return row ? { fingerprint: row.fingerprint, resourceId: row.resource_id } : null;
  }

  /**
   * Inserts the key, or takes over an expired row of the same key; false when a live row holds
   * it (a concurrent insert waits for the other transaction, then sees its row).
   */
  async claim(m: EntityManager, row: KeyRow, now: Date, expiresAt: Date): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO idempotency_key (user_id, scope, key, fingerprint, resource_id, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (user_id, scope, key) DO UPDATE
          SET fingerprint = EXCLUDED.fingerprint, resource_id = EXCLUDED.resource_id,
              created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
        WHERE idempotency_key.expires_at <= $6
       RETURNING 1`,
      [row.userId, row.scope, row.key, row.fingerprint, row.resourceId, now, expiresAt],
    );
    return rows.length > 0;
  }

  /** Keys past their time are forgotten a few at a time, by the writers themselves. */
  async forgetExpired(m: EntityManager, now: Date, limit = 20): Promise<void> {
    await m.query(
      `DELETE FROM idempotency_key WHERE ctid IN
         (SELECT ctid FROM idempotency_key WHERE expires_at <= $1 LIMIT $2)`,
      [now, limit],
    );
  }
}
