import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AnnualReportRecord } from './annual-report-record.entity';

/** One file of a publication, as stored (served from storage, checked against its hash). */
export interface StoredReportFile {
  readonly format: string;
  readonly key: string;
  readonly size: number;
  readonly sha256: string;
}

/**
 * A published version of an annual report, frozen: every format rendered at publication is in
 * storage with its SHA-256, and the report's JSON is kept here (the next year's R-AR-15 checks
 * against it). Never updated; a correction is a new version with its note.
 */
@Entity('report_version')
export class ReportVersion {
  @PrimaryColumn('uuid') reportId: string;
  @ManyToOne(() => AnnualReportRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'report_version_report_fk' })
  report?: AnnualReportRecord;
  @PrimaryColumn('int') version: number;
  @Column('timestamptz') publishedAt: Date;
  @Column('uuid', { nullable: true }) publishedBy: string | null;
  /** Why this version corrects the previous one (null for the first). */
  @Column('text', { nullable: true }) note: string | null;
  @Column('text') formatVersion: string;
  @Column('jsonb') content: Record<string, unknown>;
  @Column('jsonb') files: StoredReportFile[];
}
