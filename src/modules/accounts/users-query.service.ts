import { Injectable } from '@nestjs/common';
import { FieldCipher } from '../../infra/crypto/field-cipher';
import { Refusal } from '../../infra/http/domain-error';
import type { Principal } from '../access/domain/principal';
import type { ApplicantProfileView, RoleView, UserView } from './accounts.views';
import type { ApplicantProfile } from './applicant-profile.entity';
import { maskAddress, maskIdNumber, maskPhone } from './domain/masking';
import type { User } from './user.entity';
import { UsersRepository } from './users.repository';

const notFound = () => new Refusal('user-not-found');

/** Read side of accounts: what a person may see of themselves and of others. */
@Injectable()
export class UsersQueryService {
  constructor(
    private readonly users: UsersRepository,
    private readonly cipher: FieldCipher,
  ) {}

  /** The signed-in person, with their own personal data unmasked. */
  async me(principal: Principal): Promise<UserView> {
    const user = await this.users.byId(principal.userId);
    if (!user) throw notFound();
    return this.view(user, false);
  }

  /** Staff holding a role in an agency within the principal's `users.read` reach. */
  async listStaff(principal: Principal): Promise<UserView[]> {
    const users = await this.users.staffInScope(principal.scope('users.read'));
    return Promise.all(users.map((u) => this.view(u, true)));
  }

  /**
   * One user: staff with a role within reach, or (for administrators of a whole province,
   * i.e. a root agency) an applicant — whose personal data is then shown masked.
   */
  async get(principal: Principal, id: string): Promise<UserView> {
    const user = await this.users.byId(id);
    if (!user) throw notFound();
    if (user.id === principal.userId) return this.view(user, false);
    const scope = principal.scope('users.read');
    if (user.kind === 'staff') {
      if (!(await this.users.hasRoleInScope(id, scope))) throw notFound();
    } else {
      const rootReach = scope.prefixes.some((p) => p.split('/').filter(Boolean).length === 1);
      if (!rootReach) throw notFound();
    }
    return this.view(user, true);
  }

  private async view(user: User, masked: boolean): Promise<UserView> {
    const roles = await this.users.rolesOf(user.id);
    const profile = user.kind === 'applicant' ? await this.users.profileOf(user.id) : null;
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
