import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An effect that happened (a reminder sent, an escalation, an automatic transition). The key
 * (case, kind, ref, version, effect) is unique, so no effect ever happens twice — whatever
 * Redis does with the jobs.
 */
@Entity('deadline_effect')
export class DeadlineEffect {
  @PrimaryColumn('uuid') caseId: string;
  @PrimaryColumn('text') kind: string;
  @PrimaryColumn('text') ref: string;
  @PrimaryColumn('int') version: number;
  @PrimaryColumn('text') effect: string;
  @Column('timestamptz') at: Date;
  /** Seconds between the planned moment and the moment it happened. */
  @Column('int') lateSeconds: number;
}
