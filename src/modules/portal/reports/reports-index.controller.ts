import { Controller, Get, Inject, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Clock } from '../../../infra/clock/clock';
import { Public } from '../../../infra/http/public.decorator';
import type { AuthedRequest } from '../../access/request-auth';
import { AgenciesService } from '../../agencies/agencies.service';
import { formatForYear } from '../../reports/domain/report-format';
import { ReportWorkflowService } from '../../reports/report-workflow.service';
import { PortalPages } from '../portal-pages';
import type { Principal } from '../../access/domain/principal';
import { PageGateFilter, StaffPrincipal } from '../staff-gate';
import { isSubtree, ReportListQueryDto } from './report-page-query.dto';
import { editorPath } from './report-page-model';

/** The first reporting year the system offers (the 2008 Regulations' first reports). */
const FIRST_YEAR = 2008;

/**
 * /reports: the annual reports within the viewer's reach (`reports.read`) for a year — last
 * year unless chosen — each agency alone or with its subtree, with where each is in its
 * workflow (ReportWorkflowService.status) and a link to its editor.
 */
@ApiExcludeController()
@UseFilters(PageGateFilter)
@Controller('reports')
export class ReportsIndexController {
  constructor(
    private readonly pages: PortalPages,
    private readonly agencies: AgenciesService,
    private readonly workflow: ReportWorkflowService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Get()
  @Public()
  async index(
    @StaffPrincipal('reports.read') p: Principal,
    @Query() q: ReportListQueryDto,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string | void> {
    const thisYear = Number(this.clock.today().slice(0, 4));
    const year = q.year ?? thisYear - 1;
    const subtree = isSubtree(q.subtree);
    const rows = (await this.agencies.list(p)).filter((x) => p.can('reports.read', x.agency.path));
    const top = Math.min(...rows.map((x) => x.agency.depth));
    const items = [];
    for (const { agency } of rows) {
      const s = await this.workflow.status(p, { year, agencyCode: agency.code, subtree });
      items.push({
        code: agency.code,
        name: agency.name,
        level: Math.min(agency.depth - top + 1, 4),
        status: s.status,
        version: s.version,
        href: editorPath(agency.code, year, subtree),
      });
    }
    return this.pages.render(req, res, 'reports/index', {
      year,
      subtree,
      format: formatForYear(year),
      years: Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i),
      items,
    });
  }
}
