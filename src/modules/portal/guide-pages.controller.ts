import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/app-config';
import { Public } from '../../infra/http/public.decorator';
import { AgenciesService } from '../agencies/agencies.service';
import { isAgencyCode } from '../agencies/domain/agency';
import { ogiGuide } from '../agencies/domain/ogi-guide';
import { PageQueryDto } from './page-query.dto';
import { officeFactRows, periodRows } from './public/guide-tables';
import { PortalPages } from './portal-pages';

/** Public pages: the agency directory and each agency's OGI guide (OGI-2019 Art 12, D-21). */
@ApiExcludeController()
@Controller('agencies')
export class GuidePagesController {
  constructor(
    private readonly pages: PortalPages,
    private readonly agencies: AgenciesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  async directory(
    @Query() _q: PageQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const items = (await this.agencies.directory()).map(({ agency: a }) => ({
      code: a.code,
      name: a.name,
      depth: a.depth,
      online: a.channels.includes('online'),
    }));
    return this.pages.render(req, res, 'agencies', { items });
  }

  @Get(':code/guide')
  @Public()
  async guide(
    @Query() _q: PageQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('code') code: string,
  ): Promise<string> {
    const agency = isAgencyCode(code) ? await this.agencies.findByCode(code) : null;
    if (!agency || !agency.active) return this.pages.render(req, res, 'not-found', {}, 404);
    const { lang } = this.pages.context(req, res);
    const guide = ogiGuide(agency, lang, `${this.config.http.publicUrl}/my/requests/new`);
    // OGI-2019 Art 12: the office's facts and the periods as tables; a missing fact says so.
    return this.pages.render(req, res, 'guide', {
      guide,
      code: agency.code,
      online: agency.channels.includes('online'),
      officeFacts: officeFactRows(guide, agency, lang),
      periods: periodRows(lang),
    });
  }
}
