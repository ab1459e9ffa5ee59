import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** Template parameters are plain values (ids, dates, display text). */
export type MailParams = Record<string, string | number | boolean | null>;

/**
 * pending → sending (claimed, committed before SMTP) → sent. A transient failure puts it back to
 * pending with `nextAttemptAt`; `failed` is permanent (5xx), given up after the retry horizon,
 * or an unknown template; `unconfirmed` means the whole message left and no answer came back
 * (the server may have accepted it): never resent automatically, nor by `mail resend --failed`.
 */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'unconfirmed';

/** Why a row ended failed or unconfirmed (see domain/mail-outcome.ts). */
export type OutboxFailure = 'permanent' | 'horizon' | 'unconfirmed' | 'template';

/**
 * One e-mail to send. Written in the same transaction as the business change that causes it;
 * the `send-mail` job (carrying only the id) renders and sends it, then marks it sent.
 */
@Entity('mail_outbox')
@Index('mail_outbox_pending_idx', ['createdAt'], { where: `status = 'pending'` })
@Index('mail_outbox_unresolved_idx', ['failedAt'], {
  where: `status IN ('failed', 'unconfirmed') AND resolved_at IS NULL`,
})
export class MailOutbox {
  @PrimaryColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Template key from the notifications template registry. */
  @Column('text')
  template: string;

  @Column('text', { default: 'zh-CN' })
  locale: string;

  @Column('text')
  toAddress: string;

  /** Template parameters: ids and display values, rendered at send time. */
  @Column('jsonb', { default: {} })
  params: MailParams;

  @Column('text', { default: 'pending' })
  status: OutboxStatus;

  @Column('int', { default: 0 })
  attempts: number;

  @Column('text', { nullable: true })
  lastError: string | null;

  @Column('text', { nullable: true })
  messageId: string | null;

  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;

  /** The case the mail belongs to (its clerks are told when it cannot be delivered). */
  @Column('uuid', { nullable: true })
  caseId: string | null;

  /** A statutory letter to an applicant: an unresolved failure of one degrades /health. */
  @Column('boolean', { default: false })
  statutory: boolean;

  @Column('text', { nullable: true })
  failure: OutboxFailure | null;

  /** The first transient failure of the current run of retries (the horizon counts from it). */
  @Column('timestamptz', { nullable: true })
  firstFailedAt: Date | null;

  /** When the next retry is due (a lost job is re-dispatched with the remaining delay). */
  @Column('timestamptz', { nullable: true })
  nextAttemptAt: Date | null;

  /**
   * Set (committed) just before the message's final "." goes out: a row found `sending` with it
   * may have been accepted (never resent automatically); without it the server has nothing.
   */
  @Column('timestamptz', { nullable: true })
  dataSentAt: Date | null;

  /** Database time of the claim: a `sending` row older than a conversation can last was interrupted. */
  @Column('timestamptz', { nullable: true })
  claimedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  failedAt: Date | null;

  /** An operator resent it or settled it otherwise; it no longer degrades /health. */
  @Column('timestamptz', { nullable: true })
  resolvedAt: Date | null;
}
