import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Agency } from '../agencies/agency.entity';
import type { OverrideKind, OverrideScope } from './domain/override-scope';

/**
 * One row of the override table (R-WD-05): a date made CLOSED or OPEN for a scope, with its
 * mandatory legal basis. Scope NATIONAL_CORRECTION has no agency; PROVINCE (the agency's whole
 * subtree) and AGENCY (that agency only) reference an agency. Removal is a soft delete, so the
 * history of every override stays. At most one active override per date and scope target
 * (unique index created by the migration, as TypeORM cannot express COALESCE in an index).
 */
@Entity('calendar_override')
@Check('calendar_override_kind_check', `kind IN ('CLOSED', 'OPEN')`)
@Check('calendar_override_scope_check', `scope IN ('NATIONAL_CORRECTION', 'PROVINCE', 'AGENCY')`)
@Check('calendar_override_agency_check', `(scope = 'NATIONAL_CORRECTION') = (agency_id IS NULL)`)
@Check('calendar_override_basis_check', `length(btrim(basis)) > 0`)
@Index('calendar_override_active_key', { synchronize: false })
@Index('calendar_override_date_idx', ['date'])
@Index('calendar_override_agency_idx', ['agencyId'])
export class CalendarDayOverride {
  @PrimaryColumn('uuid')
  id: string;

  @Column('date')
  date: string;

  @Column('text')
  kind: OverrideKind;

  @Column('text')
  scope: OverrideScope;

  @Column('uuid', { nullable: true })
  agencyId: string | null;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'calendar_override_agency_fk' })
  agency?: Agency;

  /** Legal basis (R-WD-05: required for every override), e.g. the local government's notice. */
  @Column('text')
  basis: string;

  /** Label shown on the day, e.g. '古尔邦节'. */
  @Column('text', { nullable: true })
  name: string | null;

  @Column('timestamptz')
  createdAt: Date;

  /** Null when added from the command line. */
  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @Column('timestamptz', { nullable: true })
  deletedAt: Date | null;

  @Column('uuid', { nullable: true })
  deletedBy: string | null;
}
