import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FieldCipher } from '../../infra/crypto/field-cipher';
import { Refusal } from '../../infra/http/domain-error';
import { Agency } from '../agencies/agency.entity';
import { whereInScope } from '../agencies/agency-scope';
import type { Principal } from '../auth/domain/principal';
import type { ApplicantProfileView, RoleView, UserView } from './accounts.views';
import { ApplicantProfile } from './applicant-profile.entity';
import { maskAddress, maskIdNumber, maskPhone } from './domain/masking';
import { RoleAssignment } from './role-assignment.entity';
import { User } from './user.entity';

const notFound = () => new Refusal('user-not-found');

/** Read side of accounts: what a person may see of themselves and of others. */
@Injectable()
export class UsersQueryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cipher: FieldCipher,
  ) {}

  /** The signed-in person, with their own personal data unmasked. */
  async me(principal: Principal): Promise<UserView> {
    const user = await this.db.getRepository(User).findOneBy({ id: principal.userId });
    if (!user) throw notFound();
    return this.view(user, false);
  }

  /** Staff holding a role in an agency within the principal's `users.read` reach. */
  async listStaff(principal: Principal): Promise<UserView[]> {
    const qb = this.db
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
        whereInScope(inner, 'a.path', principal.scope('users.read'));
        return `EXISTS ${inner.getQuery()}`;
      })
      .orderBy('u.email');
    const users = await qb.getMany();
    return Promise.all(users.map((u) => this.view(u, true)));
  }

  /**
   * One user: staff with a role within reach, or (for administrators of a whole province,
   * i.e. a root agency) an applicant — whose personal data is then shown masked.
   */
  async get(principal: Principal, id: string): Promise<UserView> {
    const user = await this.db.getRepository(User).findOneBy({ id });
    if (!user) throw notFound();
    if (user.id === principal.userId) return this.view(user, false);
    const scope = principal.scope('users.read');
    if (user.kind === 'staff') {
      const qb = this.db
        .getRepository(RoleAssignment)
        .createQueryBuilder('r')
        .innerJoin(Agency, 'a', 'a.id = r.agency_id')
        .where('r.user_id = :id', { id });
      if ((await whereInScope(qb, 'a.path', scope).getCount()) === 0) throw notFound();
    } else {
      const rootReach = scope.prefixes.some((p) => p.split('/').filter(Boolean).length === 1);
      if (!rootReach) throw notFound();
    }
    return this.view(user, true);
  }

  private async view(user: User, masked: boolean): Promise<UserView> {
    const roles = await this.db.query<Array<{ code: string; name: string; role: string }>>(
      `SELECT a.code, a.name, r.role FROM role_assignment r JOIN agency a ON a.id = r.agency_id WHERE r.user_id = $1 ORDER BY a.path, r.role`,
      [user.id],
    );
    const profile =
      user.kind === 'applicant'
        ? await this.db.getRepository(ApplicantProfile).findOneBy({ userId: user.id })
        : null;
    return {
      id: user.id,
      kind: user.kind,
      email: user.email,
      displayName: user.displayName,
      emailVerified: user.emailVerifiedAt !== null,
      active: user.active,
      roles: roles.map((r): RoleView => ({ agencyCode: r.code, agencyName: r.name, role: r.role })),
      applicant: profile ? this.profileView(profile, masked) : null,
    };
  }

  private profileView(p: ApplicantProfile, masked: boolean): ApplicantProfileView {
    const id = this.cipher.decrypt(p.idNumberEnc);
    const phone = this.cipher.decryptNullable(p.phoneEnc);
    const address = this.cipher.decryptNullable(p.addressEnc);
    return {
      category: p.category,
      name: p.name,
      idType: p.idType,
      idNumber: masked ? maskIdNumber(id) : id,
      phone: phone && masked ? maskPhone(phone) : phone,
      address: address && masked ? maskAddress(address) : address,
      postcode: p.postcode,
      masked,
    };
  }
}
