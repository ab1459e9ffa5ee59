import { JoinColumn, ManyToOne, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { User } from './user.entity';

export type TokenPurpose = 'verify-email' | 'reset-password';

/** A single-use token sent by e-mail (verification, password reset); only its hash is kept. */
@Entity('one_time_token')
export class OneTimeToken {
  @PrimaryColumn('text')
  tokenHash: string;

  @Index('one_time_token_user_idx')
  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'one_time_token_user_fk' })
  user?: User;

  @Column('text')
  purpose: TokenPurpose;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;
}
