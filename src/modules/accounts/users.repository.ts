import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AgencyScope } from '../access/domain/principal';
import { Agency } from '../agencies/agency.entity';
import { whereInScope } from '../agencies/agency-scope';
import { ApplicantProfile } from './applicant-profile.entity';
import { RoleAssignment } from './role-assignment.entity';
import { User } from './user.entity';

/** People: accounts, applicant profiles and role grants, named for what the services ask. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  byId(id: string): Promise<User | null> {
    return this.db.getRepository(User).findOneBy({ id });
  }

  byEmail(email: string, activeOnly = false): Promise<User | null> {
    return this.db
      .getRepository(User)
      .findOneBy({ email: email.trim().toLowerCase(), ...(activeOnly ? { active: true } : {}) });
  }

  async setLoginState(
    m: EntityManager | null,
    id: string,
    state: Pick<User, 'failedLogins' | 'lockedUntil'>,
  ): Promise<void> {
    await (m ?? this.db.manager).update(User, id, state);
  }

  async markVerified(m: EntityManager, id: string, at: Date): Promise<void> {
    await m.update(User, id, { emailVerifiedAt: at });
  }

  /** Sets a new password; an e-mailed code also proves the address. */
  async setPassword(m: EntityManager, id: string, hash: string, at: Date): Promise<void> {
    await m.query(
      `UPDATE app_user SET password_hash = $2, failed_logins = 0, locked_until = NULL,
              email_verified_at = COALESCE(email_verified_at, $3), updated_at = $3 WHERE id = $1`,
      [id, hash, at],
    );
  }

  /** Staff holding a role in an agency of `scope`. */
  staffInScope(scope: AgencyScope): Promise<User[]> {
    return this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .where(`u.kind = 'staff'`)
      .andWhere((sub) => {
        const inner = sub
          .subQuery()
          .select('1')
          .from(RoleAssignment, 'r')
          .innerJoin(Agency, 'a', 'a.id = r.agency_id')
          .where('r.user_id = u.id');
        whereInScope(inner, 'a.path', scope);
        return `EXISTS ${inner.getQuery()}`;
      })
      .orderBy('u.email')
      .getMany();
  }

  async hasRoleInScope(userId: string, scope: AgencyScope): Promise<boolean> {
    const qb = this.db
      .getRepository(RoleAssignment)
      .createQueryBuilder('r')
      .innerJoin(Agency, 'a', 'a.id = r.agency_id')
      .where('r.user_id = :id', { id: userId });
    return (await whereInScope(qb, 'a.path', scope).getCount()) > 0;
  }

  rolesOf(userId: string): Promise<Array<{ code: string; name: string; role: string }>> {
    return this.db.query(
      `SELECT a.code, a.name, r.role FROM role_assignment r JOIN agency a ON a.id = r.agency_id WHERE r.user_id = $1 ORDER BY a.path, r.role`,
      [userId],
    );
  }

  profileOf(userId: string): Promise<ApplicantProfile | null> {
    return this.db.getRepository(ApplicantProfile).findOneBy({ userId });
  }
}
