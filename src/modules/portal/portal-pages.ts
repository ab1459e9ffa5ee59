import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Principal } from '../access/domain/principal';
import type { Permission } from '../access/domain/roles';
import type { AuthedRequest } from '../access/request-auth';
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

  /**
   * The signed-in staff member who holds `permission` somewhere (each service still checks the
   * agency in reach). Otherwise the visitor is answered here and null comes back: the sign-in page
   * (303) without a session, a 403 page for an applicant or a staff member without it.
   */
  staff(req: AuthedRequest, res: Response, permission: Permission): Principal | null {
    const p = req.auth?.principal;
    if (!p) {
      res.redirect(303, `/signin?next=${encodeURIComponent(req.originalUrl)}`);
      return null;
    }
    if (p.kind === 'staff' && p.has(permission)) return p;
    const { lang } = this.context(req, res);
    res.send(
      this.render(
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
      ),
    );
    return null;
  }
}
