import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../../infra/http/public.decorator';
import { Refusal } from '../../../shared/domain/refusal';
import type { AuthedRequest } from '../../access/request-auth';
import { AnnualReportService } from '../../reports/annual-report.service';
import { formatForYear } from '../../reports/domain/report-format';
import { ReportCellsService } from '../../reports/report-cells.service';
import { PortalPages } from '../portal-pages';
import type { Principal } from '../../access/domain/principal';
import { PageGateFilter, StaffPrincipal } from '../staff-gate';
import { textIn } from '../portal-text';
import { formErrorsOf } from '../validated-form';
import { isSubtree, ReportPageQueryDto } from './report-page-query.dto';
import { cellLabel, editorPath } from './report-page-model';
import { outOfReach, reportKeyOf, reportNotFound } from './report-scope';

/**
 * One figure of sections 三 and 四 and what it counts (`ReportCellsService`, the API's
 * drill-down): its label, its value and the cases (or remedies with their cases) behind it, each
 * linked to the staff case page. A section, row or column the format does not have is a 400
 * page naming the field; the report out of reach the 404 page.
 */
@ApiExcludeController()
@UseFilters(PageGateFilter)
@Controller('reports/:code/:year/cells')
export class ReportCellPageController {
  constructor(
    private readonly pages: PortalPages,
    private readonly reports: AnnualReportService,
    private readonly cells: ReportCellsService,
  ) {}

  @Get(':section/:row/:column')
  @Public()
  async cell(
    @StaffPrincipal('reports.read') p: Principal,
    @Query() q: ReportPageQueryDto,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Param('code') code: string,
    @Param('year') year: string,
    @Param('section') section: string,
    @Param('row') row: string,
    @Param('column') column: string,
  ): Promise<string | void> {
    const { lang } = this.pages.context(req, res);
    const r = textIn(lang);
    const key = await reportKeyOf(code, year, isSubtree(q.subtree), lang);
    if (!key) return reportNotFound(this.pages, req, res);
    try {
      const agency = await this.reports.agencyFor(p, key.agencyCode);
      const cell = await this.cells.cell(p, { ...key, section, row, column });
      const back = editorPath(agency.code, key.year, key.subtree);
      return this.pages.render(req, res, 'reports/cell', {
        key,
        cell,
        label: cellLabel(cell.formatVersion, section, row, column),
        back: `${back}#figures`,
        canCases: p.can('cases.read', agency.path),
      });
    } catch (err) {
      if (outOfReach(err)) return reportNotFound(this.pages, req, res);
      if (!(err instanceof Refusal)) throw err;
      const problems = formErrorsOf(err, lang, 'section');
      return this.pages.render(
        req,
        res,
        'message',
        {
          heading: r('rpBadCell'),
          text: problems.map((e) => `${e.field}: ${e.message}`).join('；'),
          alert: true,
          next: {
            href: editorPath(key.agencyCode, key.year, key.subtree),
            label: `${r('rpBackToReport')}（${formatForYear(key.year)}）`,
          },
        },
        400,
      );
    }
  }
}
