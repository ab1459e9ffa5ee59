import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../../infra/http/public.decorator';
import type { ReasonCode } from '../../../shared/domain/reason-code';
import { Refusal } from '../../../shared/domain/refusal';
import { messageIn } from '../../../shared/i18n/messages';
import type { AuthedRequest } from '../../access/request-auth';
import { WorkbenchRepository } from '../../requests/workbench.repository';
import { SupervisionService, type BoardRow } from '../../supervision/supervision.service';
import { PortalPages } from '../portal-pages';
import type { Principal } from '../../access/domain/principal';
import { PageGateFilter, StaffPrincipal } from '../staff-gate';
import { BoardQueryDto } from './supervisor-query.dto';
import { SupervisorScope } from './supervisor-scope';

/**
 * The supervisors' board (`/supervisor`): overdue and at-risk cases of the subtree with the late
 * steps, extensions and deferrals marked, and the extension requests to decide. A decision posts
 * the case page's own `decide-extension` form (the same DTO, rules and letter) and comes back here.
 */
@ApiExcludeController()
@UseFilters(PageGateFilter)
@Controller('supervisor')
export class BoardPageController {
  constructor(
    private readonly pages: PortalPages,
    private readonly supervision: SupervisionService,
    private readonly scope: SupervisorScope,
    private readonly workbench: WorkbenchRepository,
  ) {}

  @Get()
  @Public()
  async board(
    @StaffPrincipal('cases.approve') p: Principal,
    @Query() q: BoardQueryDto,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string | void> {
    try {
      const [board, agencies, clerks] = await Promise.all([
        this.supervision.board(p, q.agencyCode),
        this.scope.choices(p),
        this.workbench.clerksOf(p.scope('cases.read')),
      ]);
      const { lang } = this.pages.context(req, res);
      const names = new Map(clerks.map((c) => [c.id, c.displayName]));
      const row = (r: BoardRow) => ({
        ...r,
        assigneeName: r.assigneeId ? (names.get(r.assigneeId) ?? '—') : null,
        lateText: r.late
          ? messageIn(lang, r.late.reason as ReasonCode, { since: r.late.since })
          : null,
      });
      return this.pages.render(req, res, 'supervisor/board', {
        q,
        agencies,
        today: board.today,
        overdue: board.overdue.map(row),
        atRisk: board.atRisk.map(row),
        extensions: board.extensions,
      });
    } catch (err) {
      if (err instanceof Refusal && err.code === 'agency-not-found')
        return this.pages.render(req, res, 'not-found', {}, 404);
      throw err;
    }
  }
}
