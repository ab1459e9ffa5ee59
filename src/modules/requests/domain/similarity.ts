/** Normalises request text: full-width to half-width, lower case, no punctuation or spaces. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

function bigrams(s: string): Map<string, number> {
  const chars = [...s];
  const out = new Map<string, number>();
  for (let i = 0; i < chars.length - 1; i++) {
    const g = chars[i] + chars[i + 1];
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient over character bigrams (works for Chinese without word segmentation). */
export function similarity(a: string, b: string): number {
  const x = bigrams(normalise(a));
  const y = bigrams(normalise(b));
  const total = [...x.values(), ...y.values()].reduce((s, n) => s + n, 0);
  if (total === 0) return normalise(a) === normalise(b) ? 1 : 0;
  let shared = 0;
  for (const [g, n] of x) shared += Math.min(n, y.get(g) ?? 0);
  return (2 * shared) / total;
}

/** Art 36(6): the same applicant asking the same agency for similar information. */
export const REPEAT_THRESHOLD = 0.6;
