import type { FieldProblem } from '../../../shared/domain/refusal';
import { fieldProblem } from '../../../shared/domain/refusal';

/**
 * The one text rule, applied to every string of every body, query and path before validation:
 * no NUL, C0/C1 control characters (tab, line feed and carriage return excepted) or bidi
 * overrides/isolates; surrounding white space trimmed; a non-empty string of white space only
 * is refused. Secrets (passwords) are checked but never trimmed.
 */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]/;
const SECRET = /password/i;

export interface Cleaned {
  readonly value: unknown;
  readonly problems: readonly FieldProblem[];
}

export function cleanInput(value: unknown, prefix = ''): Cleaned {
  const problems: FieldProblem[] = [];
  const walk = (v: unknown, path: string, key: string): unknown => {
    if (typeof v === 'string') {
      if (FORBIDDEN.test(v)) problems.push(fieldProblem(path || key, 'field-bad-characters'));
      if (SECRET.test(key)) return v;
      const trimmed = v.trim();
      if (v.length > 0 && trimmed.length === 0)
        problems.push(fieldProblem(path || key, 'field-blank'));
      return trimmed;
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, `${path}[${i}]`, key));
    if (isPlainObject(v)) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x, path ? `${path}.${k}` : k, k);
      return out;
    }
    return v;
  };
  return { value: walk(value, prefix, prefix), problems };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
