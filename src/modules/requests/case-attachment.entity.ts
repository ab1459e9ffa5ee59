import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { RequestCase } from './request-case.entity';

export type AttachmentKind =
  | 'scan'
  | 'reply_document'
  | 'evidence'
  | 'service_proof'
  /** A file the applicant added (proof of identity, correction material). */
  | 'applicant_document';

/** A file on a case (scans, reply documents) kept through the Storage port. */
@Entity('case_attachment')
@Index('case_attachment_case_idx', ['caseId'])
export class CaseAttachment {
  @PrimaryColumn('uuid') id: string;
  @Column('smallint') caseYear: number;
  @Column('uuid') caseId: string;

  @ManyToOne(() => RequestCase, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'case_year',
      referencedColumnName: 'year',
      foreignKeyConstraintName: 'case_attachment_case_fk',
    },
    { name: 'case_id', referencedColumnName: 'id' },
  ])
  case?: RequestCase;
  @Column('text') kind: AttachmentKind;
  /** Sanitised original name, used only for the download's Content-Disposition. */
  @Column('text') filename: string;
  @Column('text') contentType: string;
  @Column('int') size: number;
  @Column('text') sha256: string;
  @Column('text') storageKey: string;
  @Column('uuid', { nullable: true }) uploadedBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
