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
import { DomainError } from '../../../shared/domain/domain-error';
import type { Principal } from '../../access/domain/principal';
import { isRootAdmin } from '../../access/domain/root-admin';
import type { AuthedRequest } from '../../access/request-auth';
import { AgenciesService } from '../../agencies/agencies.service';
import { CalendarOverridesService } from '../../calendar/calendar-overrides.service';
import { CalendarYearsService } from '../../calendar/calendar-years.service';
import { CalendarService } from '../../calendar/calendar.service';
import { OVERRIDE_KINDS, OVERRIDE_SCOPES } from '../../calendar/domain/override-scope';
import { CreateOverrideDto } from '../../calendar/dto/calendar-admin.dto';
import { fieldsOf, type FormError } from '../form-errors';
import { PortalPages } from '../portal-pages';
import { PageGateFilter, StaffPrincipal } from '../staff-gate';
import { PORTAL_TEXT, type Lang } from '../portal-text';
import { validatedForm } from '../validated-form';
import { AdminPageQueryDto } from './admin-query.dto';
import { invalidOf, isNotFound, refusedForm, seeOther } from './admin-forms';

const OVERRIDE_FIELDS = ['date', 'kind', 'scope', 'agencyCode', 'basis', 'name'] as const;

/** A pure rule's refusal (a malformed notice, an impossible date) as form errors. */
function domainErrors(
  err: DomainError,
  fallbackField: string,
  known: readonly string[],
): FormError[] {
  const problems = err.fieldErrors.length ? err.fieldErrors : [{ field: '', message: err.message }];
  return problems.map((e) =>
    known.includes(e.field)
      ? { field: e.field, message: e.message, code: err.code }
      : { field: fallbackField, message: `${e.field}: ${e.message}`, code: err.code },
  );
}

/**
 * The working calendar for administrators (calendar.manage): the years loaded and their State
 * Council notices, importing a year's notice (R-WD-04, root administrators), and the overrides
 * within reach (R-WD-05) with adding and removing one. The services check who may do what.
 */
@ApiExcludeController()
@UseFilters(PageGateFilter)
@Controller('admin/calendar')
export class CalendarPagesController {
  constructor(
    private readonly pages: PortalPages,
    private readonly calendar: CalendarService,
    private readonly years: CalendarYearsService,
    private readonly overrides: CalendarOverridesService,
    private readonly agencies: AgenciesService,
  ) {}

  @Get()
  @Public()
  async page(
    @StaffPrincipal('calendar.manage') p: Principal,
    @Query() q: AdminPageQueryDto,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string | void> {
    return this.render(req, res, p, null, {}, [], q.done);
  }

  @Post('years')
  @Public()
  @HttpCode(200)
  async importYear(
    @StaffPrincipal('calendar.manage') p: Principal,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Body() body: unknown,
  ): Promise<string | void> {
    const { lang } = this.pages.context(req, res);
    const f = fieldsOf(body, ['notice', 'replace']);
    let errors: FormError[];
    let notice: unknown;
    try {
      notice = JSON.parse(f.notice);
    } catch {
      notice = undefined;
    }
    if (notice === undefined || notice === null || typeof notice !== 'object') {
      errors = [{ field: 'notice', message: PORTAL_TEXT.noticeNotJson[lang] }];
    } else {
      try {
        const r = await this.years.importYear(p, notice, {
          replace: f.replace === 'true',
          ip: req.ip ?? null,
        });
        return seeOther(res, '/admin/calendar', r.changed ? 'imported' : 'unchanged');
      } catch (err) {
        errors =
          err instanceof DomainError
            ? domainErrors(err as DomainError, 'notice', [])
            : refusedForm(err, lang, 'notice', (field) => (field === 'year' ? 'notice' : field));
      }
    }
    return this.render(req, res, p, 'years', f, errors, undefined, 400);
  }

  @Post('overrides')
  @Public()
  @HttpCode(200)
  async addOverride(
    @StaffPrincipal('calendar.manage') p: Principal,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Body() body: unknown,
  ): Promise<string | void> {
    const { lang } = this.pages.context(req, res);
    const f = fieldsOf(body, OVERRIDE_FIELDS);
    // A national correction names no agency, whatever the agency list still shows.
    const input = f.scope === 'NATIONAL_CORRECTION' ? { ...f, agencyCode: '' } : f;
    const form = await validatedForm(CreateOverrideDto, input, lang);
    let errors: FormError[] = form.errors;
    if (form.value) {
      try {
        await this.overrides.add(p, form.value, req.ip ?? null);
        return seeOther(res, '/admin/calendar', 'added');
      } catch (err) {
        errors =
          err instanceof DomainError
            ? domainErrors(err as DomainError, 'date', OVERRIDE_FIELDS)
            : refusedForm(err, lang, isNotFound(err) ? 'agencyCode' : 'scope');
      }
    }
    return this.render(req, res, p, 'override', f, errors, undefined, 400);
  }

  @Post('overrides/:id/remove')
  @Public()
  @HttpCode(200)
  async removeOverride(
    @StaffPrincipal('calendar.manage') p: Principal,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Param('id') id: string,
  ): Promise<string | void> {
    const { lang } = this.pages.context(req, res);
    try {
      await this.overrides.remove(p, id, req.ip ?? null);
      return seeOther(res, '/admin/calendar', 'removed');
    } catch (err) {
      if (isNotFound(err)) return this.pages.render(req, res, 'admin/not-found', {}, 404);
      const errors = refusedForm(err, lang, `remove-${id}`);
      return this.render(req, res, p, null, {}, errors, undefined, 400);
    }
  }

  private async render(
    req: AuthedRequest,
    res: Response,
    p: Principal,
    form: 'years' | 'override' | null,
    fields: Record<string, string>,
    errors: FormError[],
    done?: string,
    status = 200,
  ): Promise<string> {
    const [effective, overrides, agencies] = await Promise.all([
      this.calendar.current(),
      this.overrides.list(p),
      this.agencies.list(p),
    ]);
    const lang: Lang = this.pages.context(req, res).lang;
    const rootAdmin = isRootAdmin(p);
    return this.pages.render(
      req,
      res,
      'admin/calendar',
      {
        years: [...effective.years()].reverse(),
        overrides,
        rootAdmin,
        form,
        notice: form === 'years' ? fields.notice : '',
        replace: form === 'years' && fields.replace === 'true',
        fields: Object.fromEntries(
          OVERRIDE_FIELDS.map((f) => [f, form === 'override' ? (fields[f] ?? '') : '']),
        ),
        kinds: OVERRIDE_KINDS,
        // National corrections are the root administrators' (the service refuses others).
        scopes: OVERRIDE_SCOPES.filter((s) => rootAdmin || s !== 'NATIONAL_CORRECTION'),
        agencies: agencies
          .filter((r) => p.can('calendar.manage', r.agency.path))
          .map((r) => ({ code: r.agency.code, name: r.agency.name })),
        errors,
        invalid: invalidOf(errors),
        done,
        lang,
      },
      status,
    );
  }
}
