import { createHash, randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { doubleCsrf } from 'csrf-csrf';
import { SESSION_COOKIE } from '../access/request-auth';

export const CSRF_COOKIE = 'govinfo_csrf';
export const CSRF_FIELD = '_csrf';

type CookieRequest = Request & { cookies?: Record<string, string> };

/**
 * CSRF protection of every portal form (double-submit cookie, csrf-csrf): a token bound to the
 * visitor's session cookie, posted back in the hidden `_csrf` field. The secret is derived from
 * the PII key (shared by every instance), or random per process without one (development).
 */
export function portalCsrf(piiKey: string | undefined, secure: boolean) {
  const secret = piiKey
    ? createHash('sha256').update(`csrf:${piiKey}`).digest('base64')
    : randomBytes(32).toString('base64');
  const { generateCsrfToken, doubleCsrfProtection } = doubleCsrf({
    getSecret: () => secret,
    getSessionIdentifier: (req) => String((req as CookieRequest).cookies?.[SESSION_COOKIE] ?? ''),
    cookieName: CSRF_COOKIE,
    cookieOptions: { sameSite: 'lax', secure, path: '/', httpOnly: true },
    getCsrfTokenFromRequest: (req) => {
      const body = req.body as Record<string, unknown> | undefined;
      return typeof body?.[CSRF_FIELD] === 'string' ? body[CSRF_FIELD] : undefined;
    },
  });
  return {
    token: (req: Request, res: Response): string => generateCsrfToken(req, res),
    /** Refuses a state-changing request without a valid token (403, an HTML page). */
    protect: (req: Request, res: Response, next: NextFunction): void => {
      doubleCsrfProtection(req, res, (err?: unknown) => {
        if (!err) return next();
        res
          .status(403)
          .type('html')
          .send(
            '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>页面已过期 · Form expired</title></head><body><main><h1>页面已过期，请返回后重新提交。</h1><p lang="en">The form expired or did not come from this site. Go back and submit it again.</p></main></body></html>',
          );
      });
    },
  };
}

export type PortalCsrf = ReturnType<typeof portalCsrf>;
export const PORTAL_CSRF = Symbol('PORTAL_CSRF');
