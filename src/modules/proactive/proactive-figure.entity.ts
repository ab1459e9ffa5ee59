import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Agency } from '../agencies/agency.entity';
import type { RowValues } from './domain/figures';

/**
 * One row of section 二 (2021 or 2019 trial format) as an agency entered it for a year: the
 * item (rules, licensing, …) and its columns' values, numbers or "/" (checked by the domain's
 * `checkFigure` against the year's format before it is written).
 */
@Entity('proactive_figure')
export class ProactiveFigure {
  @PrimaryColumn('uuid') agencyId: string;
  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'proactive_figure_agency_fk' })
  agency?: Agency;

  @PrimaryColumn('smallint') year: number;
  @PrimaryColumn('text') item: string;
  @Column('jsonb') values: RowValues;
  /** Null when imported by the operator (CLI). */
  @Column('uuid', { nullable: true }) updatedBy: string | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
