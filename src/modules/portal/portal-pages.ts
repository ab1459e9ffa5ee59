import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PageRenderer, pageContext, type PageContext } from './page-renderer';
import { PORTAL_CSRF, type PortalCsrf } from './csrf';

/** What every page controller needs: the visitor's context (with a CSRF token) and the renderer. */
@Injectable()
export class PortalPages {
  constructor(
    private readonly renderer: PageRenderer,
    @Inject(PORTAL_CSRF) private readonly csrf: PortalCsrf,
  ) {}

  /** The visitor's context, made once per request (one CSRF token, one cookie). */
  context(req: Request, res: Response): PageContext {
    const locals = res.locals as { portalContext?: PageContext };
    locals.portalContext ??= pageContext(req, res, this.csrf.token(req, res));
    return locals.portalContext;
  }

  render(
    req: Request,
    res: Response,
    view: string,
    data: Record<string, unknown> = {},
    status = 200,
  ): string {
    return this.renderer.render(res, view, this.context(req, res), data, status);
  }

  /** The 403 page: the account may not open this page (see `StaffPrincipal`). */
  forbidden(req: Request, res: Response): string {
    const { lang } = this.context(req, res);
    return this.render(
      req,
      res,
      'message',
      {
        heading: lang === 'zh' ? '无权访问' : 'Not allowed',
        text:
          lang === 'zh'
            ? '您的账号没有访问此页面的权限。如需权限，请联系本机关的系统管理员。'
            : 'Your account may not open this page. Ask your agency’s administrator for access.',
        alert: true,
      },
      403,
    );
  }
}
