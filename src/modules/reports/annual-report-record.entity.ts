import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Agency } from '../agencies/agency.entity';
import type { ReportStatus } from './domain/report-workflow';

/**
 * The publication workflow of one annual report (an agency, or its subtree, for a year):
 * draft → reviewed → published, and back to draft for a correction. Each publication is a
 * frozen version (report_version); the figures of a draft are always computed, never stored.
 */
@Entity('annual_report')
@Index('annual_report_key', ['agencyId', 'year', 'subtree'], { unique: true })
@Check('annual_report_status_check', `status IN ('draft', 'reviewed', 'published')`)
export class AnnualReportRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') agencyId: string;
  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'annual_report_agency_fk' })
  agency?: Agency;
  @Column('smallint') year: number;
  @Column('boolean') subtree: boolean;
  @Column('text', { default: 'draft' }) status: ReportStatus;
  /** How many versions have been published (0: never). */
  @Column('int', { default: 0 }) version: number;
  /** The correction note the next version will carry (set when a published report is reopened). */
  @Column('text', { nullable: true }) pendingNote: string | null;
  @Column('uuid', { nullable: true }) reviewedBy: string | null;
  @Column('timestamptz', { nullable: true }) reviewedAt: Date | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
