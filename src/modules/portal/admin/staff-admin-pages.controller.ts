import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../../infra/http/public.decorator';
import { isUuid } from '../../../infra/http/input/id.pipe';
import type { Principal } from '../../access/domain/principal';
import { STAFF_ROLES } from '../../access/domain/roles';
import type { AuthedRequest } from '../../access/request-auth';
import type { UserView } from '../../accounts/accounts.views';
import { AccountsService } from '../../accounts/accounts.service';
import { CreateStaffDto, RoleGrantDto } from '../../accounts/dto/staff.dto';
import { UsersQueryService } from '../../accounts/users-query.service';
import { AgenciesService } from '../../agencies/agencies.service';
import { fieldsOf, type FormError } from '../form-errors';
import { PortalPages } from '../portal-pages';
import { PageGateFilter, StaffPrincipal } from '../staff-gate';
import { validatedForm } from '../validated-form';
import { AdminPageQueryDto } from './admin-query.dto';
import { invalidOf, isNotFound, refusedForm, seeOther } from './admin-forms';

const INVITE_FIELDS = ['email', 'displayName', 'agencyCode', 'role'] as const;
/** The invitation form holds one role: the DTO's `roles.0.*` are its fields. */
const inviteField = (f: string) => f.replace(/^roles(\.0)?\./, '').replace(/^roles$/, 'role');

/**
 * Staff and their roles (users.read to see, users.manage to change): the staff within reach,
 * inviting a new staff member (AccountsService creates the account and e-mails the link to set
 * a password), granting and revoking roles.
 */
@ApiExcludeController()
@UseFilters(PageGateFilter)
@Controller('admin/staff')
export class StaffAdminPagesController {
  constructor(
    private readonly pages: PortalPages,
    private readonly accounts: AccountsService,
    private readonly users: UsersQueryService,
    private readonly agencies: AgenciesService,
  ) {}

  @Get()
  @Public()
  async list(
    @StaffPrincipal('users.read') p: Principal,
    @Query() q: AdminPageQueryDto,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string | void> {
    return this.listPage(req, res, p, { role: 'clerk' }, [], q.done);
  }

  @Post()
  @Public()
  @HttpCode(200)
  async invite(
    @StaffPrincipal('users.manage') p: Principal,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Body() body: unknown,
  ): Promise<string | void> {
    const { lang } = this.pages.context(req, res);
    const f = fieldsOf(body, INVITE_FIELDS);
    const input = {
      email: f.email,
      displayName: f.displayName,
      roles: [{ agencyCode: f.agencyCode, role: f.role }],
    };
    const form = await validatedForm(CreateStaffDto, input, lang);
    let errors: FormError[] = form.errors.map((e) => ({ ...e, field: inviteField(e.field) }));
    if (form.value) {
      try {
        const user = await this.accounts.createStaff(p, form.value);
        return seeOther(res, `/admin/staff/${user.id}`, 'invited');
      } catch (err) {
        errors = refusedForm(err, lang, 'email', inviteField);
      }
    }
    return this.listPage(req, res, p, f, errors, undefined, 400);
  }

  @Get(':id')
  @Public()
  async person(
    @StaffPrincipal('users.read') p: Principal,
    @Query() q: AdminPageQueryDto,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Param('id') id: string,
  ): Promise<string | void> {
    return this.personPage(req, res, p, id, { role: 'clerk' }, [], q.done);
  }

  @Post(':id/roles')
  @Public()
  @HttpCode(200)
  async grant(
    @StaffPrincipal('users.manage') p: Principal,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<string | void> {
    return this.roleChange(p, req, res, id, body, 'granted', (p, userId, grant) =>
      this.accounts.grantRole(p, userId, grant),
    );
  }

  @Post(':id/roles/revoke')
  @Public()
  @HttpCode(200)
  async revoke(
    @StaffPrincipal('users.manage') p: Principal,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<string | void> {
    return this.roleChange(p, req, res, id, body, 'revoked', (p, userId, grant) =>
      this.accounts.revokeRole(p, userId, grant),
    );
  }

  private async roleChange(
    p: Principal,
    req: AuthedRequest,
    res: Response,
    id: string,
    body: unknown,
    done: 'granted' | 'revoked',
    run: (p: Principal, userId: string, grant: RoleGrantDto) => Promise<void>,
  ): Promise<string | void> {
    const { lang } = this.pages.context(req, res);
    const person = await this.visible(p, id);
    if (!person) return this.notFound(req, res);
    const f = fieldsOf(body, ['agencyCode', 'role']);
    const form = await validatedForm(RoleGrantDto, f, lang);
    let errors: FormError[] = form.errors;
    if (form.value) {
      try {
        await run(p, person.id, form.value);
        return seeOther(res, `/admin/staff/${person.id}`, done);
      } catch (err) {
        errors = refusedForm(err, lang, 'agencyCode');
      }
    }
    // A refused revocation is said on the grant form's agency field (the one form with fields).
    return this.personPage(req, res, p, person.id, f, errors, undefined, 400);
  }

  /** A staff member within the reader's reach, or null (never an applicant here). */
  private async visible(p: Principal, id: string): Promise<UserView | null> {
    if (!isUuid(id)) return null;
    try {
      const user = await this.users.get(p, id.toLowerCase());
      return user.kind === 'staff' ? user : null;
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  private async listPage(
    req: AuthedRequest,
    res: Response,
    p: Principal,
    fields: Record<string, string>,
    errors: FormError[],
    done?: string,
    status = 200,
  ): Promise<string> {
    const staff = await this.users.listStaff(p);
    return this.pages.render(
      req,
      res,
      'admin/staff',
      {
        staff,
        canManage: p.has('users.manage'),
        fields: Object.fromEntries(INVITE_FIELDS.map((f) => [f, fields[f] ?? ''])),
        agencies: await this.manageable(p),
        roles: STAFF_ROLES,
        errors,
        invalid: invalidOf(errors),
        done,
      },
      status,
    );
  }

  private async personPage(
    req: AuthedRequest,
    res: Response,
    p: Principal,
    id: string,
    fields: Record<string, string>,
    errors: FormError[],
    done?: string,
    status = 200,
  ): Promise<string> {
    const person = await this.visible(p, id);
    if (!person) return this.notFound(req, res);
    const agencies = await this.manageable(p);
    const manageable = new Set(agencies.map((a) => a.code));
    return this.pages.render(
      req,
      res,
      'admin/person',
      {
        person,
        canManage: p.has('users.manage'),
        revocable: person.roles.map((r) => ({ ...r, revocable: manageable.has(r.agencyCode) })),
        fields: { agencyCode: fields.agencyCode ?? '', role: fields.role ?? '' },
        agencies,
        roles: STAFF_ROLES,
        errors,
        invalid: invalidOf(errors),
        done,
      },
      status,
    );
  }

  /** Active agencies where the administrator may grant roles (users.manage reach). */
  private async manageable(p: Principal): Promise<Array<{ code: string; name: string }>> {
    if (!p.has('users.manage')) return [];
    const rows = await this.agencies.list(p);
    return rows
      .filter((r) => p.can('users.manage', r.agency.path))
      .map((r) => ({ code: r.agency.code, name: r.agency.name }));
  }

  private notFound(req: AuthedRequest, res: Response): string {
    return this.pages.render(req, res, 'admin/not-found', {}, 404);
  }
}
