import type { NestExpressApplication } from '@nestjs/platform-express';
import { urlencoded } from 'express';
import type { IncomingMessage } from 'node:http';

export const MAX_JSON_DEPTH = 32;

/** Where the portal's forms post (url-encoded); the API itself takes JSON only. */
export const PAGE_FORM_PATHS = [
  '/my',
  '/track',
  '/signin',
  '/signout',
  '/register',
  '/forgot-password',
  '/reset-password',
  '/staff',
  '/admin',
  '/reports',
];

export class JsonTooDeepError extends Error {
  readonly status = 400;
  readonly type = 'json.too.deep';
  constructor() {
    super(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

/** Deepest nesting of `[`/`{` outside strings, stopping early once past `max`. */
export function jsonDepthExceeds(buf: Buffer, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * The one JSON body parser: at most `limit` (413 above it), nested at most MAX_JSON_DEPTH
 * levels (checked on the raw bytes, before parsing). Errors reach the problem-details filter.
 * The portal's HTML forms post url-encoded fields, under the same limit.
 */
export function useJsonBody(app: NestExpressApplication, limit: string): void {
  app.useBodyParser('json', {
    limit,
    verify: (_req: IncomingMessage, _res: unknown, buf: Buffer) => {
      if (jsonDepthExceeds(buf)) throw new JsonTooDeepError();
    },
  });
  app.use(PAGE_FORM_PATHS, urlencoded({ limit, extended: false, parameterLimit: 100 }));
}
