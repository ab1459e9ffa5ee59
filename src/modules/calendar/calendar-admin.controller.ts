import { Body, Controller, Delete, Get, Ip, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../infra/http/input/id.pipe';
import type { Response } from 'express';
import { RequirePermission } from '../access/access.decorator';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import type { Principal } from '../access/domain/principal';
import { NOTICE_EXAMPLE } from './calendar-api.examples';
import { OverrideView } from './calendar-override.view';
import { CalendarOverridesService } from './calendar-overrides.service';
import { CalendarYearsService, type YearImportResult } from './calendar-years.service';
import {
  CreateOverrideDto,
  ImportYearQueryDto,
  ListOverridesQueryDto,
} from './dto/calendar-admin.dto';

/**
 * Administration of the calendar: year notices (R-WD-04; root administrators) and the override
 * table (R-WD-05). Each change is audited, bumps the calendar version and is logged in
 * calendar_change for the consumers of CalendarChanges.
 */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('api/v1/calendar')
export class CalendarAdminController {
  constructor(
    private readonly years: CalendarYearsService,
    private readonly overrides: CalendarOverridesService,
  ) {}

  @Post('years')
  @RequirePermission('calendar.manage')
  @ApiOperation({
    summary: "Import a year's State Council holiday notice (root administrators)",
    description:
      'Body: the notice JSON (see README "Calendar API and commands"). A year already loaded — from the bundled dataset or an earlier import — is replaced only with `replace=true` (409 otherwise); importing the identical notice again changes nothing (200, `changed: false`). 201 when imported.',
  })
  @ApiBody({ schema: { type: 'object', example: NOTICE_EXAMPLE } })
  @ApiOkResponse({
    schema: {
      example: {
        year: 2027,
        changed: true,
        replaced: null,
        noticeUrl: NOTICE_EXAMPLE.noticeUrl,
        noticeDate: '2026-11-05',
        version: '7',
      },
    },
  })
  async importYear(
    @CurrentPrincipal() p: Principal,
    @Query() q: ImportYearQueryDto,
    @Body() body: unknown,
    @Ip() ip: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<YearImportResult> {
    const result = await this.years.importYear(p, body, { replace: q.replace === 'true', ip });
    res.status(result.changed ? 201 : 200);
    return result;
  }

  @Get('overrides')
  @RequirePermission('calendar.manage')
  @ApiOperation({
    summary: 'National corrections and the overrides of agencies within your reach, by date',
  })
  @ApiOkResponse({ type: OverrideView, isArray: true })
  async list(
    @CurrentPrincipal() p: Principal,
    @Query() q: ListOverridesQueryDto,
  ): Promise<OverrideView[]> {
    return this.overrides.list(p, q.includeDeleted === 'true');
  }

  @Post('overrides')
  @RequirePermission('calendar.manage')
  @ApiOperation({
    summary: 'Add an override (R-WD-05): a date CLOSED or OPEN, with its legal basis',
    description:
      'NATIONAL_CORRECTION only by root administrators (403 otherwise); PROVINCE/AGENCY for an agency within your reach (404 otherwise). One active override per date and scope target (409).',
  })
  @ApiOkResponse({ type: OverrideView })
  async add(
    @CurrentPrincipal() p: Principal,
    @Body() dto: CreateOverrideDto,
    @Ip() ip: string,
  ): Promise<OverrideView> {
    return this.overrides.add(p, dto, ip);
  }

  @Delete('overrides/:id')
  @RequirePermission('calendar.manage')
  @ApiOperation({ summary: 'Remove an override (soft delete: its history is kept)' })
  @ApiOkResponse({ type: OverrideView })
  async remove(
    @CurrentPrincipal() p: Principal,
    @IdParam() id: string,
    @Ip() ip: string,
  ): Promise<OverrideView> {
    return this.overrides.remove(p, id, ip);
  }
}
