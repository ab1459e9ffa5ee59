import type { Response } from 'express';
import type { Permission } from '../../access/domain/roles';
import type { Principal } from '../../access/domain/principal';
import type { AuthedRequest } from '../../access/request-auth';
import { CATEGORIES, CATEGORY_LABELS } from '../../proactive/domain/register';
import { ProactiveService } from '../../proactive/proactive.service';
import { AnnualReportService } from '../../reports/annual-report.service';
import { EDITABLE_SECTIONS } from '../../reports/domain/narrative';
import { sectionFourGrid, sectionThreeGrid } from '../../reports/domain/report-grid';
import { ReportWorkflowService } from '../../reports/report-workflow.service';
import { invalidOf } from '../admin/admin-forms';
import type { FormError } from '../form-errors';
import { PortalPages } from '../portal-pages';
import { inLang } from '../validated-form';
import {
  checkFix,
  detailParts,
  figureForm,
  figureRowLabel,
  gridRows,
  narrativeSections,
  underEditor,
  workflowSteps,
} from './report-page-model';
import { outOfReach, reportNotFound, type ReportKey } from './report-scope';

export type EditorForm = 'figures' | 'items' | 'narrative' | 'publication';

export interface EditorState {
  readonly errors?: FormError[];
  readonly form?: EditorForm;
  readonly posted?: Record<string, unknown>;
  readonly done?: string;
  readonly changed?: string;
  readonly status?: number;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * The editor page as data: the report (AnnualReportService, as the API computes it), where it
 * is in its workflow (ReportWorkflowService), the agency's own section 二 (ProactiveService),
 * and what the viewer may do — all from the services, with the posted form's values and errors.
 */
export class ReportEditorView {
  constructor(
    private readonly pages: PortalPages,
    private readonly reports: AnnualReportService,
    private readonly proactive: ProactiveService,
    private readonly workflow: ReportWorkflowService,
  ) {}

  async render(
    req: AuthedRequest,
    res: Response,
    p: Principal,
    key: ReportKey,
    s: EditorState,
  ): Promise<string> {
    let agency: { path: string; code: string; name: string };
    try {
      agency = await this.reports.agencyFor(p, key.agencyCode);
    } catch (err) {
      if (outOfReach(err)) return reportNotFound(this.pages, req, res);
      throw err;
    }
    const { lang } = this.pages.context(req, res);
    const may = (permission: string) => p.can(permission as Permission, agency.path);
    const report = await this.reports.report(p, key);
    const publication = await this.workflow.status(p, key);
    const format = report.formatVersion;
    const posted = s.posted ?? {};
    const at = (rest: string) => underEditor(agency.code, key.year, key.subtree, rest);
    const errors = s.errors ?? [];

    // Section 二: the agency's own figures (a combined report sums its agencies' entries).
    let figures = null;
    let register = null;
    if (format === '2008') {
      register = await this.proactive.register(p, key);
    } else {
      const own = await this.proactive.figures(p, { ...key, subtree: false });
      figures = figureForm(format, own.figures, s.form === 'figures' ? posted : null);
    }
    const changed = (s.changed ?? '')
      .split(',')
      .filter(Boolean)
      .map((item) => (format === '2008' ? item : figureRowLabel(format, item)));

    const cellHref = (cell: string) => at(`cells/${cell}`);
    const canCases = p.can('cases.read', agency.path);
    const checks = report.checks.map((c) => ({
      rule: c.rule,
      ok: c.ok,
      // The checks name cases in their Chinese part; the English reader gets the whole line.
      parts: detailParts(lang === 'zh' ? inLang(c.detail, 'zh') : c.detail),
      fix: c.ok ? null : checkFix(c.rule, key.year, agency.code, key.subtree),
    }));
    const editable = may('reports.write') && publication.status === 'draft';
    const narrative = narrativeSections(format, EDITABLE_SECTIONS[format]).map((n) => ({
      ...n,
      id: `narrative-${n.section}`,
      text:
        s.form === 'narrative' && posted.section === n.section
          ? str(posted.text)
          : (report.narrative[n.section] ?? ''),
      saved: report.narrativeSaved.includes(n.section),
    }));
    return this.pages.render(
      req,
      res,
      'reports/editor',
      {
        key,
        agency: report.agency,
        report,
        format,
        publication,
        canWrite: may('reports.write'),
        canCases,
        figures,
        register,
        categories: CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] })),
        item:
          s.form === 'items'
            ? Object.fromEntries(
                ['publishedOn', 'category', 'online', 'title', 'externalRef'].map((f) => [
                  f,
                  str(posted[`item-${f}`]),
                ]),
              )
            : { publishedOn: '', category: '', online: 'true', title: '', externalRef: '' },
        three: format === '2008' ? null : gridRows(sectionThreeGrid(report), 3, cellHref),
        four: format === '2008' ? null : gridRows(sectionFourGrid(report), 3, cellHref),
        checks,
        failing: checks.filter((c) => !c.ok).length,
        narrative,
        editable,
        steps: workflowSteps(publication.status, may),
        note: s.form === 'publication' ? str(posted['publication-note']) : '',
        links: {
          figures: at('figures'),
          items: at('items'),
          narrative: at('narrative'),
          step: (step: string) => at(`publication/${step}`),
          preview: at('preview'),
          export: (f: string) => at(`export/${f}`),
        },
        errors,
        invalid: invalidOf(errors),
        form: s.form ?? null,
        done: s.done,
        changed,
      },
      s.status ?? 200,
    );
  }
}
