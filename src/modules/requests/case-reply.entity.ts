import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import type { ReplyType } from '../law/domain/reply-type';
import type { ReplyDetail } from './domain/request-fields';
import { RequestCase } from './request-case.entity';

/**
 * Every reply of a case, in order (`round` 1 is the first; a remedy that orders a new answer
 * adds round 2 …, D-18). The case row carries the current one; this is the history.
 */
@Entity('case_reply')
@Index('case_reply_round_key', ['caseId', 'round'], { unique: true })
export class CaseReply {
  @PrimaryColumn('smallint') caseYear: number;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') caseId: string;

  @ManyToOne(() => RequestCase, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'case_year',
      referencedColumnName: 'year',
      foreignKeyConstraintName: 'case_reply_case_fk',
    },
    { name: 'case_id', referencedColumnName: 'id' },
  ])
  case?: RequestCase;
  @Column('smallint') round: number;
  @Column('text') replyType: ReplyType;
  @Column('text') basis: string;
  @Column('jsonb', { nullable: true }) detail: ReplyDetail | null;
  @Column('date') repliedOn: string;
  /** The due date the reply was measured against. */
  @Column('date', { nullable: true }) dueOn: string | null;
  /** The issued letter (答复书) of this reply. */
  @Column('uuid', { nullable: true }) letterId: string | null;
  @Column('uuid', { nullable: true }) actorId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
