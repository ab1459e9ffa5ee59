import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Agency } from './agency.entity';

export type AgencyAction = 'created' | 'updated' | 'moved' | 'deactivated' | 'reactivated';

/** History of an agency: one row per change, with the values before and after. */
@Entity('agency_event')
@Index('agency_event_agency_idx', ['agencyId', 'at'])
export class AgencyEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('uuid')
  agencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'agency_event_agency_fk' })
  agency?: Agency;

  @Column('timestamptz')
  at: Date;

  /** Null when the change came from the CLI (import, bootstrap). */
  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Column('text')
  action: AgencyAction;

  @Column('jsonb', { nullable: true })
  before: Record<string, unknown> | null;

  @Column('jsonb', { nullable: true })
  after: Record<string, unknown> | null;
}
