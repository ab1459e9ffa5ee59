import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Agency } from '../agencies/agency.entity';

/**
 * A narrative section of an annual report as the reporting officer edited and saved it
 * (section 一, 五, 六; the 2008 format's 概述, problems and improvements). Until saved, the
 * report shows the draft made from the figures.
 */
@Entity('report_narrative')
export class ReportNarrative {
  @PrimaryColumn('uuid') agencyId: string;
  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'report_narrative_agency_fk' })
  agency?: Agency;

  @PrimaryColumn('smallint') year: number;
  /** The agency alone or its whole subtree: two different reports. */
  @PrimaryColumn('boolean') subtree: boolean;
  @PrimaryColumn('text') section: string;
  @Column('text') text: string;
  @Column('uuid', { nullable: true }) updatedBy: string | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
