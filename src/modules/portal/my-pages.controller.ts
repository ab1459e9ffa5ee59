import { Controller, Get, Param, Req, Res, Query } from '@nestjs/common';
import { PageQueryDto } from './page-query.dto';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../infra/http/public.decorator';
import type { AuthedRequest } from '../access/request-auth';
import { letterPageUrl } from '../requests/case-letters.service';
import { CasesRepository } from '../requests/cases.repository';
import { RequestsQueryService } from '../requests/requests-query.service';
import { beijingTime, eventLabel } from './event-labels';
import { PortalPages } from './portal-pages';

/** The signed-in applicant's requests (sign-in page otherwise). */
@ApiExcludeController()
@Controller('my/requests')
export class MyPagesController {
  constructor(
    private readonly pages: PortalPages,
    private readonly queries: RequestsQueryService,
    private readonly cases: CasesRepository,
  ) {}

  @Get()
  @Public()
  async list(
    @Query() _q: PageQueryDto,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string | void> {
    const p = req.auth?.principal;
    if (!p || p.kind !== 'applicant') return res.redirect(303, '/signin');
    const { items } = await this.queries.list(p, { pageSize: 200 });
    return this.pages.render(req, res, 'my-requests', { items });
  }

  @Get(':ref')
  @Public()
  async detail(
    @Query() _q: PageQueryDto,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Param('ref') ref: string,
  ): Promise<string | void> {
    const p = req.auth?.principal;
    if (!p || p.kind !== 'applicant') return res.redirect(303, '/signin');
    const c = await this.cases.byReference(ref.trim().toUpperCase());
    const v = c ? await this.queries.detail(p, c.id).catch(() => null) : null;
    if (!v) return this.notFound(req, res);
    return this.pages.render(req, res, 'case-status', {
      c: {
        ...v,
        letters: v.letters.map((l) => ({ ...l, path: letterPageUrl('', v.referenceNo, l.id) })),
        timeline: v.timeline.map((e) => ({
          ...e,
          when: beijingTime(e.at),
          label: eventLabel(e.action),
        })),
      },
      trackingCode: null,
    });
  }

  private notFound(req: Request, res: Response): string {
    return this.pages.render(req, res, 'not-found', {}, 404);
  }
}
