import type { Response } from 'express';
import { CSRF_COOKIE } from '../csrf';
import type { PageContext } from '../page-renderer';

/**
 * Cache headers of a public page: shared caches may keep it for `maxAge` seconds when nobody is
 * signed in (the page holds no form and nothing personal, so the CSRF cookie every page makes is
 * dropped); a signed-in visitor's copy (with the sign-out form's token) stays `no-store`, and a
 * response that sets the language or type-size cookie is cached by the browser only.
 */
export function publicCache(res: Response, ctx: PageContext, maxAge: number): void {
  if (ctx.signedIn) return;
  const set = res.getHeader('set-cookie');
  const cookies = (Array.isArray(set) ? set : set ? [String(set)] : []).filter(
    (c) => !c.startsWith(`${CSRF_COOKIE}=`),
  );
  if (cookies.length) res.setHeader('set-cookie', cookies);
  else res.removeHeader('set-cookie');
  res.setHeader('cache-control', `${cookies.length ? 'private' : 'public'}, max-age=${maxAge}`);
  res.setHeader('vary', 'Cookie');
}

/** An instant as its calendar date in Beijing (UTC+8, no daylight saving). */
export function beijingDate(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A file size in KB with one decimal (B below 1 KB). */
export function fileSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}
