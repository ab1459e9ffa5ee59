import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** Template parameters are plain values (ids, dates, display text). */
export type MailParams = Record<string, string | number | boolean | null>;

/** pending → sending (claimed, committed before SMTP) → sent; failed after the last retry or an interrupted send. */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

/**
 * One e-mail to send. Written in the same transaction as the business change that causes it;
 * the `send-mail` job (carrying only the id) renders and sends it, then marks it sent.
 */
@Entity('mail_outbox')
@Index('mail_outbox_pending_idx', ['createdAt'], { where: `status = 'pending'` })
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
}
