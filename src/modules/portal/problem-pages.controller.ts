import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { httpStatusOf } from '../../infra/http/domain-error';
import { Public } from '../../infra/http/public.decorator';
import { isReasonCode, REASON_CODES, type ReasonCode } from '../../shared/domain/reason-code';
import { MESSAGES } from '../../shared/i18n/messages';
import { PageQueryDto } from './page-query.dto';
import { PortalPages } from './portal-pages';

/** A catalogue text with its `{parameters}` shown as a neutral placeholder. */
const general = (text: string, lang: 'zh' | 'en') =>
  text.replace(/\{[a-zA-Z]+\}/g, lang === 'zh' ? '（具体内容）' : '(…)');

/**
 * `${PUBLIC_URL}/problems/<code>` — the `type` of every problem-details answer and the page a
 * refused form links to: what the reason code means, from the one message catalogue.
 */
@ApiExcludeController()
@Controller('problems')
export class ProblemPagesController {
  constructor(private readonly pages: PortalPages) {}

  @Get()
  @Public()
  index(
    @Query() _q: PageQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): string {
    const { lang } = this.pages.context(req, res);
    const items = REASON_CODES.map((code) => ({ code, title: MESSAGES[code].title[lang] }));
    return this.pages.render(req, res, 'problems', { items });
  }

  @Get(':code')
  @Public()
  one(
    @Query() _q: PageQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('code') code: string,
  ): string {
    if (!isReasonCode(code)) return this.pages.render(req, res, 'not-found', {}, 404);
    const { lang } = this.pages.context(req, res);
    return this.pages.render(req, res, 'problem', problemView(code, lang));
  }
}

export function problemView(code: ReasonCode, lang: 'zh' | 'en') {
  const m = MESSAGES[code];
  const status = httpStatusOf(code);
  return {
    code,
    status,
    title: m.title[lang],
    detail: m.detail ? general(m.detail[lang], lang) : null,
    kind:
      status >= 500 ? 'server' : status === 404 ? 'missing' : status === 409 ? 'state' : 'input',
  };
}
