import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Agency } from '../agencies/agency.entity';

/**
 * Last reference number and last document number issued per agency and year: the reference
 * number is taken in the filing transaction, each letter's document number in the transaction
 * that issues it, both under this row's lock, so both sequences are gap-free.
 */
@Entity('reference_counter')
export class ReferenceCounter {
  @PrimaryColumn('uuid') agencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'reference_counter_agency_fk' })
  agency?: Agency;
  @PrimaryColumn('smallint') year: number;
  @Column('int') lastSeq: number;
  @Column('int', { default: 0 }) lastDocSeq: number;
}
