import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { Refusal } from '../../../shared/domain/refusal';
import { messageIn } from '../../../shared/i18n/messages';
import type { Principal } from '../../access/domain/principal';
import type { AuthedRequest } from '../../access/request-auth';
import { AgenciesService } from '../../agencies/agencies.service';
import { CHANNEL_LABELS, type Channel } from '../../agencies/domain/agency';
import { traceDayCells } from '../../deadlines/domain/trace-text';
import {
  ACTION_LABELS as REMEDY_ACTION_LABELS,
  nextRemedyStatus,
  REMEDY_ACTIONS,
} from '../../remedies/domain/remedy-status';
import { RemediesQuery } from '../../remedies/remedies-query.service';
import { ATTACHMENT_KINDS, AttachmentsService } from '../../requests/attachments.service';
import { letterPageUrl } from '../../requests/case-letters.service';
import { CaseTraceService } from '../../requests/case-trace.service';
import { CasesRepository } from '../../requests/cases.repository';
import { WorkbenchRepository } from '../../requests/workbench.repository';
import {
  ACTION_LABELS,
  STATUS_LABELS,
  transition,
  type CaseStatus,
} from '../../requests/domain/case-status';
import { RequestsQueryService } from '../../requests/requests-query.service';
import { timelineView } from '../event-labels';
import type { FormError } from '../form-errors';
import { PortalPages } from '../portal-pages';
import { ACTION_FORMS } from './action-forms';
import { WITHHELD_COLUMNS, WITHHELD_ROWS } from './form-body';
import { NEW_REMEDY_FIELDS, REMEDY_STEP_FORMS } from './remedy-forms';

/** The page id of a remedy step's form (`r-<remedy id>-<step>`). */
export function remedyFormId(remedyId: string, action: string): string {
  return `r-${remedyId}-${action}`;
}

/**
 * The staff case page as data and HTML: the case view, the viewer's roles in its agency, the
 * forms the transition tables allow now (the case's and each remedy's) and why the others are
 * not possible, the deadline trace, files and remedies. Shared by the page's controllers.
 */
@Injectable()
export class CasePageView {
  constructor(
    private readonly pages: PortalPages,
    private readonly cases: CasesRepository,
    private readonly workbench: WorkbenchRepository,
    private readonly queries: RequestsQueryService,
    private readonly agencies: AgenciesService,
    private readonly traces: CaseTraceService,
    private readonly attachments: AttachmentsService,
    private readonly remedies: RemediesQuery,
  ) {}

  async render(
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
      roles.clerk || roles.supervisor
        ? this.workbench.clerksOf({ exact: [path], prefixes: [] })
        : [],
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
          timeline: timelineView(v.timeline, lang),
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
        remedies: remedies.map((r) => ({
          ...r,
          steps: REMEDY_ACTIONS.filter((a) => nextRemedyStatus(r, a).ok).map((a) => {
            const id = remedyFormId(r.id, a);
            return {
              id,
              action: a,
              label: REMEDY_ACTION_LABELS[a],
              fields: REMEDY_STEP_FORMS[a].fields,
              open: openForm === id,
              values: openForm === id ? values : {},
            };
          }),
        })),
        newRemedy: {
          fields: NEW_REMEDY_FIELDS,
          open: openForm === 'remedy-new',
          values: openForm === 'remedy-new' ? values : {},
        },
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
