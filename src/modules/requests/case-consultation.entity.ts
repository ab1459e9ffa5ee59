import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RequestCase } from './request-case.entity';

/**
 * A consultation of a third party (Art 32) or another agency (Art 34). The time it needs is
 * excluded from the reply period: working days in (sentOn, min(answeredOn, partyDue)] (D-6).
 */
@Entity('case_consultation')
@Index('case_consultation_case_idx', ['caseId'])
@Check('case_consultation_kind_check', `party_kind IN ('third_party', 'other_agency')`)
export class CaseConsultation {
  @PrimaryColumn('uuid') id: string;
  @Column('smallint') caseYear: number;
  @Column('uuid') caseId: string;

  @ManyToOne(() => RequestCase, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'case_year',
      referencedColumnName: 'year',
      foreignKeyConstraintName: 'case_consultation_case_fk',
    },
    { name: 'case_id', referencedColumnName: 'id' },
  ])
  case?: RequestCase;
  @Column('text') partyKind: 'third_party' | 'other_agency';
  @Column('text') partyName: string;
  @Column('text', { nullable: true }) partyAddress: string | null;
  @Column('text') subject: string;
  @Column('date') sentOn: string;
  @Column('date', { nullable: true }) partyReceivedOn: string | null;
  /** The party's own 15-WD limit (R-TP-02), once its receipt date is known. */
  @Column('date', { nullable: true }) partyDue: string | null;
  @Column('date', { nullable: true }) answeredOn: string | null;
  /** consent | objection | silence (deemed consent for Art 34, R-TP-04) */
  @Column('text', { nullable: true }) outcome: 'consent' | 'objection' | 'silence' | null;
}
