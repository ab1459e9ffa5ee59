import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Clock } from '../../../infra/clock/clock';
import { Public } from '../../../infra/http/public.decorator';
import { AgenciesService } from '../../agencies/agencies.service';
import { isAgencyCode } from '../../agencies/domain/agency';
import { percent } from '../../supervision/domain/public-statistics';
import { PortalPages } from '../portal-pages';
import { outcomeChartSvg } from './outcome-chart';
import { publicCache } from './public-page-headers';
import { isSubtree, PublicStatisticsQueryDto } from './public-query.dto';
import { PublicStatisticsPage } from './public-statistics.page';
import { SVG_CSP } from '../chart-svg';
import { textIn } from '../portal-text';

/** The first year the figures can be asked for (the 2008 Regulations came into force). */
const FIRST_YEAR = 2008;

/**
 * An agency's live statistics, for everyone: this year's (or `?year=`) requests received and
 * concluded, on time, time to reply and the outcome mix — counted as the annual report counts
 * them, each figure with its rule in plain words and its id. The agency alone or with its subtree.
 */
@ApiExcludeController()
@Controller('agencies')
export class StatisticsPagesController {
  constructor(
    private readonly pages: PortalPages,
    private readonly agencies: AgenciesService,
    private readonly statistics: PublicStatisticsPage,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The agency and year asked for, or null (the 404 page): active agencies, 2008 to this year. */
  private async resolve(code: string, q: PublicStatisticsQueryDto) {
    const agency = isAgencyCode(code) ? await this.agencies.findByCode(code) : null;
    const thisYear = Number(this.clock.today().slice(0, 4));
    const year = q.year ? Number(q.year) : thisYear;
    if (!agency?.active || year < FIRST_YEAR || year > thisYear) return null;
    return { agency, year, thisYear, subtree: isSubtree(q.subtree) };
  }

  @Get(':code/statistics')
  @Public()
  async statisticsPage(
    @Query() q: PublicStatisticsQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('code') code: string,
  ): Promise<string> {
    const asked = await this.resolve(code, q);
    if (!asked) return this.pages.render(req, res, 'not-found', {}, 404);
    const { agency, year, thisYear, subtree } = asked;
    const ctx = this.pages.context(req, res);
    const pt = textIn(ctx.lang);
    const {
      figures: f,
      outcomes,
      totalLabel,
    } = await this.statistics.of(agency.path, subtree, year);
    const days = (n: number | null) => (n === null ? '—' : pt('statDaysN', { n }));
    const base = `/agencies/${agency.code}/statistics?year=${year}`;
    const html = this.pages.render(req, res, 'public/statistics', {
      agency: { code: agency.code, name: agency.name },
      year,
      years: Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i),
      subtree,
      scopes: [
        { label: pt('reportScopeAlone'), href: base, current: !subtree },
        { label: pt('reportScopeSubtree'), href: `${base}&subtree=1`, current: subtree },
      ],
      rows: [
        {
          id: 'received',
          label: pt('statReceived'),
          value: String(f.received),
          rule: pt('ruleReceived'),
        },
        {
          id: 'concluded',
          label: pt('statConcluded'),
          value: String(f.concluded),
          rule: pt('ruleConcluded'),
        },
        {
          id: 'on-time',
          label: pt('statOnTime'),
          value: percent(f.onTimeRate),
          rule: pt('ruleOnTime', { onTime: f.onTime, late: f.late }),
        },
        {
          id: 'median-days',
          label: pt('statMedian'),
          value: days(f.medianNetDays),
          rule: pt('ruleNetDays', { n: f.replies }),
        },
        {
          id: 'average-days',
          label: pt('statAverage'),
          value: days(f.averageNetDays),
          rule: pt('ruleNetDays', { n: f.replies }),
        },
      ],
      outcomes: outcomes.map((o) => ({ ...o, label: o.labels.join(' '), share: percent(o.share) })),
      concluded: f.concluded,
      totalLabel,
      chart: `/agencies/${agency.code}/statistics/outcomes.svg?year=${year}${subtree ? '&subtree=1' : ''}`,
    });
    publicCache(res, ctx, 300);
    return html;
  }

  /** The outcome mix as a small SVG bar chart (one bar per result group), for the page's `<img>`. */
  @Get(':code/statistics/outcomes.svg')
  @Public()
  async outcomesChart(
    @Query() q: PublicStatisticsQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('code') code: string,
  ): Promise<string> {
    const asked = await this.resolve(code, q);
    if (!asked) return this.pages.render(req, res, 'not-found', {}, 404);
    const { groups } = await this.statistics.of(asked.agency.path, asked.subtree, asked.year);
    const svg = outcomeChartSvg(groups.map((g) => ({ label: g.label, n: g.n })));
    res.type('image/svg+xml');
    res.setHeader('content-security-policy', SVG_CSP);
    res.setHeader('cache-control', 'public, max-age=300');
    return svg;
  }
}
