import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../infra/clock/clock';
import { FieldCipher } from '../../infra/crypto/field-cipher';
import { UnitOfWork } from '../../infra/database/unit-of-work';
import { fieldProblem, invalidField, invalidFields, Refusal } from '../../infra/http/domain-error';
import { Agency } from '../agencies/agency.entity';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../access/domain/principal';
import type { StaffRole } from '../access/domain/roles';
import { AccountMails } from './account-mails.service';
import { ApplicantProfile } from './applicant-profile.entity';
import { idProofProblems } from './domain/applicant';
import { identityIndexKey } from './domain/identity';
import { passwordProblem } from './domain/password-policy';
import type { RegisterApplicantDto } from './dto/register.dto';
import { PasswordHasher } from './password-hasher';
import { RoleAssignment } from './role-assignment.entity';
import { User } from './user.entity';

export interface RoleGrant {
  agencyCode: string;
  role: StaffRole;
}

const emailTaken = () => new Refusal('email-taken', {}, [fieldProblem('email', 'email-taken')]);

/** Applicant self-registration, staff accounts and role grants. */
@Injectable()
export class AccountsService {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    private readonly cipher: FieldCipher,
    private readonly hasher: PasswordHasher,
    private readonly mails: AccountMails,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
  ) {}

  /** Creates an unverified applicant and e-mails a verification link, in one transaction. */
  async registerApplicant(dto: RegisterApplicantDto, ip: string | null): Promise<User> {
    const {
      type: idType,
      number: idNumber,
      problems,
    } = idProofProblems(dto.category, dto.idType, dto.idNumber);
    const weak = passwordProblem(dto.password);
    if (weak) problems.push(fieldProblem('password', weak));
    if (problems.length) throw invalidFields(problems);
    const email = dto.email.trim().toLowerCase();
    const passwordHash = await this.hasher.hash(dto.password);
    return this.uow.run(async (tx) => {
      const m = tx.m;
      if (await m.getRepository(User).existsBy({ email })) throw emailTaken();
      const user = await this.insertUser(m, {
        kind: 'applicant',
        email,
        displayName: dto.name,
        passwordHash,
        verified: false,
      });
      await m.insert(ApplicantProfile, {
        userId: user.id,
        category: dto.category,
        name: dto.name,
        idType,
        idNumberEnc: this.cipher.encrypt(idNumber),
        idNumberIndex: this.cipher.blindIndex(identityIndexKey(idType, idNumber)),
        phoneEnc: this.cipher.encryptNullable(dto.phone),
        addressEnc: this.cipher.encryptNullable(dto.address),
        postcode: dto.postcode ?? null,
      });
      await this.mails.verifyEmail(tx, { id: user.id, email, name: dto.name });
      await this.audit.record(
        {
          actorId: user.id,
          action: 'users.registered',
          targetType: 'user',
          targetId: user.id,
          ip,
          details: { category: dto.category },
        },
        m,
      );
      return user;
    });
  }

  /**
   * Creates a staff account with roles. Through the API (principal given) the new person is
   * invited by e-mail to set a password; the CLI may set one directly.
   */
  async createStaff(
    principal: Principal | null,
    input: { email: string; displayName: string; roles: RoleGrant[]; password?: string },
  ): Promise<User> {
    const email = input.email.trim().toLowerCase();
    if (input.password !== undefined) {
      const weak = passwordProblem(input.password);
      if (weak) throw invalidField('password', weak);
    }
    const passwordHash = await this.hasher.hash(input.password ?? randomUUID());
    return this.uow.run(async (tx) => {
      const m = tx.m;
      if (await m.getRepository(User).existsBy({ email })) throw emailTaken();
      const user = await this.insertUser(m, {
        kind: 'staff',
        email,
        displayName: input.displayName,
        passwordHash,
        verified: input.password !== undefined,
      });
      for (const grant of input.roles) await this.grantIn(m, principal, user.id, grant);
      await this.audit.record(
        {
          actorId: principal?.userId ?? null,
          action: 'users.created',
          targetType: 'user',
          targetId: user.id,
        },
        m,
      );
      if (input.password === undefined) {
        await this.mails.resetPassword(tx, { id: user.id, email, name: input.displayName }, true);
      }
      return user;
    });
  }

  async grantRole(principal: Principal | null, userId: string, grant: RoleGrant): Promise<void> {
    await this.uow.run(async ({ m }) => {
      const user = await m.getRepository(User).findOneBy({ id: userId, kind: 'staff' });
      if (!user) throw new Refusal('user-not-found');
      await this.grantIn(m, principal, userId, grant);
    });
  }

  async revokeRole(principal: Principal, userId: string, grant: RoleGrant): Promise<void> {
    await this.uow.run(async ({ m }) => {
      const agency = await this.manageableAgency(m, principal, grant.agencyCode);
      const res = await m.delete(RoleAssignment, { userId, agencyId: agency.id, role: grant.role });
      if (!res.affected) throw new Refusal('role-assignment-not-found');
      await this.audit.record(
        {
          actorId: principal.userId,
          action: 'roles.revoked',
          targetType: 'user',
          targetId: userId,
          agencyId: agency.id,
          details: { role: grant.role, agency: grant.agencyCode },
        },
        m,
      );
    });
  }

  private async grantIn(
    m: EntityManager,
    principal: Principal | null,
    userId: string,
    grant: RoleGrant,
  ): Promise<void> {
    const agency = await this.manageableAgency(m, principal, grant.agencyCode);
    await m
      .createQueryBuilder()
      .insert()
      .into(RoleAssignment)
      .values({
        userId,
        agencyId: agency.id,
        role: grant.role,
        grantedBy: principal?.userId ?? null,
      })
      .orIgnore()
      .execute();
    await this.audit.record(
      {
        actorId: principal?.userId ?? null,
        action: 'roles.granted',
        targetType: 'user',
        targetId: userId,
        agencyId: agency.id,
        details: { role: grant.role, agency: grant.agencyCode },
      },
      m,
    );
  }

  private async manageableAgency(
    m: EntityManager,
    principal: Principal | null,
    code: string,
  ): Promise<Agency> {
    const agency = await m.getRepository(Agency).findOneBy({ code, active: true });
    if (!agency || (principal && !principal.can('users.manage', agency.path))) {
      throw new Refusal('agency-not-found', { agency: code }, [
        fieldProblem('agencyCode', 'agency-not-found', { agency: code }),
      ]);
    }
    return agency;
  }

  private async insertUser(
    m: EntityManager,
    u: {
      kind: 'applicant' | 'staff';
      email: string;
      displayName: string;
      passwordHash: string;
      verified: boolean;
    },
  ): Promise<User> {
    const user = m.getRepository(User).create({
      id: randomUUID(),
      kind: u.kind,
      email: u.email,
      displayName: u.displayName,
      passwordHash: u.passwordHash,
      emailVerifiedAt: u.verified ? this.clock.now() : null,
      failedLogins: 0,
      lockedUntil: null,
      active: true,
    });
    await m.getRepository(User).insert(user);
    return user;
  }
}
