import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only log of security-relevant actions (sign-ins, role changes, exports). A database
 * trigger (migration AddAuditLogGuard) rejects UPDATE and DELETE.
 */
@Entity('audit_log')
@Index('audit_log_at_idx', ['at'])
export class AuditLog {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('timestamptz')
  at: Date;

  @Column('uuid', { nullable: true })
  actorId: string | null;

  /** e.g. auth.login, auth.login-failed, auth.locked, roles.granted, users.created */
  @Column('text')
  action: string;

  @Column('text', { nullable: true })
  targetType: string | null;

  @Column('text', { nullable: true })
  targetId: string | null;

  /** Agency whose subtree may read this entry; null = visible to root admins only. */
  @Column('uuid', { nullable: true })
  agencyId: string | null;

  @Column('text', { nullable: true })
  ip: string | null;

  /** Details without personal data. */
  @Column('jsonb', { default: {} })
  details: Record<string, string | number | boolean | null>;
}
