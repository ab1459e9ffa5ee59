import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An effect that happened (a reminder sent, an escalation, an automatic transition). The key
 * (subject, kind, ref, version, effect) is unique, so no effect ever happens twice — whatever
 * Redis does with the jobs. `outcome` tells a reminder sent from one superseded by a later one.
 */
@Entity('deadline_effect')
export class DeadlineEffect {
  @PrimaryColumn('text') subjectType: string;
  @PrimaryColumn('uuid') subjectId: string;
  @PrimaryColumn('text') kind: string;
  @PrimaryColumn('text') ref: string;
  @PrimaryColumn('int') version: number;
  @PrimaryColumn('text') effect: string;
  @Column('timestamptz') at: Date;
  /** Seconds between the planned moment and the moment it happened. */
  @Column('int') lateSeconds: number;
  /** done (sent, performed) | superseded (a later reminder was due at the same time) */
  @Column('text', { default: 'done' }) outcome: 'done' | 'superseded';
}
