import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One `Idempotency-Key` a user sent with a creating request, and what it created. The key is
 * the user's own (scoped to the user and the operation), unique for as long as it is kept (24 h),
 * whatever the year of the case it created: no year in the key.
 */
@Entity('idempotency_key')
@Index('idempotency_key_expires_idx', ['expiresAt'])
export class IdempotencyKey {
  @PrimaryColumn('uuid')
  userId: string;

  /** The operation, e.g. `requests.file-online`, `requests.intake`. */
  @PrimaryColumn('text')
  scope: string;

  @PrimaryColumn('text')
  key: string;

  /** SHA-256 of the request body in canonical JSON: the same key with another body is refused. */
  @Column('text')
  fingerprint: string;

  /** What the first request created (a case id). */
  @Column('uuid')
  resourceId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz')
  expiresAt: Date;
}
