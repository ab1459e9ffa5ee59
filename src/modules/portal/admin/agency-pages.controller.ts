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
import type { Principal } from '../../access/domain/principal';
import type { AuthedRequest } from '../../access/request-auth';
import { AgenciesService } from '../../agencies/agencies.service';
import type { Agency } from '../../agencies/agency.entity';
import {
  AGENCY_DETAIL_FIELDS,
  AGENCY_KINDS,
  CHANNEL_LABELS,
  CHANNELS,
  ONLINE_CONFIRMATION,
} from '../../agencies/domain/agency';
import {
  CreateAgencyDto,
  DeactivateAgencyDto,
  MoveAgencyDto,
  UpdateAgencyDto,
} from '../../agencies/dto/agency.dto';
import { fieldsOf, type FormError } from '../form-errors';
import { PortalPages } from '../portal-pages';
import { PageGateFilter, StaffPrincipal } from '../staff-gate';
import { validatedForm } from '../validated-form';
import { AdminPageQueryDto } from './admin-query.dto';
import { invalidOf, isNotFound, refusedForm, seeOther } from './admin-forms';

const EDIT_FIELDS = ['name', 'kind', 'onlineConfirmation', ...AGENCY_DETAIL_FIELDS] as const;
const CREATE_FIELDS = ['code', 'parentCode', ...EDIT_FIELDS] as const;

/** Posted checkboxes as a list (none ticked: none; one ticked: a string). */
function listOf(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return typeof v === 'string' && v ? [v] : [];
}

type Form = 'edit' | 'move' | 'deactivate';

/**
 * The agency tree for administrators (agencies.manage): create under a parent, edit the name,
 * kind, channels and contact details, move under another parent, deactivate with a successor
 * for the open cases. Every change goes through AgenciesService, which checks the reach.
 */
@ApiExcludeController()
@UseFilters(PageGateFilter)
@Controller('admin/agencies')
export class AgencyPagesController {
  constructor(
    private readonly pages: PortalPages,
    private readonly agencies: AgenciesService,
  ) {}

  @Get()
  @Public()
  async tree(
    @StaffPrincipal('agencies.manage') p: Principal,
    @Query() q: AdminPageQueryDto,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string | void> {
    return this.treePage(req, res, p, { kind: 'department', parentCode: '' }, [], q.done);
  }

  @Post()
  @Public()
  @HttpCode(200)
  async create(
    @StaffPrincipal('agencies.manage') p: Principal,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Body() body: unknown,
  ): Promise<string | void> {
    const { lang } = this.pages.context(req, res);
    const fields = fieldsOf(body, CREATE_FIELDS);
    const channels = listOf((body as Record<string, unknown>)?.channels);
    const form = await validatedForm(CreateAgencyDto, { ...fields, channels }, lang);
    let errors: FormError[] = form.errors;
    if (form.value) {
      try {
        const a = await this.agencies.create(p, form.value);
        return seeOther(res, `/admin/agencies/${a.code}`, 'created');
      } catch (err) {
        errors = refusedForm(err, lang, 'parentCode');
      }
    }
    return this.treePage(req, res, p, { ...fields, channels }, errors, undefined, 400);
  }

  @Get(':code')
  @Public()
  async edit(
    @StaffPrincipal('agencies.manage') p: Principal,
    @Query() q: AdminPageQueryDto,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Param('code') code: string,
  ): Promise<string | void> {
    return this.agencyPage(req, res, p, code, null, [], q.done);
  }

  @Post(':code')
  @Public()
  @HttpCode(200)
  async update(
    @StaffPrincipal('agencies.manage') p: Principal,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Param('code') code: string,
    @Body() body: unknown,
  ): Promise<string | void> {
    return this.change(p, req, res, code, 'edit', body, async (p, lang) => {
      const fields = fieldsOf(body, EDIT_FIELDS);
      const channels = listOf((body as Record<string, unknown>)?.channels);
      const form = await validatedForm(UpdateAgencyDto, { ...fields, channels }, lang);
      if (!form.value) return form.errors;
      // A detail emptied in the form is cleared (the API's null), not left as it was.
      const cleared = AGENCY_DETAIL_FIELDS.filter((f) => fields[f] === '');
      const changes = { ...form.value, ...Object.fromEntries(cleared.map((f) => [f, null])) };
      await this.agencies.update(p, code, changes);
      return 'saved';
    });
  }

  @Post(':code/move')
  @Public()
  @HttpCode(200)
  async move(
    @StaffPrincipal('agencies.manage') p: Principal,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Param('code') code: string,
    @Body() body: unknown,
  ): Promise<string | void> {
    return this.change(p, req, res, code, 'move', body, async (p, lang) => {
      const form = await validatedForm(MoveAgencyDto, fieldsOf(body, ['parentCode']), lang);
      if (!form.value) return form.errors;
      await this.agencies.move(p, code, form.value.parentCode);
      return 'moved';
    });
  }

  @Post(':code/deactivate')
  @Public()
  @HttpCode(200)
  async deactivate(
    @StaffPrincipal('agencies.manage') p: Principal,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Param('code') code: string,
    @Body() body: unknown,
  ): Promise<string | void> {
    return this.change(p, req, res, code, 'deactivate', body, async (p, lang) => {
      const fields = fieldsOf(body, ['successorCode']);
      const form = await validatedForm(DeactivateAgencyDto, fields, lang);
      if (!form.value) return form.errors;
      await this.agencies.deactivate(p, code, form.value.successorCode ?? null);
      return 'deactivated';
    });
  }

  /**
   * One of the agency page's forms: done → back to the page (303); refused → the page with the
   * form's errors (400); the agency out of reach → the 404 page.
   */
  private async change(
    p: Principal,
    req: AuthedRequest,
    res: Response,
    code: string,
    which: Form,
    body: unknown,
    run: (
      p: Principal,
      lang: 'zh' | 'en',
    ) => Promise<FormError[] | 'saved' | 'moved' | 'deactivated'>,
  ): Promise<string | void> {
    const { lang } = this.pages.context(req, res);
    let errors: FormError[];
    try {
      const out = await run(p, lang);
      if (typeof out === 'string') return seeOther(res, `/admin/agencies/${code}`, out);
      errors = out;
    } catch (err) {
      // This agency out of reach: the 404 page; a parent or successor out of reach: its field.
      if (isNotFound(err) && err.params.agency === code) return this.notFound(req, res);
      const fallback =
        which === 'edit' ? 'name' : which === 'move' ? 'parentCode' : 'successorCode';
      errors = refusedForm(err, lang, fallback);
    }
    const posted = { form: which, fields: body as Record<string, unknown> };
    return this.agencyPage(req, res, p, code, posted, errors, undefined, 400);
  }

  private async treePage(
    req: AuthedRequest,
    res: Response,
    p: Principal,
    fields: Record<string, unknown>,
    errors: FormError[],
    done?: string,
    status = 200,
  ): Promise<string> {
    const all = await this.managed(p, true);
    const top = Math.min(...all.map((r) => r.agency.depth));
    return this.pages.render(
      req,
      res,
      'admin/agencies',
      {
        items: all.map((r) => ({
          code: r.agency.code,
          name: r.agency.name,
          active: r.agency.active,
          level: Math.min(r.agency.depth - top + 1, 4),
        })),
        parents: all.filter((r) => r.agency.active).map((r) => r.agency),
        fields: this.formFields(fields, CREATE_FIELDS),
        errors,
        invalid: invalidOf(errors),
        done,
        ...this.choices(),
      },
      status,
    );
  }

  /** The agency page: its details and the edit, move and deactivate forms. */
  private async agencyPage(
    req: AuthedRequest,
    res: Response,
    p: Principal,
    code: string,
    posted: { form: Form; fields: Record<string, unknown> } | null,
    errors: FormError[],
    done?: string,
    status = 200,
  ): Promise<string> {
    let found: { agency: Agency; parentCode: string | null };
    try {
      found = await this.agencies.getVisible(p, code, 'agencies.manage');
    } catch (err) {
      if (isNotFound(err)) return this.notFound(req, res);
      throw err;
    }
    const { agency, parentCode } = found;
    const current: Record<string, unknown> = {
      ...Object.fromEntries(EDIT_FIELDS.map((f) => [f, agency[f] ?? ''])),
      channels: agency.channels,
      parentCode: parentCode ?? '',
      successorCode: '',
    };
    const shown = (form: Form) =>
      posted?.form === form ? { ...current, ...posted.fields } : current;
    const others = (await this.managed(p, false)).filter((r) => r.agency.id !== agency.id);
    return this.pages.render(
      req,
      res,
      'admin/agency',
      {
        agency,
        parentCode,
        parentName: others.find((r) => r.agency.code === parentCode)?.agency.name ?? null,
        edit: this.formFields(shown('edit'), EDIT_FIELDS),
        move: this.formFields(shown('move'), ['parentCode']),
        deactivate: this.formFields(shown('deactivate'), ['successorCode']),
        form: posted?.form ?? null,
        // Never under itself or its own subtree (the service refuses it too).
        parents: others.filter((r) => !r.agency.path.startsWith(agency.path)).map((r) => r.agency),
        successors: others.map((r) => r.agency),
        errors,
        invalid: invalidOf(errors),
        done,
        ...this.choices(),
      },
      status,
    );
  }

  /** Agencies the administrator manages (reach of agencies.manage), in tree order. */
  private async managed(p: Principal, includeInactive: boolean) {
    const rows = await this.agencies.list(p, { includeInactive });
    return rows.filter((r) => p.can('agencies.manage', r.agency.path));
  }

  private formFields(values: Record<string, unknown>, names: readonly string[]) {
    const out: Record<string, string | string[]> = Object.fromEntries(
      names.map((n) => [n, typeof values[n] === 'string' ? values[n] : ''] as [string, string]),
    );
    out.channels = listOf(values.channels);
    return out;
  }

  private choices() {
    return {
      kinds: AGENCY_KINDS,
      channelChoices: CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] })),
      confirmations: ONLINE_CONFIRMATION,
      detailFields: AGENCY_DETAIL_FIELDS,
    };
  }

  private notFound(req: AuthedRequest, res: Response): string {
    return this.pages.render(req, res, 'admin/not-found', {}, 404);
  }
}
