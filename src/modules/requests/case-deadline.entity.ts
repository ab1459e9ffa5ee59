import { Check, Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { DeadlineKind } from '../timers/domain/deadline-kind';

/**
 * Every live legal date of every case (PostgreSQL is the truth; a BullMQ delayed job only wakes
 * the worker). `version` increases whenever the date moves or the deadline ends, so a job armed
 * for an older version does nothing. `armedVersion` records which version has a job in Redis.
 */
@Entity('case_deadline')
@Index('case_deadline_live_idx', ['dueOn'], { where: `status = 'live'` })
@Check('case_deadline_status_check', `status IN ('live', 'resolved')`)
export class CaseDeadline {
  @PrimaryColumn('uuid') caseId: string;
  @PrimaryColumn('text') kind: DeadlineKind;
  /** Distinguishes several deadlines of one kind (consultation or fee notice id); '' otherwise. */
  @PrimaryColumn('text', { default: '' }) ref: string;
  @Column('smallint') caseYear: number;
  @Column('uuid') agencyId: string;
  @Column('date') dueOn: string;
  @Column('int', { default: 1 }) version: number;
  @Column('text', { default: 'live' }) status: 'live' | 'resolved';
  @Column('int', { default: 0 }) armedVersion: number;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
