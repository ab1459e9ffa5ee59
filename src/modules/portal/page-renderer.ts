import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { Eta } from 'eta';
import type { Request, Response } from 'express';
import type { Permission } from '../access/domain/roles';
import { SESSION_COOKIE, type AuthedRequest } from '../access/request-auth';
import { PORTAL_TEXT, textIn, type Lang, type PortalTextKey } from './portal-text';
import { statusLabel } from './event-labels';
import type { CaseStatus } from '../requests/domain/case-status';

/** The repository root (where package.json is), from src/ under ts-jest or dist/src/ when built. */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

/** Where the templates and the stylesheet live (read from the source tree in every mode). */
export const PORTAL_DIR = join(repoRoot(), 'src/modules/portal');

/**
 * The portal's Content-Security-Policy: scripts and styles from files only; forms post to us.
 * Stored letters (inline A4 styles) add the hash of their style block.
 */
export function portalCsp(styleHashes: readonly string[] = []): string {
  const styles = ["'self'", ...styleHashes.map((h) => `'sha256-${h}'`)].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src ${styles}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** Permissions that open the administrators' pages. */
export const ADMIN_PERMISSIONS: readonly Permission[] = [
  'agencies.manage',
  'users.manage',
  'calendar.manage',
  'audit.read',
];

/** The CSP of a stored letter page: the portal's, plus the hash of each of its style blocks. */
export function letterCsp(html: string): string {
  return portalCsp(
    [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) =>
      createHash('sha256').update(m[1]).digest('base64'),
    ),
  );
}

export interface PageContext {
  lang: Lang;
  large: boolean;
  signedIn: boolean;
  /** A staff member is signed in (the workbench's navigation). */
  staff: boolean;
  /** The staff member administers something (agencies, staff, the calendar or the audit log). */
  admin: boolean;
  /** The staff member handles cases (registers requests received on paper and the like). */
  clerk: boolean;
  /** The staff member supervises cases (the overdue board, extension approvals, charts). */
  supervisor: boolean;
  /** The staff member edits annual reports (section 二, the narrative, publication). */
  reporting: boolean;
  csrf: string;
  path: string;
  /** This page in the other language and the other type size, its query kept (`?year=…`). */
  switchTo: { lang: string; size: string };
}

/** One-shot notices after a change (Post/Redirect/Get): not repeated by a language switch. */
const NOTICE_PARAMS = new Set(['lang', 'size', 'done', 'decided', 'assigned', 'changed']);

/** `path` with the query's other parameters and `key=value`. */
function sameWith(path: string, query: Record<string, unknown>, key: string, value: string) {
  const kept = Object.entries(query).filter(
    (e): e is [string, string] => typeof e[1] === 'string' && !NOTICE_PARAMS.has(e[0]),
  );
  return `${path}?${new URLSearchParams([...kept, [key, value]]).toString()}`;
}

/** Language and type size chosen by the visitor (`?lang=en`, `?size=large`, kept in cookies). */
export function pageContext(req: Request, res: Response, csrf: string): PageContext {
  const q = req.query as Record<string, unknown>;
  const cookies = (req as Request & { cookies?: Record<string, string> }).cookies ?? {};
  let lang: Lang = cookies.lang === 'en' ? 'en' : 'zh';
  if (q.lang === 'en' || q.lang === 'zh') {
    lang = q.lang;
    res.cookie('lang', lang, { sameSite: 'lax', path: '/', maxAge: 365 * 86_400_000 });
  }
  let large = cookies.size === 'large';
  if (q.size === 'large' || q.size === 'normal') {
    large = q.size === 'large';
    res.cookie('size', q.size, { sameSite: 'lax', path: '/', maxAge: 365 * 86_400_000 });
  }
  const p = (req as AuthedRequest).auth?.principal;
  const staff = p?.kind === 'staff';
  const admin = staff && ADMIN_PERMISSIONS.some((perm) => p.has(perm));
  const clerk = staff && p.has('cases.handle');
  const supervisor = staff && p.has('cases.approve');
  const reporting = staff && p.has('reports.write');
  return {
    lang,
    large,
    signedIn: Boolean(cookies[SESSION_COOKIE]),
    staff,
    admin,
    clerk,
    supervisor,
    reporting,
    csrf,
    path: req.path,
    switchTo: {
      lang: sameWith(req.path, q, 'lang', lang === 'zh' ? 'en' : 'zh'),
      size: sameWith(req.path, q, 'size', large ? 'normal' : 'large'),
    },
  };
}

/** Renders a page into the layout with its context and the two-language text helper. */
@Injectable()
export class PageRenderer {
  private readonly eta = new Eta({ views: join(PORTAL_DIR, 'views'), cache: true });

  render(
    res: Response,
    view: string,
    ctx: PageContext,
    data: Record<string, unknown>,
    status = 200,
  ): string {
    const t = textIn(ctx.lang);
    const other = (key: PortalTextKey): string => PORTAL_TEXT[key][ctx.lang === 'zh' ? 'en' : 'zh'];
    res.status(status);
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('content-security-policy', portalCsp());
    res.setHeader('cache-control', 'private, no-store');
    const statusOf = (code: string): string => statusLabel(code as CaseStatus, ctx.lang) ?? code;
    return this.eta.render(view, { ...data, ctx, t, other, caseStatus: statusOf });
  }
}
