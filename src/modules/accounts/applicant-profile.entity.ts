import { Check, Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { User } from './user.entity';
import type { ApplicantCategory } from './domain/applicant';
import type { IdProofType } from './domain/identity';

/**
 * An applicant's identity and contacts (OGI-2019 Art 29). ID number, phone and address are
 * encrypted (`FieldCipher`); `idNumberIndex` is a keyed digest for finding the same person.
 */
@Entity('applicant_profile')
@Check('applicant_profile_category_check', `category IN ('np', 'biz', 'res', 'npo', 'law', 'oth')`)
export class ApplicantProfile {
  @PrimaryColumn('uuid')
  userId: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'applicant_profile_user_fk' })
  user?: User;

  /** Report column of table 三 (np, biz, res, npo, law, oth). */
  @Column('text')
  category: ApplicantCategory;

  /** Person's or organisation's name. */
  @Column('text')
  name: string;

  @Column('text')
  idType: IdProofType;

  @Column('text')
  idNumberEnc: string;

  @Index('applicant_profile_id_index_idx')
  @Column('text')
  idNumberIndex: string;

  @Column('text', { nullable: true })
  phoneEnc: string | null;

  @Column('text', { nullable: true })
  addressEnc: string | null;

  @Column('text', { nullable: true })
  postcode: string | null;
}
