import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Agency } from '../agencies/agency.entity';
import { RequestCase } from '../requests/request-case.entity';
import type { Decision, Defendant, Procedure, RemedyKind } from './domain/remedy';
import type { RemedyStatus } from './domain/remedy-status';

/**
 * A reconsideration, suit or complaint about a case. Keyed by (year, id) — the year it was
 * applied for or filed — for yearly partitioning like cases. The body's and the court's own
 * dates are kept as recorded; the clocks and section 四 columns are computed from them.
 */
@Entity('remedy')
@Index('remedy_id_idx', ['id'])
@Index('remedy_case_idx', ['caseId'])
@Index('remedy_agency_idx', ['agencyId', 'kind'])
@Index('remedy_external_ref_key', ['agencyId', 'externalRef', 'year'], {
  unique: true,
  where: 'external_ref IS NOT NULL',
})
@Check(
  'remedy_kind_check',
  `kind IN ('reconsideration', 'litigation_direct', 'litigation_after_reconsideration', 'complaint')`,
)
@Check(
  'remedy_status_check',
  `status IN ('applied', 'accepted', 'filed', 'docketed', 'answered', 'suspended', 'decided', 'served', 'appealed', 'received', 'handled', 'withdrawn', 'not_accepted')`,
)
@Check('remedy_procedure_check', `procedure IN ('normal', 'simplified')`)
@Check('remedy_source_check', `source IN ('live', 'import')`)
@Check('remedy_extension_check', `extension_days BETWEEN 0 AND 30`)
export class Remedy {
  @PrimaryColumn('smallint') year: number;
  @PrimaryColumn('uuid') id: string;

  @Column('smallint') caseYear: number;
  @Column('uuid') caseId: string;
  @ManyToOne(() => RequestCase, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'case_year', referencedColumnName: 'year', foreignKeyConstraintName: 'remedy_case_fk' },
    { name: 'case_id', referencedColumnName: 'id' },
  ])
  case?: RequestCase;

  /** The agency whose act is challenged (the case's agency). */
  @Column('uuid') agencyId: string;
  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'remedy_agency_fk' })
  agency?: Agency;

  @Column('text') kind: RemedyKind;
  @Column('text') status: RemedyStatus;
  @Column('text', { default: 'normal' }) procedure: Procedure;
  /** The reconsideration body, the court, or where the complaint went. */
  @Column('text') bodyName: string;
  @Column('text', { nullable: true }) bodyCaseNo: string | null;
  @Column('jsonb', { default: [] }) defendants: Defendant[];

  /** Applied for (reconsideration), filed (suit), received (complaint). */
  @Column('date') appliedOn: string;
  @Column('date', { nullable: true }) bodyReceivedOn: string | null;
  @Column('date', { nullable: true }) acceptedOn: string | null;
  @Column('boolean', { default: false }) acceptedDeemed: boolean;
  @Column('date', { nullable: true }) docketedOn: string | null;
  @Column('date', { nullable: true }) copyReceivedOn: string | null;
  @Column('date', { nullable: true }) answeredOn: string | null;
  @Column('smallint', { default: 0 }) extensionDays: number;
  @Column('date', { nullable: true }) suspendedFrom: string | null;
  @Column('int', { default: 0 }) suspendedDays: number;
  @Column('smallint', { default: 1 }) instance: number;
  @Column('date', { nullable: true }) appealFiledOn: string | null;
  @Column('date', { nullable: true }) appealReceivedOn: string | null;
  /** Every decision, first instance first. */
  @Column('jsonb', { default: [] }) decisions: Decision[];
  /** A withdrawal or refusal to accept/docket: the day and result it ended with. */
  @Column('date', { nullable: true }) endedOn: string | null;
  @Column('text', { nullable: true }) endResult: 'withdrawn' | 'not_accepted' | null;
  /** Complaints: how it was handled. */
  @Column('text', { nullable: true }) handling: string | null;
  @Column('smallint', { nullable: true }) complaintLimitWd: number | null;

  @Column('text', { default: 'live' }) source: 'live' | 'import';
  @Column('text', { nullable: true }) externalRef: string | null;
  @Column('int', { default: 1 }) version: number;
  @Column('uuid', { nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
