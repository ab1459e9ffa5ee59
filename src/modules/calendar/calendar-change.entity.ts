import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CalendarChangeAction, CalendarChangeScope } from './calendar-change';

/**
 * The log of calendar changes: one row per year import, override added or removed, written in
 * the same transaction as the change. Its largest id is the calendar version: every process
 * compares it with the version of its cached calendar (CalendarService), and consumers that
 * must not miss a change (recomputing open cases, DOMAIN §5.5 gap 3) read it with a cursor.
 */
@Entity('calendar_change')
@Check(
  'calendar_change_action_check',
  `action IN ('year.imported', 'override.added', 'override.removed')`,
)
@Check('calendar_change_scope_check', `scope IN ('NATIONAL', 'PROVINCE', 'AGENCY')`)
@Index('calendar_change_at_idx', ['at'])
export class CalendarChangeLog {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('timestamptz')
  at: Date;

  /** Null when the change came from the command line. */
  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Column('text')
  action: CalendarChangeAction;

  @Column('text')
  scope: CalendarChangeScope;

  /** The agency of a PROVINCE or AGENCY override. */
  @Column('uuid', { nullable: true })
  agencyId: string | null;

  @Column('int', { nullable: true })
  year: number | null;

  @Column('uuid', { nullable: true })
  overrideId: string | null;

  /** First and last date whose status may have changed. */
  @Column('date')
  dateFrom: string;

  @Column('date')
  dateTo: string;

  /** Whether statutory deadlines may move (false for local overrides that are only warned). */
  @Column('boolean')
  affectsDeadlines: boolean;

  /** What changed, without personal data. */
  @Column('jsonb', { default: {} })
  details: Record<string, string | number | boolean | null>;
}
