import {
  JoinColumn,
  ManyToOne,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
} from 'typeorm';
import { User } from '../accounts/user.entity';

export type SessionKind = 'api' | 'cookie';

/**
 * A sign-in. Tokens are random and only their SHA-256 is stored. API sessions have a
 * short-lived access token and a rotating refresh token; portal sessions use one cookie.
 */
@Entity('auth_session')
export class AuthSession {
  @PrimaryColumn('uuid')
  id: string;

  @Index('auth_session_user_idx')
  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'auth_session_user_fk' })
  user?: User;

  @Column('text')
  kind: SessionKind;

  @Index('auth_session_access_key', { unique: true })
  @Column('text')
  accessHash: string;

  @Column('timestamptz')
  accessExpiresAt: Date;

  @Index('auth_session_refresh_key', { unique: true, where: 'refresh_hash IS NOT NULL' })
  @Column('text', { nullable: true })
  refreshHash: string | null;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
