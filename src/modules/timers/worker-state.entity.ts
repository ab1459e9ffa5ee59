import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Small durable state of periodic jobs: last run of the reconcile, last calendar change handled. */
@Entity('worker_state')
export class WorkerState {
  @PrimaryColumn('text') name: string;
  @Column('text') value: string;
  @Column('timestamptz') updatedAt: Date;
}
