import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { AgencyKind, Channel, OnlineConfirmation } from './domain/agency';

/**
 * A node of the agency tree. `path` is the materialised path of ids ('/<root>/…/<id>/'),
 * so "this agency and its subtree" is `path LIKE '<prefix>%'` on an indexed column.
 * Codes are unique for ever: a deactivated agency keeps its code.
 */
@Entity('agency')
// text_pattern_ops for LIKE 'prefix%': created by the migration, ignored by the drift check.
@Index('agency_path_idx', { synchronize: false })
@Check('agency_kind_check', `kind IN ('government', 'department', 'other')`)
@Check('agency_online_confirmation_check', `online_confirmation IN ('automatic', 'manual')`)
@Index('agency_parent_idx', ['parentId'])
export class Agency {
  @PrimaryColumn('uuid')
  id: string;

  @Index('agency_code_key', { unique: true })
  @Column('text')
  code: string;

  @Column('text')
  name: string;

  @Column('text')
  kind: AgencyKind;

  @Column('uuid', { nullable: true })
  parentId: string | null;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'agency_parent_fk' })
  parent?: Agency;

  @Column('text')
  path: string;

  @Column('int')
  depth: number;

  /** Channels announced in the agency's OGI guide (R-APP-01). */
  @Column('text', { array: true, default: () => `'{in_person,post}'` })
  channels: Channel[];

  /** D-2: online submissions confirmed automatically or by a clerk. */
  @Column('text', { default: 'automatic' })
  onlineConfirmation: OnlineConfirmation;

  @Column('text', { nullable: true }) address: string | null;
  @Column('text', { nullable: true }) postcode: string | null;
  @Column('text', { nullable: true }) phone: string | null;
  @Column('text', { nullable: true }) fax: string | null;
  @Column('text', { nullable: true }) email: string | null;
  @Column('text', { nullable: true }) website: string | null;
  /** Further internet contact printed in the OGI guide (D-21). */
  @Column('text', { nullable: true }) internetContact: string | null;
  /** The OGI office's hours (D-21). */
  @Column('text', { nullable: true }) officeHours: string | null;
  /** How to pay a fee (D-7), shown with every fee notice. */
  @Column('text', { nullable: true }) paymentInstructions: string | null;
  /** Body hearing reconsideration against this agency (printed in reply letters). */
  @Column('text', { nullable: true }) reconsiderationBody: string | null;
  /** Court competent for suits against this agency. */
  @Column('text', { nullable: true }) court: string | null;

  @Column('boolean', { default: true })
  active: boolean;

  @Column('timestamptz', { nullable: true })
  deactivatedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
