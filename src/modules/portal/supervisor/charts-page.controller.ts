import { Controller, Get, Inject, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Clock } from '../../../infra/clock/clock';
import { Public } from '../../../infra/http/public.decorator';
import { Refusal } from '../../../shared/domain/refusal';
import type { Principal } from '../../access/domain/principal';
import type { AuthedRequest } from '../../access/request-auth';
import { AnnualReportService } from '../../reports/annual-report.service';
import { outcomeMix } from '../../reports/domain/outcome-mix';
import { formatForYear } from '../../reports/domain/report-format';
import { SupervisionService } from '../../supervision/supervision.service';
import type { Lang } from '../portal-text';
import { PortalPages } from '../portal-pages';
import { PageGateFilter, StaffPrincipal } from '../staff-gate';
import { chartSvg, SVG_CSP } from '../chart-svg';
import { CHART_IDS, supervisorCharts, type ChartData, type ChartId } from './charts-view';
import { ChartsQueryDto } from './supervisor-query.dto';
import { SupervisorScope } from './supervisor-scope';

/**
 * The supervisors' charts (`/supervisor/charts`): monthly intake, on-time rate, outcome mix,
 * remedies and the agencies of the subtree, each drawn as an SVG image by ECharts on the server
 * and given as a table too. Outcomes and remedies are the annual report's own figures (sections 三
 * and 四 from its counters), so the chart and the report can never disagree.
 */
@ApiExcludeController()
@UseFilters(PageGateFilter)
@Controller('supervisor/charts')
export class ChartsPageController {
  constructor(
    private readonly pages: PortalPages,
    private readonly supervision: SupervisionService,
    private readonly reports: AnnualReportService,
    private readonly scope: SupervisorScope,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Get()
  @Public()
  async page(
    @StaffPrincipal('cases.approve') p: Principal,
    @Query() q: ChartsQueryDto,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string | void> {
    const { lang } = this.pages.context(req, res);
    const data = await this.data(p, q);
    if (!data) return this.pages.render(req, res, 'not-found', {}, 404);
    const query = new URLSearchParams({
      year: String(data.year),
      ...(q.agencyCode ? { agencyCode: q.agencyCode } : {}),
      lang,
    }).toString();
    const thisYear = Number(this.clock.today().slice(0, 4));
    return this.pages.render(req, res, 'supervisor/charts', {
      q,
      year: data.year,
      years: Array.from({ length: 8 }, (_, i) => thisYear - i),
      agencies: await this.scope.choices(p),
      charts: supervisorCharts(data, lang).map((c) => ({
        ...c,
        src: `/supervisor/charts/${c.id}.svg?${query}`,
      })),
      complete: Boolean(data.outcomes),
    });
  }

  @Get(':chart.svg')
  @Public()
  async svg(
    @StaffPrincipal('cases.approve') p: Principal,
    @Param('chart') id: string,
    @Query() q: ChartsQueryDto,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string | void> {
    const data = (CHART_IDS as readonly string[]).includes(id) ? await this.data(p, q) : null;
    const lang: Lang = q.lang ?? this.pages.context(req, res).lang;
    const chart = data && supervisorCharts(data, lang).find((c) => c.id === (id as ChartId));
    if (!chart) return this.pages.render(req, res, 'not-found', {}, 404);
    res.setHeader('content-type', 'image/svg+xml; charset=utf-8');
    res.setHeader('cache-control', 'private, max-age=60');
    res.setHeader('content-security-policy', SVG_CSP);
    return chartSvg(chart.option);
  }

  /** The figures of the year over the reach or the agency's subtree; null when out of reach. */
  private async data(p: Principal, q: ChartsQueryDto): Promise<ChartData | null> {
    const year = q.year ?? Number(this.clock.today().slice(0, 4));
    try {
      const agencyCode = q.agencyCode ?? (await this.scope.topReportAgency(p));
      const format = formatForYear(year) === '2008' ? '2021' : formatForYear(year);
      const [{ months, agencies }, report] = await Promise.all([
        this.supervision.chartFigures(p, year, q.agencyCode),
        agencyCode && p.has('reports.read')
          ? this.reports
              .figuresFromCounters(p, { year, agencyCode, subtree: true, formatVersion: format })
              .catch((err: unknown) => {
                // An agency within the cases' reach but not the report's: no report charts.
                if (err instanceof Refusal && err.code === 'agency-not-found') return null;
                throw err;
              })
          : null,
      ]);
      return {
        year,
        months,
        agencies,
        outcomes: report ? outcomeMix(report.applications, format) : null,
        remedies: report?.remedies ?? null,
      };
    } catch (err) {
      if (err instanceof Refusal && err.code === 'agency-not-found') return null;
      throw err;
    }
  }
}
