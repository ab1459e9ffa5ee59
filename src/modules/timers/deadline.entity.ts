import { Check, Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { DeadlineKind, DeadlineSubject } from '../../shared/domain/deadline-kind';

/**
 * Every live legal date of every subject — a case, later a remedy or an annual report (PostgreSQL
 * is the truth; a BullMQ delayed job only wakes the worker). `version` increases whenever the
 * date moves or the deadline ends, so a job armed for an older version does nothing.
 * `armedVersion` records which version has a job in Redis.
 */
@Entity('deadline')
@Index('deadline_live_idx', ['dueOn'], { where: `status = 'live'` })
// The reconcile's keyset paging walks live deadlines in key order: each page is an index range.
@Index('deadline_live_key_idx', ['subjectType', 'subjectId', 'kind', 'ref'], {
  where: `status = 'live'`,
})
@Index('deadline_unarmed_idx', ['subjectType', 'subjectId', 'kind', 'ref'], {
  where: `status = 'live' AND armed_version <> version`,
})
@Check('deadline_status_check', `status IN ('live', 'resolved')`)
@Check('deadline_subject_check', `subject_type IN ('case', 'remedy', 'report')`)
export class Deadline {
  @PrimaryColumn('text') subjectType: DeadlineSubject;
  @PrimaryColumn('uuid') subjectId: string;
  @PrimaryColumn('text') kind: DeadlineKind;
  /** Distinguishes several deadlines of one kind (consultation or fee notice id); '' otherwise. */
  @PrimaryColumn('text', { default: '' }) ref: string;
  /** The subject's partition year (a case's filing year). */
  @Column('smallint') subjectYear: number;
  @Column('uuid') agencyId: string;
  @Column('date') dueOn: string;
  @Column('int', { default: 1 }) version: number;
  @Column('text', { default: 'live' }) status: 'live' | 'resolved';
  @Column('int', { default: 0 }) armedVersion: number;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
