import type { JobsOptions, KeepJobs } from 'bullmq';
import { JobName } from './queue-names';

/**
 * Central retry policy (STYLE.md point 6): handlers throw to retry, and throw
 * UnrecoverableError for a permanent failure.
 */
const KEEP_COMPLETED: KeepJobs = { age: 24 * 3600, count: 1000 };
const KEEP_FAILED: KeepJobs = { age: 14 * 24 * 3600 };

export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: KEEP_COMPLETED,
  removeOnFail: KEEP_FAILED,
};

/**
 * Kept by every worker for the jobs that carry no retention of their own (BullMQ applies the
 * worker's `removeOnComplete` / `removeOnFail` then): the deadline ticks.
 */
export const WORKER_RETENTION: { removeOnComplete: KeepJobs; removeOnFail: KeepJobs } = {
  removeOnComplete: KEEP_COMPLETED,
  removeOnFail: KEEP_FAILED,
};

/**
 * Per-job overrides of the central policy. A deadline tick is a wake-up call for a row that
 * PostgreSQL keeps (STYLE.md point 4): its retry is the reconcile itself — a failed tick marks
 * its version unarmed (TimersProcessor.onFailed) and the next upkeep pass re-arms it, or the
 * full verification does if PostgreSQL was down — so the tick's job hash carries no attempts,
 * backoff or retention (the worker's retention applies). Every live timer is one such hash:
 * ~130 bytes less each (B4). Mail keeps the central policy and its own retry schedule.
 */
export const JOB_OPTIONS: Partial<Record<JobName, JobsOptions>> = {
  [JobName.DeadlineTick]: {
    attempts: 1,
    backoff: undefined,
    removeOnComplete: undefined,
    removeOnFail: undefined,
  },
};
