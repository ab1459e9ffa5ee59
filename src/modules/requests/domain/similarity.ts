/** Normalises request text: full-width to half-width, lower case, no punctuation or spaces. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** A text normalised once, with its character bigrams counted (compared many times). */
export interface Fingerprint {
  readonly normalised: string;
  readonly bigrams: ReadonlyMap<string, number>;
  readonly total: number;
}

export function fingerprint(text: string): Fingerprint {
  const normalised = normalise(text);
  const chars = [...normalised];
  const bigrams = new Map<string, number>();
  for (let i = 0; i < chars.length - 1; i++) {
    const g = chars[i] + chars[i + 1];
    bigrams.set(g, (bigrams.get(g) ?? 0) + 1);
  }
  return { normalised, bigrams, total: Math.max(0, chars.length - 1) };
}

/** Dice coefficient over character bigrams of two fingerprints. */
export function similarityOf(x: Fingerprint, y: Fingerprint): number {
  const total = x.total + y.total;
  if (total === 0) return x.normalised === y.normalised ? 1 : 0;
  let shared = 0;
  for (const [g, n] of x.bigrams) shared += Math.min(n, y.bigrams.get(g) ?? 0);
  return (2 * shared) / total;
}

/** Dice coefficient over character bigrams (works for Chinese without word segmentation). */
export function similarity(a: string, b: string): number {
  return similarityOf(fingerprint(a), fingerprint(b));
}

/** Art 36(6): the same applicant asking the same agency for similar information. */
export const REPEAT_THRESHOLD = 0.6;
/** The repeat detector compares a new request with at most this many earlier replied ones. */
export const REPEAT_CANDIDATES = 200;

/**
 * The most similar candidate at or above REPEAT_THRESHOLD (Art 36(6)), or null; the new text
 * is normalised once, however many candidates there are.
 */
export function mostSimilar(
  text: string,
  candidates: ReadonlyArray<{ readonly id: string; readonly text: string }>,
): string | null {
  const mine = fingerprint(text);
  let best: { id: string; score: number } | null = null;
  for (const c of candidates) {
    const score = similarityOf(mine, fingerprint(c.text));
    if (score >= REPEAT_THRESHOLD && (!best || score > best.score)) best = { id: c.id, score };
  }
  return best?.id ?? null;
}
