import { Body, Controller, Get, HttpCode, Param, Post, Req, Res, Query } from '@nestjs/common';
import { PageQueryDto } from './page-query.dto';
import { ApiExcludeController } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { Response } from 'express';
import { isUuid } from '../../infra/http/input/id.pipe';
import { Public } from '../../infra/http/public.decorator';
import type { AuthedRequest } from '../access/request-auth';
import { IssuedLettersRepository } from '../correspondence/issued-letters.repository';
import { CaseAccess } from '../requests/case-access.service';
import { CasesRepository } from '../requests/cases.repository';
import { trackingCodeHash } from '../requests/domain/tracking-code';
import type { RequestCase } from '../requests/request-case.entity';
import { letterCsp } from './page-renderer';
import { PortalPages } from './portal-pages';

/**
 * The page every letter notice links to: `/my/requests/<ref>/letters/<id>` serves the stored
 * letter as printable HTML to the signed-in applicant (or staff in scope), or to whoever posts
 * the case's tracking code. Without either it answers 401 with a form asking for the code.
 */
@ApiExcludeController()
@Controller('my/requests/:ref/letters/:letter')
export class LetterPageController {
  constructor(
    private readonly pages: PortalPages,
    private readonly cases: CasesRepository,
    private readonly access: CaseAccess,
    private readonly letters: IssuedLettersRepository,
  ) {}

  @Get()
  @Public()
  async view(
    @Query() _q: PageQueryDto,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Param('ref') ref: string,
    @Param('letter') letterId: string,
  ): Promise<string> {
    const principal = req.auth?.principal;
    if (!principal) return this.locked(req, res, false);
    const c = await this.cases.byReference(ref.trim().toUpperCase());
    const seen = c
      ? await this.access
          .load(this.cases.reader, principal, c.id, { applicantAllowed: true })
          .then((h) => h.c)
          .catch(() => null)
      : null;
    if (!seen) return this.missing(req, res);
    return this.letterOf(req, res, seen, letterId, principal.kind === 'staff');
  }

  @Post()
  @Public()
  @HttpCode(200)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  async viewWithCode(
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Param('ref') ref: string,
    @Param('letter') letterId: string,
    @Body() body: { trackingCode?: unknown } | undefined,
  ): Promise<string> {
    const code = typeof body?.trackingCode === 'string' ? body.trackingCode : '';
    const hash = trackingCodeHash(code);
    const c = hash
      ? await this.cases.byReferenceAndTrackingHash(ref.trim().toUpperCase(), hash)
      : null;
    if (!c) return this.locked(req, res, true);
    return this.letterOf(req, res, c, letterId, false);
  }

  private locked(req: AuthedRequest, res: Response, wrongCode: boolean): string {
    return this.pages.render(
      req,
      res,
      'letter-locked',
      { action: req.originalUrl.split('?')[0], wrongCode },
      wrongCode ? 404 : 401,
    );
  }

  private async letterOf(
    req: AuthedRequest,
    res: Response,
    c: RequestCase,
    letterId: string,
    staff: boolean,
  ): Promise<string> {
    const letter = isUuid(letterId) ? await this.letters.findForCase(c.id, letterId) : null;
    if (!letter || (!letter.toApplicant && !staff)) return this.missing(req, res);
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('cache-control', 'private, no-store');
    res.setHeader('content-security-policy', letterCsp(letter.html));
    return letter.html;
  }

  private missing(req: AuthedRequest, res: Response): string {
    return this.pages.render(req, res, 'not-found', {}, 404);
  }
}
