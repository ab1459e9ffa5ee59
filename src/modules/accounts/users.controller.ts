import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { IdParam } from '../../infra/http/input/id.pipe';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequirePermission } from '../access/access.decorator';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import type { Principal } from '../access/domain/principal';
import { STAFF_ROLES, type StaffRole } from '../access/domain/roles';
import { Refusal } from '../../infra/http/domain-error';
import { UserView } from './accounts.views';
import { AccountsService } from './accounts.service';
import { CreateStaffDto, RoleGrantDto } from './dto/staff.dto';
import { UsersQueryService } from './users-query.service';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('api/v1/users')
export class UsersController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly users: UsersQueryService,
  ) {}

  @Get()
  @RequirePermission('users.read')
  @ApiOperation({ summary: 'Staff with a role within your reach' })
  @ApiOkResponse({ type: UserView, isArray: true })
  list(@CurrentPrincipal() p: Principal): Promise<UserView[]> {
    return this.users.listStaff(p);
  }

  @Get(':id')
  @RequirePermission('users.read')
  @ApiOperation({ summary: "One user; an applicant's personal data is masked" })
  @ApiOkResponse({ type: UserView })
  get(@CurrentPrincipal() p: Principal, @IdParam() id: string): Promise<UserView> {
    return this.users.get(p, id);
  }

  @Post()
  @RequirePermission('users.manage')
  @ApiOperation({
    summary: 'Create a staff account with roles; the person is e-mailed a code to set a password',
  })
  @ApiCreatedResponse({ type: UserView })
  async create(@CurrentPrincipal() p: Principal, @Body() dto: CreateStaffDto): Promise<UserView> {
    const user = await this.accounts.createStaff(p, dto);
    return this.users.get(p, user.id);
  }

  @Post(':id/roles')
  @RequirePermission('users.manage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Grant a role in an agency you administer' })
  @ApiOkResponse({ type: UserView })
  async grant(
    @CurrentPrincipal() p: Principal,
    @IdParam() id: string,
    @Body() dto: RoleGrantDto,
  ): Promise<UserView> {
    await this.accounts.grantRole(p, id, dto);
    return this.users.get(p, id);
  }

  @Delete(':id/roles/:agencyCode/:role')
  @RequirePermission('users.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a role' })
  async revoke(
    @CurrentPrincipal() p: Principal,
    @IdParam() id: string,
    @Param('agencyCode') agencyCode: string,
    @Param('role') role: string,
  ): Promise<void> {
    if (!STAFF_ROLES.includes(role as StaffRole)) throw new Refusal('role-assignment-not-found');
    await this.accounts.revokeRole(p, id, { agencyCode, role: role as StaffRole });
  }
}
