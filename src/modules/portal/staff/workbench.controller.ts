import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Clock } from '../../../infra/clock/clock';
import { Public } from '../../../infra/http/public.decorator';
import { Refusal } from '../../../shared/domain/refusal';
import type { Principal } from '../../access/domain/principal';
import type { AuthedRequest } from '../../access/request-auth';
import { CalendarService } from '../../calendar/calendar.service';
import { CasesRepository } from '../../requests/cases.repository';
import { WorkbenchRepository } from '../../requests/workbench.repository';
import { CASE_STATUSES, STATUS_LABELS } from '../../requests/domain/case-status';
import { RequestsQueryService } from '../../requests/requests-query.service';
import { WorkflowService } from '../../requests/workflow.service';
import { AT_RISK_WD } from '../../supervision/supervision.service';
import type { FormError } from '../form-errors';
import { PortalPages } from '../portal-pages';
import { PageGateFilter, StaffPrincipal } from '../staff-gate';
import { inLang } from '../validated-form';
import { WorkbenchQueryDto } from './workbench-query.dto';

const PAGE_SIZE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The clerk's workbench (`/staff`): the cases in reach by reply due date, overdue and due-soon
 * marked, with search, filters and assignment of several cases at once.
 */
@ApiExcludeController()
@UseFilters(PageGateFilter)
@Controller('staff')
export class WorkbenchController {
  constructor(
    private readonly pages: PortalPages,
    private readonly queries: RequestsQueryService,
    private readonly cases: CasesRepository,
    private readonly workbench: WorkbenchRepository,
    private readonly workflow: WorkflowService,
    private readonly calendars: CalendarService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Get()
  @Public()
  async queue(
    @StaffPrincipal('cases.read') p: Principal,
    @Query() q: WorkbenchQueryDto,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string | void> {
    return this.page(req, res, p, q, [], null);
  }

  @Post('assign')
  @Public()
  @HttpCode(200)
  async assign(
    @StaffPrincipal('cases.read') p: Principal,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Body() body: unknown,
  ): Promise<string | void> {
    const { lang } = this.pages.context(req, res);
    const b = (body ?? {}) as Record<string, unknown>;
    const refs = ([] as unknown[])
      .concat(b.refs ?? [])
      .filter((x): x is string => typeof x === 'string' && x.length <= 40);
    const assigneeId = typeof b.assigneeId === 'string' ? b.assigneeId : '';
    const errors: FormError[] = [];
    const zh = lang === 'zh';
    if (!refs.length)
      errors.push({
        field: 'refs',
        message: zh ? '请至少选择一件申请' : 'Select at least one request',
      });
    if (!UUID.test(assigneeId))
      errors.push({ field: 'assigneeId', message: zh ? '请选择承办人' : 'Choose a clerk' });
    let done = 0;
    if (!errors.length) {
      // One case, one transaction: a case refused (another agency's clerk, a closed case) is
      // reported by its reference; the others are assigned.
      for (const ref of refs) {
        try {
          const c = await this.cases.byReference(ref.trim().toUpperCase());
          if (!c) throw new Refusal('case-not-found');
          await this.workflow.assign(p, c.id, { assigneeId });
          done++;
        } catch (err) {
          if (!(err instanceof Refusal)) throw err;
          const message = `${ref}：${inLang(err.message, lang)}`;
          errors.push({ field: `case-${ref}`, message, code: err.code });
        }
      }
    }
    if (!errors.length) return res.redirect(303, `/staff?assigned=${done}`);
    return this.page(req, res, p, {}, errors, done, 400);
  }

  private async page(
    req: AuthedRequest,
    res: Response,
    p: Principal,
    q: WorkbenchQueryDto,
    errors: FormError[],
    assigned: number | null,
    status = 200,
  ): Promise<string> {
    const { lang } = this.pages.context(req, res);
    const today = this.clock.today();
    const [list, cal, clerks, payments] = await Promise.all([
      this.queries.list(p, {
        q: q.q,
        status: q.status,
        open: !q.status && q.closed !== '1' ? true : undefined,
        overdue: q.overdue === '1' ? true : undefined,
        assigneeId: q.mine === '1' ? p.userId : undefined,
        page: q.page,
        pageSize: PAGE_SIZE,
      }),
      this.calendars.calendarFor(null),
      this.workbench
        .clerksOf(p.scope('cases.handle'))
        .then(async (mine) =>
          mine.length ? mine : this.workbench.clerksOf(p.scope('cases.approve')),
        ),
      p.has('cases.handle') ? this.workbench.reportedPayments(p.scope('cases.handle')) : [],
    ]);
    const soon = cal.addWorkingDays(today, AT_RISK_WD).due ?? today;
    const names = new Map(clerks.map((c) => [c.id, c.displayName]));
    const items = list.items.map((s) => ({
      ...s,
      assigneeName: s.assigneeId ? (names.get(s.assigneeId) ?? '—') : null,
      risk: s.overdue ? 'overdue' : s.replyDue && s.replyDue <= soon ? 'at-risk' : null,
    }));
    const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
    const query = (page: number) =>
      '/staff?' +
      new URLSearchParams(
        Object.entries({
          ...q,
          page: String(page),
          lang: undefined,
          size: undefined,
          assigned: undefined,
        }).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
      ).toString();
    return this.pages.render(
      req,
      res,
      'staff/workbench',
      {
        q,
        items,
        total: list.total,
        page: list.page,
        prev: list.page > 1 ? query(list.page - 1) : null,
        next: list.page < pages ? query(list.page + 1) : null,
        statuses: CASE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
        clerks,
        payments,
        canAssign: p.has('cases.handle') || p.has('cases.approve'),
        assigned: assigned ?? q.assigned ?? null,
        errors,
        invalid: Object.fromEntries(errors.map((e) => [e.field, true])),
        lang,
      },
      status,
    );
  }
}
