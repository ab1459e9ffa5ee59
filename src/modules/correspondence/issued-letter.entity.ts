import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Every statutory letter as issued: its document number (one per letter, from a gap-free
 * sequence per agency and year), its date, the rendered HTML and its SHA-256. Served from here
 * ever after, so a later change of the case or the agency never rewrites a letter already sent.
 * Keyed by (year, id) for yearly partitioning; the year is the year of issue.
 */
@Entity('issued_letter')
@Index('issued_letter_case_idx', ['caseId'])
@Index('issued_letter_doc_seq_key', ['agencyId', 'year', 'docSeq'], { unique: true })
export class IssuedLetter {
  @PrimaryColumn('smallint') year: number;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') caseId: string;
  @Column('smallint') caseYear: number;
  @Column('uuid') agencyId: string;
  /** LetterKind */
  @Column('text') kind: string;
  /** A consultation id for consultation letters; '' otherwise. */
  @Column('text', { default: '' }) ref: string;
  @Column('text') title: string;
  @Column('int') docSeq: number;
  @Column('text') documentNumber: string;
  @Column('date') issuedOn: string;
  @Column('text') html: string;
  @Column('text') sha256: string;
  /** Whether the applicant may see it (a consultation letter is addressed to the party). */
  @Column('boolean', { default: true }) toApplicant: boolean;
  @Column('uuid', { nullable: true }) actorId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
