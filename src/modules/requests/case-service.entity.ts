import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import type { ServiceMethod } from './domain/request-fields';
import { RequestCase } from './request-case.entity';

/**
 * One service of a letter (R-DEL-01…03): the method, the day of service (for post the posting
 * day, which counts for compliance), the day the applicant received it (`deliveredOn`, from
 * which the remedy windows and fee periods run), a postal tracking number and a proof.
 */
@Entity('case_service')
@Index('case_service_case_idx', ['caseId'])
export class CaseService {
  @PrimaryColumn('smallint') caseYear: number;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') caseId: string;

  @ManyToOne(() => RequestCase, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'case_year',
      referencedColumnName: 'year',
      foreignKeyConstraintName: 'case_service_case_fk',
    },
    { name: 'case_id', referencedColumnName: 'id' },
  ])
  case?: RequestCase;
  /** The letter served (the reply letter of a round, usually). */
  @Column('uuid', { nullable: true }) letterId: string | null;
  @Column('uuid', { nullable: true }) replyId: string | null;
  @Column('text') method: ServiceMethod;
  @Column('date') servedOn: string;
  @Column('date', { nullable: true }) deliveredOn: string | null;
  @Column('text', { nullable: true }) trackingNo: string | null;
  /** An attachment of kind `service_proof` (signed receipt, postal record). */
  @Column('uuid', { nullable: true }) proofAttachmentId: string | null;
  @Column('uuid', { nullable: true }) actorId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) recordedAt: Date;
}
