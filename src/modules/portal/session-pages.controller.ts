import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, Query } from '@nestjs/common';
import { SignInQueryDto } from './page-query.dto';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AppConfig } from '../../infra/config/app-config';
import { APP_CONFIG } from '../../infra/config/config.module';
import { Public } from '../../infra/http/public.decorator';
import { Refusal } from '../../shared/domain/refusal';
import { MESSAGES } from '../../shared/i18n/messages';
import { SESSION_COOKIE, type AuthedRequest } from '../access/request-auth';
import { AuthService } from '../auth/auth.service';
import { fieldsOf, missing, type FormError } from './form-errors';
import { PortalPages } from './portal-pages';
import { PORTAL_TEXT } from './portal-text';

/** A path on this site to return to after signing in (never another site: `//host`, `/\\host`). */
function localPath(next: string): string {
  return /^\/(?![/\\])/.test(next) ? next : '';
}

/** Signing in and out of the portal with the HttpOnly session cookie. */
@ApiExcludeController()
@Controller()
export class SessionPagesController {
  constructor(
    private readonly pages: PortalPages,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('signin')
  @Public()
  form(
    @Query() q: SignInQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): string {
    return this.page(req, res, '', [], 200, q.next ?? '');
  }

  @Post('signin')
  @Public()
  @HttpCode(200)
  async signIn(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Body() body: unknown,
  ): Promise<string | void> {
    const ctx = this.pages.context(req, res);
    const f = fieldsOf(body, ['email', 'password', 'next']);
    const next = localPath(f.next);
    const errors = missing(
      f,
      { email: PORTAL_TEXT.email[ctx.lang], password: PORTAL_TEXT.password[ctx.lang] },
      ctx.lang,
    );
    if (errors.length) return this.page(req, res, f.email, errors, 400, next);
    try {
      const s = await this.auth.login(f.email, f.password, 'cookie', req.ip ?? null);
      res.cookie(SESSION_COOKIE, s.accessToken, {
        httpOnly: true,
        sameSite: 'lax',
        secure: this.config.http.publicUrl.startsWith('https://'),
        expires: s.expiresAt,
        path: '/',
      });
      // Staff land on their workbench: /my/requests sends them there.
      res.redirect(303, next || '/my/requests');
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      const message =
        err.code === 'wrong-credentials'
          ? PORTAL_TEXT.signInFailed[ctx.lang]
          : MESSAGES[err.code].title[ctx.lang === 'zh' ? 'zh' : 'en'];
      return this.page(req, res, f.email, [{ field: 'email', message }], 401, next);
    }
  }

  @Post('signout')
  @Public()
  async signOut(@Req() req: AuthedRequest, @Res() res: Response): Promise<void> {
    const sessionId = req.auth?.sessionId;
    if (sessionId) await this.auth.logout(sessionId);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.redirect(303, '/');
  }

  private page(
    req: Request,
    res: Response,
    email: string,
    errors: FormError[],
    status = 200,
    next = '',
  ): string {
    return this.pages.render(
      req,
      res,
      'signin',
      {
        fields: { email, next: localPath(next) },
        errors,
        invalid: Object.fromEntries(errors.map((e) => [e.field, true])),
      },
      status,
    );
  }
}
