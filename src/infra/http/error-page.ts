import type { Request } from 'express';
import { escapeHtml } from '../../shared/domain/html-escape';
import { MESSAGES } from '../../shared/i18n/messages';
import type { ReasonCode } from '../../shared/domain/reason-code';

/**
 * Whether an error should answer as a page: a browser navigating to a portal address (it asks
 * for HTML first). API clients, and every `/api/` address, get problem details.
 */
export function wantsPage(req: Request): boolean {
  // bull-board (/admin/queues) is an API client of its own; the other /admin pages are the portal's.
  if (req.path.startsWith('/api/') || req.path.startsWith('/admin/queues')) return false;
  return req.accepts(['application/json', 'application/problem+json', 'text/html']) === 'text/html';
}

/**
 * The readable page of a problem: its title in Chinese and English, the detail, and links to
 * the page explaining the reason code and back home. Styled by the portal's stylesheet only
 * (the portal's CSP allows no inline style).
 */
export function errorPage(p: { code: ReasonCode; status: number; detail: string }): string {
  const m = MESSAGES[p.code];
  const esc = escapeHtml;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(m.title.zh)} · ${esc(m.title.en)}</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/assets/portal.css">
</head><body><main id="main">
<h1>${esc(m.title.zh)}</h1>
<p lang="en">${esc(m.title.en)}</p>
<p>${esc(p.detail)}</p>
<p>原因代码 Reason code: <a href="/problems/${esc(p.code)}"><code>${esc(p.code)}</code></a> · HTTP ${p.status}</p>
<p><a href="/">返回首页</a> · <a href="/" lang="en">Home</a></p>
</main></body></html>`;
}
