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
import { httpStatusOf } from '../../../infra/http/domain-error';
import { Public } from '../../../infra/http/public.decorator';
import { fieldProblem, Refusal } from '../../../shared/domain/refusal';
import type { Principal } from '../../access/domain/principal';
import type { AuthedRequest } from '../../access/request-auth';
import { checkFigure, formatForYear } from '../../proactive/domain/figures';
import { CreateProactiveItemDto, PutFigureDto } from '../../proactive/dto/proactive.dto';
import { ProactiveService } from '../../proactive/proactive.service';
import { AnnualReportService } from '../../reports/annual-report.service';
import { NarrativeEditDto } from '../../reports/dto/narrative.dto';
import { ReportActionDto, ReportCorrectionDto } from '../../reports/dto/report-action.dto';
import { NarrativeService } from '../../reports/narrative.service';
import { CONTENT_TYPES, fileNameOf, renderReport } from '../../reports/render/render-report';
import { ReportWorkflowService } from '../../reports/report-workflow.service';
import { fieldsOf, type FormError } from '../form-errors';
import { letterCsp } from '../page-renderer';
import { PortalPages } from '../portal-pages';
import { PageGate, PageGateFilter, StaffPrincipal } from '../staff-gate';
import type { Lang } from '../portal-text';
import { formErrorsOf, inLang, validatedForm } from '../validated-form';
import { ReportEditorView, type EditorForm } from './report-editor.view';
import { isSubtree, ReportPageQueryDto } from './report-page-query.dto';
import {
  editorPath,
  figureId,
  figureRows,
  markedDraft,
  PAGE_STEPS,
  type PageStep,
} from './report-page-model';
import { outOfReach, reportKeyOf, reportNotFound, type ReportKey } from './report-scope';

const EXPORTS = ['html', 'xlsx', 'docx'] as const;
const ITEM_FIELDS = ['publishedOn', 'category', 'online', 'title', 'externalRef'] as const;

/**
 * The annual report's editor (`/reports/<agency>/<year>`): section 二 entered through the
 * proactive module, sections 三 and 四 as computed (each figure linked to its cases), the checks
 * with how to fix them, the narrative, preview and exports, and the publication workflow. Every
 * form posts to a service of the API (ProactiveService, NarrativeService, ReportWorkflowService)
 * validated by the API's DTO; done → 303 back to the page, refused → the page with the reasons.
 */
@ApiExcludeController()
@UseFilters(PageGateFilter)
@Controller('reports/:code/:year')
export class ReportEditorController {
  private readonly view: ReportEditorView;

  constructor(
    private readonly pages: PortalPages,
    private readonly reports: AnnualReportService,
    private readonly proactive: ProactiveService,
    private readonly narratives: NarrativeService,
    private readonly workflow: ReportWorkflowService,
  ) {
    this.view = new ReportEditorView(pages, reports, proactive, workflow);
  }

  @Get()
  @Public()
  async editor(
    @StaffPrincipal('reports.read') p: Principal,
    @Query() q: ReportPageQueryDto,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Param('code') code: string,
    @Param('year') year: string,
  ): Promise<string | void> {
    const key = await reportKeyOf(code, year, isSubtree(q.subtree), this.lang(req, res));
    if (!key) return reportNotFound(this.pages, req, res);
    return this.view.render(req, res, p, key, { done: q.done, changed: q.changed });
  }

  @Post('figures')
  @Public()
  @HttpCode(200)
  async figures(
    @StaffPrincipal('reports.read') p: Principal,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Param('code') code: string,
    @Param('year') year: string,
    @Body() body: unknown,
  ): Promise<string | void> {
    return this.change(p, req, res, code, year, body, 'figures', async (p, key, lang) => {
      const format = formatForYear(key.year);
      if (format === '2008') return [{ field: 'fig-main', message: 'section 二: 2008' }];
      const rows = figureRows(format, body);
      const errors: FormError[] = [];
      // Every row checked first (the API's DTO, then the figures' own rules), so that a
      // refused row writes nothing of the form.
      for (const row of rows) {
        const form = await validatedForm(
          PutFigureDto,
          { agencyCode: key.agencyCode, year: key.year, item: row.item, ...row.columns },
          lang,
        );
        if (!form.value) {
          errors.push(...form.errors.map((e) => ({ ...e, field: figureId(row.item, e.field) })));
          continue;
        }
        for (const x of checkFigure(key.year, row.item, row.columns).problems) {
          const fp = fieldProblem(x.field, x.code, x.params);
          errors.push({ field: figureId(row.item, x.field), message: inLang(fp.message, lang) });
        }
      }
      if (errors.length) return errors;
      const changed: string[] = [];
      for (const row of rows) {
        const out = await this.proactive.putFigure(p, {
          agencyCode: key.agencyCode,
          year: key.year,
          item: row.item,
          ...row.columns,
        });
        if (out.changed) changed.push(row.item);
      }
      return changed.length
        ? { done: 'figures', extra: `changed=${changed.join(',')}`, anchor: 'section-two' }
        : { done: 'unchanged', anchor: 'section-two' };
    });
  }

  @Post('items')
  @Public()
  @HttpCode(200)
  async items(
    @StaffPrincipal('reports.read') p: Principal,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Param('code') code: string,
    @Param('year') year: string,
    @Body() body: unknown,
  ): Promise<string | void> {
    return this.change(p, req, res, code, year, body, 'items', async (p, key, lang) => {
      // The form's fields are `item-<field>` (ids unique on the editor page).
      const posted = fieldsOf(
        body,
        ITEM_FIELDS.map((x) => `item-${x}`),
      );
      const f = Object.fromEntries(ITEM_FIELDS.map((x) => [x, posted[`item-${x}`]]));
      const online = f.online === 'true' ? true : f.online === 'false' ? false : f.online;
      const form = await validatedForm(
        CreateProactiveItemDto,
        { ...f, online, agencyCode: key.agencyCode },
        lang,
      );
      if (!form.value) return form.errors.map((e) => ({ ...e, field: `item-${e.field}` }));
      await this.proactive.addItem(p, form.value);
      return { done: 'item', anchor: 'section-two' };
    });
  }

  @Post('narrative')
  @Public()
  @HttpCode(200)
  async narrative(
    @StaffPrincipal('reports.read') p: Principal,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Param('code') code: string,
    @Param('year') year: string,
    @Body() body: unknown,
  ): Promise<string | void> {
    return this.change(p, req, res, code, year, body, 'narrative', async (p, key, lang) => {
      const raw = (body ?? {}) as Record<string, unknown>;
      const section = typeof raw.section === 'string' ? raw.section : '';
      // The text as typed (trailing spaces are the officer's), empty refused by the DTO.
      const text = typeof raw.text === 'string' ? raw.text.replace(/\r\n/g, '\n') : '';
      const form = await validatedForm(
        NarrativeEditDto,
        { year: key.year, agencyCode: key.agencyCode, subtree: key.subtree, section, text },
        lang,
      );
      const field = `narrative-${section}`;
      if (!form.value) return form.errors.map((e) => ({ ...e, field }));
      try {
        await this.narratives.save(p, { ...form.value, subtree: key.subtree });
      } catch (err) {
        if (!(err instanceof Refusal) || outOfReach(err)) throw err;
        return formErrorsOf(err, lang, field).map((e) => ({ ...e, field }));
      }
      return { done: 'narrative', anchor: field };
    });
  }

  @Post('publication/:step')
  @Public()
  @HttpCode(200)
  async step(
    @StaffPrincipal('reports.read') p: Principal,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Param('code') code: string,
    @Param('year') year: string,
    @Param('step') step: string,
    @Body() body: unknown,
  ): Promise<string | void> {
    if (!(PAGE_STEPS as readonly string[]).includes(step))
      return reportNotFound(this.pages, req, res);
    const s = step as PageStep;
    const permission = s === 'review' || s === 'reopen' ? 'reports.review' : 'reports.publish';
    return this.change(
      p,
      req,
      res,
      code,
      year,
      body,
      'publication',
      async (p, key, lang) => {
        const k = { year: key.year, agencyCode: key.agencyCode, subtree: key.subtree };
        if (s === 'correct') {
          const note = fieldsOf(body, ['publication-note'])['publication-note'];
          const form = await validatedForm(ReportCorrectionDto, { ...k, note }, lang);
          if (!form.value) return form.errors.map((e) => ({ ...e, field: 'publication-note' }));
          await this.workflow.correct(p, key, form.value.note);
        } else {
          const form = await validatedForm(ReportActionDto, k, lang);
          if (!form.value) return form.errors.map((e) => ({ ...e, field: 'publication-main' }));
          await this.workflow[s](p, key);
        }
        return { done: s, anchor: 'publication' };
      },
      permission,
    );
  }

  /** The HTML report as the API renders it, marked as a draft until published (a new tab). */
  @Get('preview')
  @Public()
  async preview(
    @StaffPrincipal('reports.read') p: Principal,
    @Query() q: ReportPageQueryDto,
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Param('code') code: string,
    @Param('year') year: string,
  ): Promise<void> {
    const found = await this.found(p, req, res, code, year, q);
    if (!found) return;
    const { key } = found;
    const report = await this.reports.report(p, key);
    const { status } = await this.workflow.status(p, key);
    const html = markedDraft((await renderReport(report, 'html')).toString('utf8'), status);
    res.setHeader('content-security-policy', letterCsp(html));
    res.setHeader('cache-control', 'private, no-store');
    res.type(CONTENT_TYPES.html).send(html);
  }

  /** A download of the report (the API's renderers and file names: `2026-DQ-GA.xlsx`). */
  @Get('export/:format')
  @Public()
  async export(
    @StaffPrincipal('reports.read') p: Principal,
    @Query() q: ReportPageQueryDto,
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Param('code') code: string,
    @Param('year') year: string,
    @Param('format') format: string,
  ): Promise<void> {
    const found = await this.found(p, req, res, code, year, q);
    if (!found) return;
    if (!(EXPORTS as readonly string[]).includes(format)) {
      res.send(reportNotFound(this.pages, req, res));
      return;
    }
    const f = format as (typeof EXPORTS)[number];
    const report = await this.reports.report(found.p, found.key);
    res.attachment(fileNameOf(report, f));
    res.setHeader('cache-control', 'private, no-store');
    res.type(CONTENT_TYPES[f]).send(await renderReport(report, f));
  }

  /** The report named, or the visitor answered with the 404 page and null. */
  private async found(
    p: Principal,
    req: AuthedRequest,
    res: Response,
    code: string,
    year: string,
    q: ReportPageQueryDto,
  ): Promise<{ p: Principal; key: ReportKey } | null> {
    const key = await reportKeyOf(code, year, isSubtree(q.subtree), this.lang(req, res));
    if (key) {
      try {
        await this.reports.agencyFor(p, key.agencyCode);
        return { p, key };
      } catch (err) {
        if (!outOfReach(err)) throw err;
      }
    }
    res.send(reportNotFound(this.pages, req, res));
    return null;
  }

  /**
   * One of the editor's forms: done → back to the page (303) saying what was done; refused →
   * the page with the form's errors (400, or the refusal's own status: 409 for a workflow step
   * in the wrong state or with failing checks); the report out of reach → the 404 page.
   */
  private async change(
    p: Principal,
    req: AuthedRequest,
    res: Response,
    code: string,
    year: string,
    body: unknown,
    form: EditorForm,
    run: (
      p: Principal,
      key: ReportKey,
      lang: Lang,
    ) => Promise<FormError[] | { done: string; extra?: string; anchor: string }>,
    permission: 'reports.write' | 'reports.review' | 'reports.publish' = 'reports.write',
  ): Promise<string | void> {
    // The page is open to readers; its forms to those who may make the change.
    if (!p.has(permission)) throw new PageGate('forbidden');
    const lang = this.lang(req, res);
    const raw = (body ?? {}) as Record<string, unknown>;
    const subtree = isSubtree(raw.subtree) || isSubtree(req.query.subtree);
    const key = await reportKeyOf(code, year, subtree, lang);
    if (!key) return reportNotFound(this.pages, req, res);
    let errors: FormError[];
    let status = 400;
    try {
      const out = await run(p, key, lang);
      if (!Array.isArray(out)) {
        const path = editorPath(key.agencyCode, key.year, key.subtree);
        const q = [`done=${out.done}`, ...(out.extra ? [out.extra] : [])].join('&');
        return res.redirect(303, `${path}${path.includes('?') ? '&' : '?'}${q}#${out.anchor}`);
      }
      errors = out;
    } catch (err) {
      if (outOfReach(err)) return reportNotFound(this.pages, req, res);
      if (!(err instanceof Refusal)) throw err;
      const field = form === 'figures' ? 'fig-main' : `${form === 'items' ? 'item' : form}-main`;
      errors = formErrorsOf(err, lang, field).map((e) =>
        e.code ? { ...e, field } : { ...e, field: this.fieldOf(form, e.field) },
      );
      status = httpStatusOf(err.code);
    }
    return this.view.render(req, res, p, key, { errors, form, posted: raw, status });
  }

  /** A service's field error renamed to the form's field on the editor page. */
  private fieldOf(form: EditorForm, field: string): string {
    if (form === 'figures') return 'fig-main';
    if (form === 'items') return `item-${field}`;
    if (form === 'publication') return 'publication-note';
    return `${form}-main`;
  }

  private lang(req: AuthedRequest, res: Response): Lang {
    return this.pages.context(req, res).lang;
  }
}
