/**
 * When a transient mail failure is tried again: exponential backoff from `baseMs`, capped at
 * `maxDelayMs`, for as long as the horizon (counted from the first failure) lasts; one last
 * attempt lands on the horizon itself, then the row is given up and people are told.
 */
export interface RetryPolicy {
  readonly baseMs: number;
  readonly maxDelayMs: number;
  readonly horizonMs: number;
}

export type RetryDecision =
  | { readonly kind: 'retry'; readonly at: Date; readonly delayMs: number }
  | { readonly kind: 'give-up'; readonly reason: 'horizon' };

/** The wait before attempt `failures + 1`, after `failures` (≥ 1) failed attempts. */
export function backoffMs(failures: number, p: Pick<RetryPolicy, 'baseMs' | 'maxDelayMs'>): number {
  const n = Math.max(1, Math.floor(failures));
  // 2^(n-1) overflows to Infinity long after the cap is reached; min() keeps it finite.
  return Math.min(p.maxDelayMs, p.baseMs * 2 ** Math.min(n - 1, 60));
}

/**
 * `failures`: transient failures so far (this one included); `firstFailedAt`: the first of them.
 */
export function nextRetry(
  failures: number,
  firstFailedAt: Date,
  now: Date,
  p: RetryPolicy,
): RetryDecision {
  const end = firstFailedAt.getTime() + p.horizonMs;
  if (now.getTime() >= end) return { kind: 'give-up', reason: 'horizon' };
  const at = Math.min(now.getTime() + backoffMs(failures, p), end);
  return { kind: 'retry', at: new Date(at), delayMs: at - now.getTime() };
}
