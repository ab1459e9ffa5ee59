import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { NewRequestQueryDto, PageQueryDto } from './page-query.dto';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../infra/http/public.decorator';
import type { AuthedRequest } from '../access/request-auth';
import type { Principal } from '../access/domain/principal';
import { AgenciesService } from '../agencies/agencies.service';
import { ogiGuide } from '../agencies/domain/ogi-guide';
import { RequestContentDto } from '../requests/dto/create-request.dto';
import { IntakeService } from '../requests/intake.service';
import { DELIVERY_ROUTE_LABELS } from '../requests/domain/request-fields';
import { isOpen, transition, type CaseStatus } from '../requests/domain/case-status';
import { ReasonDto, RecordCorrectionDto, ReportFeePaymentDto } from '../requests/dto/actions.dto';
import { FeeActionsService } from '../requests/fee-actions.service';
import {
  AttachmentsService,
  checkedFiles,
  type IncomingFile,
} from '../requests/attachments.service';
import { FILES_FIELD, postedFiles } from './page-uploads';
import { invalidField } from '../../infra/http/domain-error';
import { RemediesQuery } from '../remedies/remedies-query.service';
import { caseExtras } from './case-extras';
import { WorkflowService } from '../requests/workflow.service';
import { Refusal } from '../../shared/domain/refusal';
import { fieldsOf, type FormError } from './form-errors';
import { PORTAL_TEXT } from './portal-text';
import { formErrorsOf, validatedForm } from './validated-form';
import { letterPageUrl } from '../requests/case-letters.service';
import { CasesRepository } from '../requests/cases.repository';
import { RequestsQueryService } from '../requests/requests-query.service';
import { timelineView } from './event-labels';
import { PortalPages } from './portal-pages';

const NEW_FIELDS = [
  'agencyCode',
  'title',
  'docNo',
  'description',
  'form',
  'deliveryRoute',
  'idempotencyKey',
] as const;

/** The signed-in applicant's requests and filing a new one (sign-in page otherwise). */
@ApiExcludeController()
@Controller('my/requests')
export class MyPagesController {
  constructor(
    private readonly pages: PortalPages,
    private readonly queries: RequestsQueryService,
    private readonly cases: CasesRepository,
    private readonly agencies: AgenciesService,
    private readonly intake: IntakeService,
    private readonly workflow: WorkflowService,
    private readonly fees: FeeActionsService,
    private readonly attachments: AttachmentsService,
    private readonly remedies: RemediesQuery,
  ) {}

  @Get('new')
  @Public()
  async newForm(
    @Query() q: NewRequestQueryDto,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string | void> {
    if (!this.applicant(req)) return res.redirect(303, '/signin');
    const start = { form: 'electronic', deliveryRoute: 'portal', agencyCode: q.agencyCode ?? '' };
    return this.newPage(req, res, start, []);
  }

  @Post('new')
  @Public()
  @HttpCode(200)
  async file(
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Body() body: unknown,
  ): Promise<string | void> {
    const p = this.applicant(req);
    if (!p) return res.redirect(303, '/signin');
    const { lang } = this.pages.context(req, res);
    const fields = fieldsOf(body, NEW_FIELDS);
    const { idempotencyKey: _key, ...content } = (body ?? {}) as Record<string, unknown>;
    const form = await validatedForm(RequestContentDto, content, lang);
    const upload = this.checkedUpload(req, res, lang);
    const errors = [...form.errors, ...upload.errors];
    if (!form.value || errors.length) return this.newPage(req, res, fields, errors, 400);
    try {
      // The key rendered into the form: a double submit files one request, not two.
      const filed = await this.intake.fileOnline(p, form.value, fields.idempotencyKey || null);
      // The files follow the filing as their own change (each file once, even on a resubmit).
      if (upload.files.length) await this.addApplicantFiles(p, filed.c.id, upload.files);
      const v = await this.queries.detail(p, filed.c.id);
      return this.pages.render(req, res, 'filed', { c: v, trackingCode: filed.trackingCode });
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      return this.newPage(req, res, fields, formErrorsOf(err, lang, 'agencyCode'), 400);
    }
  }

  @Get()
  @Public()
  async list(
    @Query() _q: PageQueryDto,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string | void> {
    const p = req.auth?.principal;
    if (p?.kind === 'staff') return res.redirect(303, '/staff');
    if (!p) return res.redirect(303, '/signin');
    const { items } = await this.queries.list(p, { pageSize: 200 });
    return this.pages.render(req, res, 'my-requests', { items });
  }

  @Get(':ref')
  @Public()
  async detail(
    @Query() _q: PageQueryDto,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Param('ref') ref: string,
  ): Promise<string | void> {
    const p = this.applicant(req);
    if (!p) return res.redirect(303, '/signin');
    return this.casePage(req, res, p, ref, []);
  }

  @Post(':ref/correction')
  @Public()
  @HttpCode(200)
  async answerCorrection(
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Param('ref') ref: string,
    @Body() body: unknown,
  ): Promise<string | void> {
    return this.act(req, res, ref, async (p, id, lang) => {
      const form = await validatedForm(RecordCorrectionDto, fieldsOf(body, ['correction']), lang);
      const upload = this.checkedUpload(req, res, lang);
      if (!form.value || upload.errors.length) return [...form.errors, ...upload.errors];
      await this.workflow.recordCorrection(p, id, { correction: form.value.correction });
      if (upload.files.length) await this.addApplicantFiles(p, id, upload.files);
      return [];
    });
  }

  @Post(':ref/files')
  @Public()
  @HttpCode(200)
  async addFiles(
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Param('ref') ref: string,
  ): Promise<string | void> {
    return this.act(req, res, ref, async (p, id, lang) => {
      const upload = this.checkedUpload(req, res, lang, true);
      if (upload.errors.length) return upload.errors;
      await this.addApplicantFiles(p, id, upload.files);
      return [];
    });
  }

  /** The applicant's files on their request (a resubmitted file is kept once). */
  private addApplicantFiles(p: Principal, caseId: string, files: IncomingFile[]) {
    return this.attachments.uploadMany(p, caseId, 'applicant_document', files, FILES_FIELD);
  }

  /** The posted files checked (type, size, count) before anything is written. */
  private checkedUpload(
    req: Request,
    res: Response,
    lang: 'zh' | 'en',
    required = false,
  ): { files: IncomingFile[]; errors: FormError[] } {
    const { files, problem } = postedFiles(req, res);
    try {
      if (problem) throw invalidField(FILES_FIELD, problem);
      if (files.length || required) checkedFiles(files, FILES_FIELD);
      return { files, errors: [] };
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      return { files: [], errors: formErrorsOf(err, lang, FILES_FIELD) };
    }
  }

  @Post(':ref/withdraw')
  @Public()
  @HttpCode(200)
  async withdraw(
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Param('ref') ref: string,
    @Body() body: unknown,
  ): Promise<string | void> {
    return this.act(req, res, ref, async (p, id, lang) => {
      const form = await validatedForm(ReasonDto, fieldsOf(body, ['reason']), lang);
      if (!form.value) return form.errors;
      await this.workflow.withdraw(p, id, form.value.reason || undefined);
      return [];
    });
  }

  @Post(':ref/fee-payment')
  @Public()
  @HttpCode(200)
  async reportPayment(
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Param('ref') ref: string,
    @Body() body: unknown,
  ): Promise<string | void> {
    return this.act(req, res, ref, async (p, id, lang) => {
      const form = await validatedForm(
        ReportFeePaymentDto,
        fieldsOf(body, ['paidOn', 'note']),
        lang,
      );
      if (!form.value) return form.errors;
      await this.fees.reportPayment(p, id, form.value);
      return [];
    });
  }

  /**
   * An applicant's action from the request page: done, then back to the page (303); refused,
   * the page again with the reasons at the top.
   */
  private async act(
    req: AuthedRequest,
    res: Response,
    ref: string,
    run: (p: Principal, id: string, lang: 'zh' | 'en') => Promise<FormError[]>,
  ): Promise<string | void> {
    const p = this.applicant(req);
    if (!p) return res.redirect(303, '/signin');
    const { lang } = this.pages.context(req, res);
    const c = await this.cases.byReference(ref.trim().toUpperCase());
    if (!c || c.applicantUserId !== p.userId) return this.notFound(req, res);
    let errors: FormError[];
    try {
      errors = await run(p, c.id, lang);
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      errors = formErrorsOf(err, lang, 'main');
    }
    if (!errors.length) return res.redirect(303, `/my/requests/${c.referenceNo}`);
    return this.casePage(req, res, p, c.referenceNo, errors, 400);
  }

  private async casePage(
    req: AuthedRequest,
    res: Response,
    p: Principal,
    ref: string,
    errors: FormError[],
    status = 200,
  ): Promise<string> {
    const c = await this.cases.byReference(ref.trim().toUpperCase());
    const v = c ? await this.queries.detail(p, c.id).catch(() => null) : null;
    if (!v) return this.notFound(req, res);
    const can = (action: 'record_correction' | 'withdraw' | 'report_fee_payment') =>
      transition(v.status as CaseStatus, action, 'applicant').ok;
    const { lang } = this.pages.context(req, res);
    const [agency, files, windows] = await Promise.all([
      this.agencies.findByCode(v.agencyCode),
      this.attachments.list(p, v.id),
      v.status === 'replied' ? this.remedies.windows(p, v.id) : null,
    ]);
    const extras = caseExtras(v, agency, files, windows?.windows ?? [], lang);
    return this.pages.render(
      req,
      res,
      'case-status',
      {
        c: {
          ...v,
          letters: v.letters.map((l) => ({ ...l, path: letterPageUrl('', v.referenceNo, l.id) })),
          timeline: timelineView(v.timeline, lang),
        },
        trackingCode: null,
        // What the transition table lets the applicant do now (never decided in the template).
        ...extras,
        can: {
          correction: can('record_correction'),
          withdraw: can('withdraw'),
          reportPayment: can('report_fee_payment') && extras.fee?.open === true,
          addFiles: isOpen(v.status as CaseStatus),
        },
        errors,
        invalid: Object.fromEntries(errors.map((e) => [e.field, true])),
      },
      status,
    );
  }

  private applicant(req: AuthedRequest): Principal | null {
    const p = req.auth?.principal;
    return p && p.kind === 'applicant' ? p : null;
  }

  private async newPage(
    req: AuthedRequest,
    res: Response,
    fields: Record<string, string>,
    errors: FormError[],
    status = 200,
  ): Promise<string> {
    const { lang } = this.pages.context(req, res);
    const t = (k: keyof typeof PORTAL_TEXT) => PORTAL_TEXT[k][lang];
    const agencies = (await this.agencies.directory())
      .filter((r) => r.agency.channels.includes('online'))
      .map((r) => ({
        code: r.agency.code,
        label: `${'　'.repeat(Math.max(0, r.agency.depth - 1))}${r.agency.name}`,
      }));
    const chosen = fields.agencyCode ? await this.agencies.findByCode(fields.agencyCode) : null;
    const guide =
      chosen?.active && chosen.channels.includes('online') ? ogiGuide(chosen, lang, null) : null;
    return this.pages.render(
      req,
      res,
      'new-request',
      {
        guide,
        fields: Object.fromEntries(NEW_FIELDS.map((f) => [f, fields[f] ?? ''])),
        errors,
        invalid: Object.fromEntries(errors.map((e) => [e.field, true])),
        agencies,
        idempotencyKey: fields.idempotencyKey || randomUUID(),
        forms: [
          { value: 'electronic', label: t('formElectronic'), first: true },
          { value: 'paper', label: t('formPaper') },
          { value: 'either', label: t('formEither') },
        ],
        routes: (['portal', 'email', 'post', 'pickup'] as const).map((value, i) => ({
          value,
          label: DELIVERY_ROUTE_LABELS[value][lang],
          first: i === 0,
        })),
      },
      status,
    );
  }

  private notFound(req: Request, res: Response): string {
    return this.pages.render(req, res, 'not-found', {}, 404);
  }
}
