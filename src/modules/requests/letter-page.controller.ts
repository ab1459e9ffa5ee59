import { Body, Controller, Get, Header, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { Response } from 'express';
import { isUuid } from '../../infra/http/input/id.pipe';
import { Public } from '../../infra/http/public.decorator';
import type { AuthedRequest } from '../access/request-auth';
import { IssuedLettersRepository } from '../correspondence/issued-letters.repository';
import { CaseAccess } from './case-access.service';
import { CasesRepository } from './cases.repository';
import { trackingCodeHash } from './domain/tracking-code';
import { lockedLetterPage, missingLetterPage } from './letter-page.html';
import type { RequestCase } from './request-case.entity';

/**
 * The page every letter notice links to: `/my/requests/<ref>/letters/<id>` serves the stored
 * letter as printable HTML to the signed-in applicant (or staff in scope), or to whoever gives
 * the case's tracking code. Without either it answers 401 with a form asking for the code.
 */
@ApiTags('letters')
@Controller('my/requests/:ref/letters/:letter')
export class LetterPageController {
  constructor(
    private readonly cases: CasesRepository,
    private readonly access: CaseAccess,
    private readonly letters: IssuedLettersRepository,
  ) {}

  @Get()
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'private, no-store')
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'A stored letter for its applicant (sign-in), as printable HTML' })
  async view(
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @Param('ref') ref: string,
    @Param('letter') letterId: string,
  ): Promise<string> {
    const principal = req.auth?.principal;
    if (!principal) {
      res.status(401);
      return lockedLetterPage(req.originalUrl, false);
    }
    const c = await this.caseOf(ref);
    if (!c) return this.missing(res);
    const { c: seen } = await this.access
      .load(this.cases.reader, principal, c.id, { applicantAllowed: true })
      .catch(() => ({ c: null }));
    if (!seen) return this.missing(res);
    return this.letterOf(res, seen, letterId, principal.kind === 'staff');
  }

  @Post()
  @Public()
  @HttpCode(200)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'private, no-store')
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'A stored letter for whoever gives the tracking code' })
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
    if (!c) {
      res.status(404);
      return lockedLetterPage(req.originalUrl, true);
    }
    return this.letterOf(res, c, letterId, false);
  }

  private caseOf(ref: string): Promise<RequestCase | null> {
    return this.cases.byReference(ref.trim().toUpperCase());
  }

  private async letterOf(
    res: Response,
    c: RequestCase,
    letterId: string,
    staff: boolean,
  ): Promise<string> {
    const letter = isUuid(letterId) ? await this.letters.findForCase(c.id, letterId) : null;
    if (!letter || (!letter.toApplicant && !staff)) return this.missing(res);
    return letter.html;
  }

  private missing(res: Response): string {
    res.status(404);
    return missingLetterPage();
  }
}
