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
import { User } from './user.entity';
import type { StaffRole } from '../access/domain/roles';

/** A staff role held in one agency. */
@Entity('role_assignment')
@Check(
  'role_assignment_role_check',
  `role IN ('clerk', 'supervisor', 'reporting_officer', 'admin')`,
)
@Index('role_assignment_agency_idx', ['agencyId'])
export class RoleAssignment {
  @PrimaryColumn('uuid')
  userId: string;

  @PrimaryColumn('uuid')
  agencyId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'role_assignment_user_fk' })
  user?: User;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'role_assignment_agency_fk' })
  agency?: Agency;

  @PrimaryColumn('text')
  role: StaffRole;

  @CreateDateColumn({ type: 'timestamptz' })
  grantedAt: Date;

  @Column('uuid', { nullable: true })
  grantedBy: string | null;
}
