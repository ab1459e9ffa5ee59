import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { RequestCase } from './request-case.entity';
import type { CaseStatus } from './domain/case-status';

/**
 * One row per case transition (actor, time, from, to, reason, payload), written in the same
 * transaction as the change. Keyed by (year, id) like its case, for yearly partitioning.
 */
@Entity('case_event')
@Index('case_event_case_idx', ['caseId', 'id'])
export class CaseEvent {
  @PrimaryColumn('smallint')
  year: number;

  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('uuid') caseId: string;

  @ManyToOne(() => RequestCase, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'year', referencedColumnName: 'year', foreignKeyConstraintName: 'case_event_case_fk' },
    { name: 'case_id', referencedColumnName: 'id' },
  ])
  case?: RequestCase;
  @Column('timestamptz') at: Date;
  @Column('uuid', { nullable: true }) actorId: string | null;
  /** applicant | clerk | supervisor | system */
  @Column('text') actorRole: string;
  @Column('text') action: string;
  @Column('text', { nullable: true }) fromStatus: CaseStatus | null;
  @Column('text') toStatus: CaseStatus;
  @Column('text', { nullable: true }) reason: string | null;
  @Column('jsonb', { default: {} }) payload: Record<string, unknown>;
}
