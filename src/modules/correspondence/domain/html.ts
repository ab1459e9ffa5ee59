/**
 * The only way letters build markup. `markup` is a tagged template: its literal parts are
 * trusted (written here, in source), every interpolated string or number goes through
 * `escapeHtml`, and only values produced by `markup` itself pass through unescaped. There is no
 * other constructor of `Html`, so user text can never reach a letter unescaped.
 */
import { escapeHtml } from '../../../shared/domain/html-escape';

export { escapeHtml };

class TrustedHtml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

/** Markup produced by `markup`; opaque to callers. */
export type Html = TrustedHtml;

/** Anything that may be interpolated: text (escaped), markup, lists of markup, or nothing. */
export type HtmlValue = Html | string | number | readonly HtmlValue[] | null | undefined | false;

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof TrustedHtml) return value.markup;
  if (typeof value === 'number') return escapeHtml(String(value));
  if (typeof value === 'string') return escapeHtml(value);
  if (Array.isArray(value)) return value.map(render).join('');
  // Untyped data at runtime (a forged object, a Date …): treat it as text.
  return escapeHtml(String(value));
}

export function markup(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new TrustedHtml(out);
}

/** Text with line breaks kept: each line escaped, joined by `<br>`. */
export function multiline(text: string): Html {
  const lines = text.split(/\r\n|\r|\n/);
  return markup`${lines.map((line, i) => (i === 0 ? markup`${line}` : markup`<br>${line}`))}`;
}
