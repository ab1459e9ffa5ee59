import type { MessageParams } from '../../../shared/i18n/messages';
import type { ReasonCode } from '../../../shared/domain/reason-code';
import { MAX_JSON_DEPTH } from './json-body';

export interface InputProblem {
  readonly code: ReasonCode;
  readonly status: number;
  readonly params: MessageParams;
}

interface ParserError {
  type: string;
  message?: string;
  limit?: number;
}
const isParserError = (e: unknown): e is ParserError =>
  typeof e === 'object' && e !== null && typeof (e as { type?: unknown }).type === 'string';

/** The position a JSON.parse message names (`… at position 12 (line 1 column 13)`). */
function positionIn(message: string | undefined): number | null {
  const m = /position (\d+)/.exec(message ?? '');
  return m ? Number(m[1]) : null;
}

/**
 * Nest maps body-parser's JSON SyntaxError to a BadRequestException carrying the parser's
 * message (`Unexpected token … in JSON at position 8`).
 */
export function malformedJsonProblem(message: string): InputProblem | null {
  if (!/\bJSON\b/.test(message)) return null;
  return { code: 'malformed-json', status: 400, params: { position: positionIn(message) } };
}

/** body-parser's errors (by their `type`) as reason codes; null for anything else. */
export function bodyParserProblem(e: unknown, limit: string): InputProblem | null {
  if (!isParserError(e)) return null;
  switch (e.type) {
    case 'entity.too.large':
    case 'parameters.too.many':
      return { code: 'payload-too-large', status: 413, params: { limit } };
    case 'entity.parse.failed':
      return { code: 'malformed-json', status: 400, params: { position: positionIn(e.message) } };
    case 'json.too.deep':
      return { code: 'json-too-deep', status: 400, params: { max: MAX_JSON_DEPTH } };
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return { code: 'unsupported-media-type', status: 415, params: {} };
    case 'request.aborted':
    case 'request.size.invalid':
    case 'entity.verify.failed':
      return { code: 'validation-failed', status: 400, params: {} };
    default:
      return null;
  }
}

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
  match(path: string): unknown;
}

/** Methods the Express app serves at `path` (for 405 and `Allow`), upper-case. */
export function allowedMethods(app: unknown, path: string): string[] {
  const stack = (app as { router?: { stack?: RouterLayer[] } }).router?.stack ?? [];
  const methods = new Set<string>();
  for (const layer of stack) {
    // Wildcard routes are middleware (metrics on every path), not endpoints.
    if (!layer.route || layer.route.path.includes('*') || !layer.match(path)) continue;
    for (const [m, on] of Object.entries(layer.route.methods))
      if (on && m !== '_all') methods.add(m.toUpperCase());
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}
