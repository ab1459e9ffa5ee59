import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Agency } from '../agencies/agency.entity';

/** Last reference number issued per agency and year (incremented in the filing transaction). */
@Entity('reference_counter')
export class ReferenceCounter {
  @PrimaryColumn('uuid') agencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'reference_counter_agency_fk' })
  agency?: Agency;
  @PrimaryColumn('smallint') year: number;
  @Column('int') lastSeq: number;
}
