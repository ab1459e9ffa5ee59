import { Body, Controller, Get, HttpCode, Post, Req, Res, Query } from '@nestjs/common';
import { PageQueryDto } from './page-query.dto';
import { ApiExcludeController } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { Public } from '../../infra/http/public.decorator';
import { Refusal } from '../../shared/domain/refusal';
import { RequestsQueryService } from '../requests/requests-query.service';
import { timelineView } from './event-labels';
import { fieldsOf, missing, type FormError } from './form-errors';
import { PortalPages } from './portal-pages';
import { PORTAL_TEXT } from './portal-text';

const TRACK_FIELDS = ['referenceNo', 'trackingCode'] as const;

/** The portal's public pages: home, and following a request by reference number and code. */
@ApiExcludeController()
@Controller()
export class PublicPagesController {
  constructor(
    private readonly pages: PortalPages,
    private readonly queries: RequestsQueryService,
  ) {}

  @Get()
  @Public()
  home(
    @Query() _q: PageQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): string {
    return this.pages.render(req, res, 'home');
  }

  @Get('track')
  @Public()
  trackForm(
    @Query() _q: PageQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): string {
    return this.trackPage(req, res, { referenceNo: '' }, []);
  }

  @Post('track')
  @Public()
  @HttpCode(200)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  async track(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Body() body: unknown,
  ): Promise<string> {
    const ctx = this.pages.context(req, res);
    const f = fieldsOf(body, TRACK_FIELDS);
    const labels = {
      referenceNo: PORTAL_TEXT.referenceNo[ctx.lang],
      trackingCode: PORTAL_TEXT.trackingCode[ctx.lang],
    };
    const errors = missing(f, labels, ctx.lang);
    if (errors.length) return this.trackPage(req, res, f, errors, 400);
    try {
      const v = await this.queries.track(f.referenceNo, f.trackingCode);
      return this.pages.render(req, res, 'case-status', {
        c: {
          ...v,
          timeline: timelineView(v.timeline, ctx.lang),
        },
        trackingCode: f.trackingCode,
      });
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      return this.trackPage(
        req,
        res,
        f,
        [{ field: 'trackingCode', message: PORTAL_TEXT.notFound[ctx.lang] }],
        404,
      );
    }
  }

  private trackPage(
    req: Request,
    res: Response,
    f: Record<string, string>,
    errors: FormError[],
    status = 200,
  ): string {
    return this.pages.render(
      req,
      res,
      'track',
      {
        fields: { referenceNo: f.referenceNo ?? '' },
        errors,
        invalid: Object.fromEntries(errors.map((e) => [e.field, true])),
      },
      status,
    );
  }
}
