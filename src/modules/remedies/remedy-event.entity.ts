import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Remedy } from './remedy.entity';
import type { RemedyStatus } from './domain/remedy-status';

/** One row per change of a remedy, in the same transaction as the change; keyed by (year, id). */
@Entity('remedy_event')
@Index('remedy_event_remedy_idx', ['remedyId', 'id'])
export class RemedyEvent {
  @PrimaryColumn('smallint') year: number;
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Column('uuid') remedyId: string;
  @ManyToOne(() => Remedy, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'year',
      referencedColumnName: 'year',
      foreignKeyConstraintName: 'remedy_event_remedy_fk',
    },
    { name: 'remedy_id', referencedColumnName: 'id' },
  ])
  remedy?: Remedy;
  @Column('timestamptz') at: Date;
  @Column('uuid', { nullable: true }) actorId: string | null;
  /** clerk | supervisor | system | import */
  @Column('text') actorRole: string;
  @Column('text') action: string;
  @Column('text', { nullable: true }) fromStatus: RemedyStatus | null;
  @Column('text') toStatus: RemedyStatus;
  @Column('jsonb', { default: {} }) payload: Record<string, unknown>;
}
