import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../../infra/http/public.decorator';
import { Refusal } from '../../../shared/domain/refusal';
import type { Principal } from '../../access/domain/principal';
import type { AuthedRequest } from '../../access/request-auth';
import { AgenciesService } from '../../agencies/agencies.service';
import { StaffIntakeDto } from '../../requests/dto/staff-intake.dto';
import { IntakeService } from '../../requests/intake.service';
import type { FormError } from '../form-errors';
import { PageQueryDto } from '../page-query.dto';
import { PortalPages } from '../portal-pages';
import { PageGateFilter, StaffPrincipal } from '../staff-gate';
import { formErrorsOf, validatedForm } from '../validated-form';
import { formBody, nested } from './form-body';
import { INTAKE_FIELDS } from './intake-fields';

const KEY = /^[A-Za-z0-9._:-]{8,100}$/;

/**
 * Registering a request that arrived in person, by post, fax, e-mail or orally
 * (`/staff/intake`), with the rules that fix its date of receipt (Art 31) on the page.
 */
@ApiExcludeController()
@UseFilters(PageGateFilter)
@Controller('staff/intake')
export class IntakePageController {
  constructor(
    private readonly pages: PortalPages,
    private readonly agencies: AgenciesService,
    private readonly intake: IntakeService,
  ) {}

  @Get()
  @Public()
  async form(
    @StaffPrincipal('cases.handle') p: Principal,
    @Query() _q: PageQueryDto,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string | void> {
    const start = {
      channel: 'in_person',
      form: 'paper',
      deliveryRoute: 'post',
      'applicant.category': 'np',
      'applicant.idType': 'resident_id',
    };
    return this.page(req, res, p, start, []);
  }

  @Post()
  @Public()
  @HttpCode(200)
  async register(
    @StaffPrincipal('cases.handle') p: Principal,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Body() body: unknown,
  ): Promise<string | void> {
    const { lang } = this.pages.context(req, res);
    const posted = (body ?? {}) as Record<string, unknown>;
    const key = typeof posted.idempotencyKey === 'string' ? posted.idempotencyKey : '';
    const checked = await validatedForm(
      StaffIntakeDto,
      nested(formBody(INTAKE_FIELDS, posted)),
      lang,
    );
    if (!checked.value) return this.page(req, res, p, posted, checked.errors, 400);
    try {
      // The key rendered into the form: a double submit registers one request.
      const filed = await this.intake.fileByStaff(p, checked.value, KEY.test(key) ? key : null);
      return this.pages.render(req, res, 'staff/intake-done', {
        referenceNo: filed.c.referenceNo,
        trackingCode: filed.trackingCode,
        status: filed.c.status,
      });
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      return this.page(req, res, p, posted, formErrorsOf(err, lang, 'channel'), 400);
    }
  }

  private async page(
    req: AuthedRequest,
    res: Response,
    p: Principal,
    values: Record<string, unknown>,
    errors: FormError[],
    status = 200,
  ): Promise<string> {
    const agencies = (await this.agencies.directory())
      .filter((r) => r.agency.active && p.can('cases.handle', r.agency.path))
      .map((r) => ({ value: r.agency.code, label: { zh: r.agency.name, en: r.agency.name } }));
    const fields = INTAKE_FIELDS.map((f) =>
      f.name === 'agencyCode' ? { ...f, options: agencies } : f,
    );
    return this.pages.render(
      req,
      res,
      'staff/intake',
      {
        fields,
        values: { agencyCode: agencies.length === 1 ? agencies[0].value : '', ...values },
        idempotencyKey:
          typeof values.idempotencyKey === 'string' && KEY.test(values.idempotencyKey)
            ? values.idempotencyKey
            : randomUUID(),
        errors,
        invalid: Object.fromEntries(errors.map((e) => [`intake-${e.field}`, true])),
        errorsLinked: errors.map((e) => ({ ...e, field: `intake-${e.field}` })),
      },
      status,
    );
  }
}
