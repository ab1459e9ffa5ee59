import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Periodic notices already sent (e.g. `digest:<userId>:2026-10-19`); the key makes them once-only. */
@Entity('notification_log')
export class NotificationLog {
  @PrimaryColumn('text') key: string;
  @Column('timestamptz') at: Date;
}
