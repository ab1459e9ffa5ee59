import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { UnitOfWork } from '../../../infra/database/unit-of-work';
import { invalidField } from '../../../infra/http/domain-error';
import { Public } from '../../../infra/http/public.decorator';
import { Refusal } from '../../../shared/domain/refusal';
import { messageIn } from '../../../shared/i18n/messages';
import type { Principal } from '../../access/domain/principal';
import type { AuthedRequest } from '../../access/request-auth';
import { AgenciesService } from '../../agencies/agencies.service';
import { CHANNEL_LABELS, type Channel } from '../../agencies/domain/agency';
import { IssuedLettersRepository } from '../../correspondence/issued-letters.repository';
import { traceDayCells } from '../../deadlines/domain/trace-text';
import { RemediesQuery } from '../../remedies/remedies-query.service';
import {
  ATTACHMENT_KINDS,
  AttachmentsService,
  checkedFiles,
} from '../../requests/attachments.service';
import { letterPageUrl } from '../../requests/case-letters.service';
import { CaseTraceService } from '../../requests/case-trace.service';
import { CasesRepository } from '../../requests/cases.repository';
import { ClockActionsService } from '../../requests/clock-actions.service';
import {
  ACTION_LABELS,
  STATUS_LABELS,
  transition,
  type CaseStatus,
} from '../../requests/domain/case-status';
import type { AttachmentKind } from '../../requests/case-attachment.entity';
import { FeeActionsService } from '../../requests/fee-actions.service';
import { ReceiptActionsService } from '../../requests/receipt-actions.service';
import { RequestsQueryService } from '../../requests/requests-query.service';
import { WorkflowService } from '../../requests/workflow.service';
import { timelineView } from '../event-labels';
import type { FormError } from '../form-errors';
import { PageQueryDto } from '../page-query.dto';
import { FILES_FIELD, postedFiles } from '../page-uploads';
import { letterCsp } from '../page-renderer';
import { PortalPages } from '../portal-pages';
import { PORTAL_TEXT } from '../portal-text';
import { formErrorsOf, validatedForm } from '../validated-form';
import { ACTION_FORMS, actionFormOf, type CaseServices } from './action-forms';
import { formBody, WITHHELD_COLUMNS, WITHHELD_ROWS } from './form-body';
import { previewPage } from './letter-preview';

/**
 * The staff case page (`/staff/cases/<reference>`): the facts, the timeline, the deadline trace,
 * every action the transition table allows the viewer as a form (and why the others are not
 * possible now), letters, service records, files and the remedies with their clocks.
 */
@ApiExcludeController()
@Controller('staff/cases/:ref')
export class CasePageController {
  private readonly services: CaseServices;

  constructor(
    private readonly pages: PortalPages,
    private readonly cases: CasesRepository,
    private readonly queries: RequestsQueryService,
    private readonly agencies: AgenciesService,
    private readonly traces: CaseTraceService,
    private readonly attachments: AttachmentsService,
    private readonly remedies: RemediesQuery,
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
    @Query() _q: PageQueryDto,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Param('ref') ref: string,
  ): Promise<string | void> {
    const p = this.pages.staff(req, res, 'cases.read');
    if (!p) return;
    return this.page(req, res, p, ref, [], null, {});
  }

  @Post('actions/:action')
  @Public()
  @HttpCode(200)
  async act(
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Param('ref') ref: string,
    @Param('action') slug: string,
    @Body() body: unknown,
  ): Promise<string | void> {
    const p = this.pages.staff(req, res, 'cases.read');
    if (!p) return;
    const form = actionFormOf(slug);
    const c = await this.cases.byReference(ref.trim().toUpperCase());
    if (!form || !c) return this.pages.render(req, res, 'not-found', {}, 404);
    const { lang } = this.pages.context(req, res);
    const posted = formBody(form.fields, body);
    let errors: FormError[] = [];
    try {
      const checked = form.dto
        ? await validatedForm(form.dto, posted, lang)
        : { value: {}, errors: [] };
      const run = () => form.run(this.services, p, c.id, checked.value as never);
      const preview = (body as Record<string, unknown> | undefined)?._preview === '1';
      if (!checked.value) errors = checked.errors;
      else if (!preview) await run();
      else {
        const letters = await this.rehearsedLetters(c.id, run);
        if (letters.length) {
          res.setHeader('content-type', 'text/html; charset=utf-8');
          res.setHeader('cache-control', 'private, no-store');
          const html = previewPage(letters, lang);
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
    // Each form's fields are named `<slug>-<field>` on the page; a refusal of the whole action
    // points at the form itself.
    errors = errors.map((e) => ({ ...e, field: e.code ? `${slug}-main` : `${slug}-${e.field}` }));
    // The workbench's confirm buttons return there; every other form to the case page.
    const back = (body as Record<string, unknown> | undefined)?.return === '/staff';
    if (!errors.length)
      return res.redirect(303, back ? '/staff' : `/staff/cases/${c.referenceNo}#timeline`);
    return this.page(req, res, p, c.referenceNo, errors, slug, body, 400);
  }

  @Post('files')
  @Public()
  @HttpCode(200)
  async addFiles(
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Param('ref') ref: string,
    @Body() body: unknown,
  ): Promise<string | void> {
    const p = this.pages.staff(req, res, 'cases.handle');
    if (!p) return;
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
    return this.page(req, res, p, c.referenceNo, errors, 'upload', body, 400);
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

  private async page(
    req: AuthedRequest,
    res: Response,
    p: Principal,
    ref: string,
    errors: FormError[],
    openForm: string | null,
    posted: unknown,
    status = 200,
  ): Promise<string> {
    const { lang } = this.pages.context(req, res);
    const c = await this.cases.byReference(ref.trim().toUpperCase());
    const v = c ? await this.queries.detail(p, c.id, req.ip ?? null).catch(notFoundAsNull) : null;
    if (!c || !v) return this.pages.render(req, res, 'not-found', {}, 404);
    const agency = await this.agencies.findByCode(v.agencyCode);
    const path = agency?.path ?? '';
    const roles = {
      clerk: p.can('cases.handle', path),
      supervisor: p.can('cases.approve', path),
    };
    const [trace, files, remedies, clerks] = await Promise.all([
      this.traces.of(p, c.id),
      this.attachments.list(p, c.id),
      this.remedies.forCase(p, c.id),
      roles.clerk || roles.supervisor ? this.cases.clerksOf({ exact: [path], prefixes: [] }) : [],
    ]);
    const status0 = v.status as CaseStatus;
    const params = (action: (typeof ACTION_FORMS)[number]['action']) => ({
      status: status0,
      statusLabel: STATUS_LABELS[status0],
      action,
      actionLabel: ACTION_LABELS[action],
    });
    const mine = ACTION_FORMS.filter((f) => (f.supervisor ? roles.supervisor : roles.clerk));
    const values = (posted ?? {}) as Record<string, unknown>;
    const forms = mine
      .filter((f) => transition(status0, f.action, f.supervisor ? 'supervisor' : 'clerk').ok)
      .map((f) => ({
        ...f,
        label: ACTION_LABELS[f.action],
        open: openForm === f.slug,
        values: openForm === f.slug ? values : {},
      }));
    // Not possible now: the transition table's reason, and the rule each action rests on.
    const unavailable = mine
      .filter((f) => !transition(status0, f.action, f.supervisor ? 'supervisor' : 'clerk').ok)
      .map((f) => ({
        label: ACTION_LABELS[f.action],
        reason: messageIn(lang, 'action-not-allowed-in-state', params(f.action)),
        rule: f.hint?.[lang] ?? '',
      }));
    return this.pages.render(
      req,
      res,
      'staff/case',
      {
        c: {
          ...v,
          channel: CHANNEL_LABELS[v.channel as Channel]?.[lang] ?? v.channel,
          assigneeName: clerks.find((k) => k.id === v.assigneeId)?.displayName ?? null,
          timeline: timelineView(v.timeline),
          letters: v.letters.map((l) => ({ ...l, path: letterPageUrl('', v.referenceNo, l.id) })),
        },
        roles,
        forms,
        unavailable,
        clerks,
        withheldRows: Array.from({ length: WITHHELD_ROWS }, (_, i) => i),
        withheldColumns: WITHHELD_COLUMNS,
        trace: trace && {
          ...trace.trace,
          days: trace.trace.days.map((d) => ({ ...d, ...traceDayCells(d, lang) })),
          years: trace.years,
          deferred: trace.clock.deferred,
        },
        files: files.map((a) => ({
          ...a,
          href: `/api/v1/requests/${v.id}/attachments/${a.id}`,
        })),
        attachmentKinds: ATTACHMENT_KINDS,
        remedies,
        errors,
        invalid: Object.fromEntries(errors.map((e) => [e.field, true])),
        uploadOpen: openForm === 'upload',
      },
      status,
    );
  }
}

function notFoundAsNull(err: unknown): null {
  if (err instanceof Refusal && err.code === 'case-not-found') return null;
  throw err;
}
