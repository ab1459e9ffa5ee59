import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RequestCase } from './request-case.entity';
import type { FeeMethod } from '../fees/domain/fee-calculator';

/** An information-processing fee notice (国办函〔2020〕109号, D-7, D-8). */
@Entity('case_fee_notice')
@Index('case_fee_notice_case_idx', ['caseId'])
export class CaseFeeNotice {
  @PrimaryColumn('uuid') id: string;
  @Column('smallint') caseYear: number;
  @Column('uuid') caseId: string;

  @ManyToOne(() => RequestCase, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'case_year',
      referencedColumnName: 'year',
      foreignKeyConstraintName: 'case_fee_notice_case_fk',
    },
    { name: 'case_id', referencedColumnName: 'id' },
  ])
  case?: RequestCase;
  @Column('text') method: FeeMethod;
  /** per-piece: the applicant's k-th application to this agency in the month; per-volume: pages. */
  @Column('int') quantity: number;
  @Column('int') amountYuan: number;
  @Column('date') sentOn: string;
  @Column('date', { nullable: true }) receivedOn: string | null;
  /** 20 WD after the applicant received the notice (R-FEE-04). */
  @Column('date', { nullable: true }) paymentDue: string | null;
  @Column('date', { nullable: true }) paidOn: string | null;
  /** The applicant reported a payment (D-7): when, and the payment day they gave. */
  @Column('date', { nullable: true }) reportedOn: string | null;
  @Column('date', { nullable: true }) reportedPaidOn: string | null;
  /** The clerk's last rejection of a reported payment, with its reason. */
  @Column('date', { nullable: true }) rejectedOn: string | null;
  @Column('text', { nullable: true }) rejectionReason: string | null;
}
