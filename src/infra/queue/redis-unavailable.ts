/**
 * Errors of a Redis command that could not be answered (Redis down, unreachable or too slow):
 * a request that needs Redis before it commits answers 503 + Retry-After, never 500 or a hang.
 */
const MESSAGES = [
  /^Command timed out/,
  /^Reached the max retries per request limit/,
  /^Connection is closed/,
  /^Stream isn't writeable/,
  /^connect ECONNREFUSED/,
];

export const REDIS_RETRY_AFTER_SECONDS = 5;

export function isRedisUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const { name, message } = err as { name?: unknown; message?: unknown };
  if (name === 'MaxRetriesPerRequestError') return true;
  return typeof message === 'string' && MESSAGES.some((m) => m.test(message));
}
