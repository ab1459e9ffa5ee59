import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../../infra/http/public.decorator';
import { AgenciesService } from '../../agencies/agencies.service';
import { isAgencyCode } from '../../agencies/domain/agency';
import type { AnnualReport } from '../../reports/domain/annual-report';
import { PublishedReportsService } from '../../reports/published-reports.service';
import { PortalPages } from '../portal-pages';
import { beijingDate, fileSize, publicCache } from './public-page-headers';
import { isSubtree, PublicReportQueryDto } from './public-query.dto';
import { textIn } from '../portal-text';
import { sectionsOf } from './report-sections';

/**
 * The published annual reports, for everyone: the list per agency (every version, its files)
 * and a version's report inside the portal — read from the JSON stored at publication (frozen,
 * checked against its SHA-256), drawn through the report's own grids (report-grid.ts).
 */
@ApiExcludeController()
@Controller('agencies')
export class ReportPagesController {
  constructor(
    private readonly pages: PortalPages,
    private readonly agencies: AgenciesService,
    private readonly published: PublishedReportsService,
  ) {}

  private async activeAgency(code: string) {
    const agency = isAgencyCode(code) ? await this.agencies.findByCode(code) : null;
    return agency?.active ? agency : null;
  }

  @Get(':code/reports')
  @Public()
  async list(
    @Query() _q: PublicReportQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('code') code: string,
  ): Promise<string> {
    const agency = await this.activeAgency(code);
    if (!agency) return this.pages.render(req, res, 'not-found', {}, 404);
    const ctx = this.pages.context(req, res);
    const pt = textIn(ctx.lang);
    const { reports } = await this.published.list(agency.code);
    const items = reports
      .sort((a, b) => b.year - a.year || Number(a.subtree) - Number(b.subtree))
      .map((r) => ({
        year: r.year,
        subtree: r.subtree,
        title: r.title,
        scope: pt(r.subtree ? 'reportScopeSubtree' : 'reportScopeAlone'),
        href: `/agencies/${agency.code}/reports/${r.year}${r.subtree ? '?subtree=1' : ''}`,
        versions: [...r.versions]
          .sort((a, b) => b.version - a.version)
          .map((v) => ({
            version: v.version,
            label: pt('versionN', { n: v.version }),
            publishedOn: beijingDate(v.publishedAt),
            note: v.note,
            href: `/agencies/${agency.code}/reports/${r.year}?${r.subtree ? 'subtree=1&' : ''}version=${v.version}`,
            files: v.files.map((f) => ({
              format: f.format.toUpperCase(),
              href: f.href,
              size: fileSize(f.size),
              sha256: f.sha256,
            })),
          })),
      }));
    const html = this.pages.render(req, res, 'public/reports', {
      agency: { code: agency.code, name: agency.name },
      items,
    });
    publicCache(res, ctx, 300);
    return html;
  }

  @Get(':code/reports/:year')
  @Public()
  async report(
    @Query() q: PublicReportQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('code') code: string,
    @Param('year') yearParam: string,
  ): Promise<string> {
    const agency = await this.activeAgency(code);
    const year = /^\d{4}$/.test(yearParam) ? Number(yearParam) : NaN;
    const subtree = isSubtree(q.subtree);
    const found = agency
      ? (await this.published.list(agency.code)).reports.find(
          (r) => r.year === year && r.subtree === subtree,
        )
      : undefined;
    const wanted = q.version ? Number(q.version) : found?.latestVersion;
    const version = found?.versions.find((v) => v.version === wanted);
    if (!agency || !found || !version) return this.pages.render(req, res, 'not-found', {}, 404);
    const ctx = this.pages.context(req, res);
    const pt = textIn(ctx.lang);
    // What was published: the stored JSON (its SHA-256 checked), never recomputed.
    const stored = await this.published.file(found.id, version.version, 'json');
    const r = JSON.parse(stored.body.toString('utf8')) as AnnualReport;
    const html = this.pages.render(req, res, 'public/report', {
      agency: { code: agency.code, name: agency.name },
      title: `${r.year}年${r.agency.name}政府信息公开工作年度报告`,
      scope: pt(r.subtree ? 'reportScopeSubtree' : 'reportScopeAlone'),
      version: {
        label: pt('versionN', { n: version.version }),
        publishedOn: beijingDate(version.publishedAt),
        note: version.note,
        files: version.files.map((f) => ({
          format: f.format.toUpperCase(),
          href: f.href,
          size: fileSize(f.size),
        })),
      },
      others: found.versions
        .filter((v) => v.version !== version.version)
        .map((v) => ({
          label: pt('versionN', { n: v.version }),
          href: `/agencies/${agency.code}/reports/${r.year}?${subtree ? 'subtree=1&' : ''}version=${v.version}`,
        })),
      listHref: `/agencies/${agency.code}/reports`,
      sections: sectionsOf(r),
    });
    // A version never changes; the latest may be corrected (a new version) at any time.
    publicCache(res, ctx, q.version ? 86_400 : 3_600);
    return html;
  }
}
