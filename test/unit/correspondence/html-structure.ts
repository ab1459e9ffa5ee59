/** Structural checks of a rendered letter, standing in for an HTML validator in unit tests. */

const VOID_ELEMENTS = new Set(['meta', 'br', 'hr', 'link', 'img', 'input']);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*>/g;

/** Problems found: unbalanced or stray tags, raw `<`/`>`/`&` in text, missing document parts. */
export function structureProblems(doc: string): string[] {
  const problems: string[] = [];
  if (!doc.startsWith('<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">')) {
    problems.push('does not start with doctype, <html lang="zh-CN"> and <meta charset="utf-8">');
  }
  if (!doc.trimEnd().endsWith('</html>')) problems.push('does not end with </html>');
  const body = doc
    .replace('<!doctype html>', '')
    .replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
  const stack: string[] = [];
  const counts = new Map<string, number>();
  for (const m of body.matchAll(TAG)) {
    const [, closing, name] = m as unknown as [string, string, string];
    const tag = name.toLowerCase();
    counts.set(tag, (counts.get(tag) ?? 0) + (closing ? 0 : 1));
    if (VOID_ELEMENTS.has(tag)) {
      if (closing) problems.push(`closing tag of void element <${tag}>`);
      continue;
    }
    if (!closing) stack.push(tag);
    else if (stack.pop() !== tag) problems.push(`</${tag}> does not close the open element`);
  }
  if (stack.length) problems.push(`unclosed elements: ${stack.join(', ')}`);
  for (const one of ['html', 'head', 'title', 'style', 'body', 'h1']) {
    if (counts.get(one) !== 1)
      problems.push(`expected exactly one <${one}>, found ${counts.get(one) ?? 0}`);
  }
  const text = body.replace(TAG, '');
  if (/[<>]/.test(text)) problems.push('raw < or > outside a tag');
  if (/&(?!amp;|lt;|gt;|quot;|#39;)/.test(text)) problems.push('raw & outside an entity');
  return problems;
}

/** The text a reader sees: tags removed, entities decoded, no whitespace. */
export function textOf(doc: string): string {
  return doc
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<title>[\s\S]*?<\/title>/, '')
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
