import type { JobsOptions } from 'bullmq';

/**
 * Central retry policy (STYLE.md point 6): handlers throw to retry, and throw
 * UnrecoverableError for a permanent failure.
 */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};
