import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { Agency } from '../agencies/agency.entity';
import type { Category } from './domain/register';

/**
 * One item of the proactive-disclosure register (主动公开): what an agency published, when, in
 * which category of the 2008 format, and whether online. Its identity within the agency is
 * `itemKey` (the import's externalRef, else date, category and title), so re-importing changes
 * nothing.
 */
@Entity('proactive_item')
@Index('proactive_item_key', ['agencyId', 'itemKey'], { unique: true })
@Index('proactive_item_report_idx', ['agencyId', 'publishedOn'])
@Check(
  'proactive_item_category_check',
  `category IN ('functions', 'policies', 'enforcement', 'licensing', 'updates', 'other')`,
)
export class ProactiveItem {
  @PrimaryColumn('uuid') id: string;

  @Column('uuid') agencyId: string;
  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'proactive_item_agency_fk' })
  agency?: Agency;

  @Column('date') publishedOn: string;
  @Column('text') category: Category;
  @Column('boolean') online: boolean;
  @Column('text') title: string;
  @Column('text') itemKey: string;
  /** Null when imported by the operator (CLI). */
  @Column('uuid', { nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
