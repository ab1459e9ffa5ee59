import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RequestCase } from './request-case.entity';

/** An extension request (Art 33(2), D-5): asked by the clerk, decided by a supervisor. */
@Entity('case_extension')
@Index('case_extension_case_idx', ['caseId'])
export class CaseExtension {
  @PrimaryColumn('uuid') id: string;
  @Column('smallint') caseYear: number;
  @Column('uuid') caseId: string;

  @ManyToOne(() => RequestCase, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'case_year',
      referencedColumnName: 'year',
      foreignKeyConstraintName: 'case_extension_case_fk',
    },
    { name: 'case_id', referencedColumnName: 'id' },
  ])
  case?: RequestCase;
  @Column('int') days: number;
  @Column('text') reason: string;
  @Column('uuid') requestedBy: string;
  @Column('date') requestedOn: string;
  @Column('uuid', { nullable: true }) decidedBy: string | null;
  @Column('date', { nullable: true }) decidedOn: string | null;
  @Column('boolean', { nullable: true }) approved: boolean | null;
}
