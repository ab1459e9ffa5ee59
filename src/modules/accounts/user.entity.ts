import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { UserKind } from '../access/domain/principal';

/** Anyone who signs in: an applicant (self-registered) or staff (created by an admin). */
@Entity('app_user')
@Check('app_user_kind_check', `kind IN ('applicant', 'staff')`)
export class User {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  kind: UserKind;

  /** Lower-cased; the sign-in name. */
  @Index('app_user_email_key', { unique: true })
  @Column('text')
  email: string;

  @Column('text')
  displayName: string;

  @Column('text')
  passwordHash: string;

  @Column('timestamptz', { nullable: true })
  emailVerifiedAt: Date | null;

  @Column('int', { default: 0 })
  failedLogins: number;

  @Column('timestamptz', { nullable: true })
  lockedUntil: Date | null;

  @Column('boolean', { default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
