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
import type { Type } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { UnitOfWork } from '../../../infra/database/unit-of-work';
import { invalidField } from '../../../infra/http/domain-error';
import { Public } from '../../../infra/http/public.decorator';
import { Refusal } from '../../../shared/domain/refusal';
import type { Principal } from '../../access/domain/principal';
import type { AuthedRequest } from '../../access/request-auth';
import { IssuedLettersRepository } from '../../correspondence/issued-letters.repository';
import { REMEDY_ACTIONS, type RemedyAction } from '../../remedies/domain/remedy-status';
import type { CreateRemedyDto } from '../../remedies/dto/remedy.dto';
import { CreateRemedyDto as CreateRemedy } from '../../remedies/dto/remedy.dto';
import { RemedyActions } from '../../remedies/remedy-actions.service';
import {
  ATTACHMENT_KINDS,
  AttachmentsService,
  checkedFiles,
} from '../../requests/attachments.service';
import type { AttachmentKind } from '../../requests/case-attachment.entity';
import { CasesRepository } from '../../requests/cases.repository';
import { ClockActionsService } from '../../requests/clock-actions.service';
import { FeeActionsService } from '../../requests/fee-actions.service';
import { ReceiptActionsService } from '../../requests/receipt-actions.service';
import { WorkflowService } from '../../requests/workflow.service';
import type { RequestCase } from '../../requests/request-case.entity';
import type { FormError } from '../form-errors';
import { letterCsp } from '../page-renderer';
import { PageQueryDto } from '../page-query.dto';
import { FILES_FIELD, postedFiles } from '../page-uploads';
import { PortalPages } from '../portal-pages';
import { PageGateFilter, StaffPrincipal } from '../staff-gate';
import { PORTAL_TEXT } from '../portal-text';
import { formErrorsOf, validatedForm } from '../validated-form';
import { actionFormOf, type CaseServices } from './action-forms';
import { CasePageView, remedyFormId } from './case-page.view';
import { formBody, type FormField } from './form-body';
import { previewPage } from './letter-preview';
import { NEW_REMEDY_FIELDS, REMEDY_STEP_FORMS } from './remedy-forms';

/** A posted staff form: its page id, its fields, the API's DTO, and the service call. */
interface PostedForm {
  id: string;
  fields: readonly FormField[];
  dto?: Type<object>;
  run: (value: never) => Promise<unknown>;
  /** Offer the preview of the letters it would issue (case actions). */
  previewable?: boolean;
}

/**
 * The staff case page (`/staff/cases/<reference>`) and its forms: the case actions, files, and
 * recording a remedy and its steps. Each form is checked by the API's DTO and runs the API's
 * service; done, back to the page (303); refused, the page again with the reasons at the top.
 */
@ApiExcludeController()
@UseFilters(PageGateFilter)
@Controller('staff/cases/:ref')
export class CasePageController {
  private readonly services: CaseServices;

  constructor(
    private readonly pages: PortalPages,
    private readonly view_: CasePageView,
    private readonly cases: CasesRepository,
    private readonly attachments: AttachmentsService,
    private readonly remedyActions: RemedyActions,
    private readonly letters: IssuedLettersRepository,
    private readonly uow: UnitOfWork,
    workflow: WorkflowService,
    receipts: ReceiptActionsService,
    clock: ClockActionsService,
    fees: FeeActionsService,
  ) {
    this.services = { workflow, receipts, clock, fees };
  }

  @Get()
  @Public()
  async view(
    @StaffPrincipal('cases.read') p: Principal,
    @Query() _q: PageQueryDto,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Param('ref') ref: string,
  ): Promise<string | void> {
    return this.view_.render(req, res, p, ref, [], null, {});
  }

  @Post('actions/:action')
  @Public()
  @HttpCode(200)
  act(
    @StaffPrincipal('cases.read') p: Principal,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Param('ref') ref: string,
    @Param('action') slug: string,
    @Body() body: unknown,
  ): Promise<string | void> {
    const form = actionFormOf(slug);
    return this.submit(p, req, res, ref, body, (_, c) =>
      form
        ? {
            id: form.slug,
            fields: form.fields,
            dto: form.dto,
            run: (value) => form.run(this.services, p, c.id, value),
            previewable: true,
          }
        : null,
    );
  }

  @Post('remedies')
  @Public()
  @HttpCode(200)
  newRemedy(
    @StaffPrincipal('cases.read') p: Principal,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Param('ref') ref: string,
    @Body() body: unknown,
  ): Promise<string | void> {
    return this.submit(p, req, res, ref, body, (_, c) => ({
      id: 'remedy-new',
      fields: NEW_REMEDY_FIELDS,
      dto: CreateRemedy,
      run: (value: CreateRemedyDto) => this.remedyActions.create(p, c.id, value),
    }));
  }

  @Post('remedies/:remedy/:step')
  @Public()
  @HttpCode(200)
  remedyStep(
    @StaffPrincipal('cases.read') p: Principal,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Param('ref') ref: string,
    @Param('remedy') remedyId: string,
    @Param('step') step: string,
    @Body() body: unknown,
  ): Promise<string | void> {
    const action = REMEDY_ACTIONS.find((a): a is RemedyAction => a === step);
    return this.submit(p, req, res, ref, body, () =>
      action
        ? {
            id: remedyFormId(remedyId, action),
            fields: REMEDY_STEP_FORMS[action].fields,
            dto: REMEDY_STEP_FORMS[action].dto,
            run: (value: object) => this.remedyActions.act(p, remedyId, action, value),
          }
        : null,
    );
  }

  @Post('files')
  @Public()
  @HttpCode(200)
  async addFiles(
    @StaffPrincipal('cases.handle') p: Principal,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Param('ref') ref: string,
    @Body() body: unknown,
  ): Promise<string | void> {
    const c = await this.cases.byReference(ref.trim().toUpperCase());
    if (!c) return this.pages.render(req, res, 'not-found', {}, 404);
    const { lang } = this.pages.context(req, res);
    const posted = (body as Record<string, unknown> | undefined)?.kind;
    const kind = typeof posted === 'string' ? posted : '';
    const { files, problem } = postedFiles(req, res);
    let errors: FormError[] = [];
    try {
      if (!ATTACHMENT_KINDS.includes(kind as AttachmentKind))
        throw invalidField('kind', 'field-not-in-list', { values: ATTACHMENT_KINDS.join(', ') });
      if (problem) throw invalidField(FILES_FIELD, problem);
      checkedFiles(files, FILES_FIELD);
      await this.attachments.uploadMany(p, c.id, kind as AttachmentKind, files, FILES_FIELD);
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      if (err.code === 'case-not-found') return this.pages.render(req, res, 'not-found', {}, 404);
      errors = formErrorsOf(err, lang, FILES_FIELD).map((e) => ({
        ...e,
        field: `upload-${e.field}`,
      }));
    }
    if (!errors.length) return res.redirect(303, `/staff/cases/${c.referenceNo}#files`);
    return this.view_.render(req, res, p, c.referenceNo, errors, 'upload', body, 400);
  }

  /**
   * One posted form of the page: checked by its DTO, then run (or, with `_preview`, rehearsed
   * for the letters it would issue). Field errors name `<form id>-<field>`; a refusal of the
   * whole change points at the form itself (`<form id>-main`).
   */
  private async submit(
    p: Principal,
    req: AuthedRequest,
    res: Response,
    ref: string,
    body: unknown,
    formOf: (p: Principal, c: RequestCase) => PostedForm | null,
  ): Promise<string | void> {
    const c = await this.cases.byReference(ref.trim().toUpperCase());
    const form = c ? formOf(p, c) : null;
    if (!c || !form) return this.pages.render(req, res, 'not-found', {}, 404);
    const { lang } = this.pages.context(req, res);
    const b = (body ?? {}) as Record<string, unknown>;
    let errors: FormError[] = [];
    try {
      const checked = form.dto
        ? await validatedForm(form.dto, formBody(form.fields, body), lang)
        : { value: {}, errors: [] };
      if (!checked.value) errors = checked.errors;
      else if (!(form.previewable && b._preview === '1')) await form.run(checked.value as never);
      else {
        const letters = await this.rehearsedLetters(c.id, () => form.run(checked.value as never));
        if (letters.length) {
          const html = previewPage(letters, lang);
          res.setHeader('content-type', 'text/html; charset=utf-8');
          res.setHeader('cache-control', 'private, no-store');
          res.setHeader('content-security-policy', letterCsp(html));
          return html;
        }
        errors = [{ field: 'main', message: PORTAL_TEXT.noLetterToPreview[lang] }];
      }
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      if (err.code === 'case-not-found') return this.pages.render(req, res, 'not-found', {}, 404);
      errors = formErrorsOf(err, lang, 'main');
    }
    errors = errors.map((e) => ({
      ...e,
      field: e.code || e.field === 'main' ? `${form.id}-main` : `${form.id}-${e.field}`,
    }));
    // The workbench's confirm buttons and the board's extension decisions return there; every
    // other form to the case page.
    if (!errors.length) return res.redirect(303, returnTo(b.return, c.referenceNo));
    return this.view_.render(req, res, p, c.referenceNo, errors, form.id, body, 400);
  }

  /**
   * The letters the action would issue: the action rehearsed with all its rules and rolled back
   * (nothing is committed, no document number is used up, no mail or timer goes out).
   */
  private async rehearsedLetters(
    caseId: string,
    run: () => Promise<unknown>,
  ): Promise<Array<{ title: string; html: string }>> {
    const before = (await this.letters.listForCase(caseId, true)).map((l) => l.id);
    return this.uow.rehearse(run, (m) =>
      m.query<Array<{ title: string; html: string }>>(
        `SELECT title, html FROM issued_letter
          WHERE case_id = $1 AND NOT (id = ANY($2::uuid[])) ORDER BY doc_seq`,
        [caseId, before],
      ),
    );
  }
}

/** Where a form done goes: the page it was posted from when that is a list of cases, else the case. */
function returnTo(from: unknown, referenceNo: string): string {
  if (from === '/staff') return '/staff';
  if (from === '/supervisor')
    return `/supervisor?decided=${encodeURIComponent(referenceNo)}#extensions`;
  return `/staff/cases/${referenceNo}#timeline`;
}
