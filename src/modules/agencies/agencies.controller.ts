import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../access/access.decorator';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import type { Principal } from '../access/domain/principal';
import { AgenciesService } from './agencies.service';
import { AgencyView } from './agency.view';
import {
  CreateAgencyDto,
  ListAgenciesQueryDto,
  DeactivateAgencyDto,
  MoveAgencyDto,
  UpdateAgencyDto,
} from './dto/agency.dto';

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('api/v1/agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get()
  @RequirePermission('agencies.read')
  @ApiOperation({
    summary: 'Agencies within your reach (clerks: own agency; supervisors, admins: subtree)',
  })
  @ApiOkResponse({ type: AgencyView, isArray: true })
  async list(
    @CurrentPrincipal() p: Principal,
    @Query() q: ListAgenciesQueryDto,
  ): Promise<AgencyView[]> {
    const rows = await this.agencies.list(p, {
      parentCode: q.parentCode,
      includeInactive: q.includeInactive === true,
    });
    return rows.map((r) => AgencyView.of(r.agency, r.parentCode));
  }

  @Get(':code')
  @RequirePermission('agencies.read')
  @ApiOperation({ summary: 'One agency (404 when unknown or outside your reach)' })
  @ApiOkResponse({ type: AgencyView })
  async get(@CurrentPrincipal() p: Principal, @Param('code') code: string): Promise<AgencyView> {
    const r = await this.agencies.getVisible(p, code);
    return AgencyView.of(r.agency, r.parentCode);
  }

  @Get(':code/history')
  @RequirePermission('agencies.read')
  @ApiOperation({ summary: 'Every change to an agency, oldest first' })
  async history(@CurrentPrincipal() p: Principal, @Param('code') code: string) {
    const events = await this.agencies.history(p, code);
    return events.map((e) => ({
      at: e.at,
      action: e.action,
      actorId: e.actorId,
      before: e.before,
      after: e.after,
    }));
  }

  @Post()
  @RequirePermission('agencies.manage')
  @ApiOperation({ summary: 'Create an agency under a parent you administer' })
  @ApiOkResponse({ type: AgencyView })
  async create(
    @CurrentPrincipal() p: Principal,
    @Body() dto: CreateAgencyDto,
  ): Promise<AgencyView> {
    const a = await this.agencies.create(p, dto);
    return AgencyView.of(a, dto.parentCode);
  }

  @Patch(':code')
  @RequirePermission('agencies.manage')
  @ApiOperation({ summary: 'Rename an agency or change its kind, channels and contact details' })
  @ApiOkResponse({ type: AgencyView })
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('code') code: string,
    @Body() dto: UpdateAgencyDto,
  ): Promise<AgencyView> {
    const a = await this.agencies.update(p, code, dto);
    return AgencyView.of(a, await this.agencies.parentCode(a));
  }

  @Post(':code/move')
  @HttpCode(200)
  @RequirePermission('agencies.manage')
  @ApiOperation({ summary: 'Move an agency and its subtree under another parent' })
  @ApiOkResponse({ type: AgencyView })
  async move(
    @CurrentPrincipal() p: Principal,
    @Param('code') code: string,
    @Body() dto: MoveAgencyDto,
  ): Promise<AgencyView> {
    const a = await this.agencies.move(p, code, dto.parentCode);
    return AgencyView.of(a, dto.parentCode);
  }

  @Post(':code/deactivate')
  @HttpCode(200)
  @RequirePermission('agencies.manage')
  @ApiOperation({
    summary:
      'Deactivate an agency (history kept; its code is never reused); open cases move to the named successor, refused without one',
  })
  @ApiOkResponse({ type: AgencyView })
  async deactivate(
    @CurrentPrincipal() p: Principal,
    @Param('code') code: string,
    @Body() dto: DeactivateAgencyDto,
  ): Promise<AgencyView> {
    const a = await this.agencies.deactivate(p, code, dto.successorCode ?? null);
    return AgencyView.of(a, await this.agencies.parentCode(a));
  }
}
