/**
 * What /health concludes from the facts the workers record in worker_state (no Redis scan per
 * probe). Pure: each rule is a unit test. Names and shapes mirror the writers: the upkeep round
 * (`upkeep`), the deadline reconcile (`reconcile-deadlines`) and the outbox reconcile.
 */
export type CheckStatus = 'up' | 'down' | 'degraded';
export interface CheckResult {
  status: CheckStatus;
  [detail: string]: unknown;
}

export interface Recorded<T> {
  readonly value: T;
  /** Seconds since it was written (database time). */
  readonly ageSeconds: number;
}

export interface UpkeepFacts {
  everyMs: number;
  worker: string;
  evictionPolicy: string | null;
  schedulersMissing: string[];
  schedulersPresent: string[];
  queues: Record<string, Record<string, number>>;
  errors: string[];
}
export interface DeadlineFacts {
  phase?: 'healing' | 'done';
  full?: boolean;
  markerMissing?: boolean;
  checked?: number;
  missing?: number;
  rearmed?: number;
  durationMs?: number;
}
export interface OutboxFacts {
  checked: number;
  missing: number;
}

export interface WorkerFacts {
  upkeep?: Recorded<UpkeepFacts>;
  deadlines?: Recorded<DeadlineFacts>;
  outbox?: Recorded<OutboxFacts>;
}

/** The reconcile job runs every 2 minutes and the upkeep more often: 10 minutes is silence. */
const RECONCILE_STALE_S = 10 * 60;
/** Rounds an upkeep may miss before /health says no worker keeps up. */
const UPKEEP_MISSED_ROUNDS = 3;
/** A healing pass is reported as long as it runs; one longer than this is reported as stuck. */
const HEALING_STUCK_S = 10 * 60;

const degraded = (problem: string, details: Record<string, unknown> = {}): CheckResult => ({
  status: 'degraded',
  problem,
  ...details,
});

/** The upkeep itself: running, and able to reach Redis. */
export function upkeepCheck(f: WorkerFacts): CheckResult {
  const u = f.upkeep;
  if (!u) return { status: 'up', lastRound: null };
  const staleAfter = (UPKEEP_MISSED_ROUNDS * u.value.everyMs) / 1000 + 10;
  const details = { secondsSince: Math.round(u.ageSeconds), worker: u.value.worker };
  if (u.ageSeconds > staleAfter)
    return degraded(`no worker upkeep for ${Math.round(u.ageSeconds)} s`, details);
  if (u.value.errors.length)
    return degraded('the last upkeep round failed', { ...details, errors: u.value.errors });
  return { status: 'up', ...details };
}

/** Redis's eviction policy as last read by a worker (BullMQ needs noeviction). */
export function evictionCheck(f: WorkerFacts): CheckResult {
  const policy = f.upkeep?.value.evictionPolicy;
  if (policy === undefined || policy === null) return { status: 'up', evictionPolicy: null };
  if (policy !== 'noeviction')
    return degraded(`Redis maxmemory-policy is "${policy}"; BullMQ needs "noeviction"`, {
      evictionPolicy: policy,
    });
  return { status: 'up', evictionPolicy: policy };
}

/** Job schedulers: a missing one (Redis wiped) is re-created by the round that found it. */
export function schedulersCheck(f: WorkerFacts): CheckResult {
  const u = f.upkeep?.value;
  if (!u) return { status: 'up', present: null };
  if (u.schedulersMissing.length)
    return degraded('job schedulers were missing in Redis (re-created)', {
      missing: u.schedulersMissing,
    });
  return { status: 'up', present: u.schedulersPresent };
}

/** Deadline wake-ups: a pass healing a wiped Redis, live deadlines found without a job, silence. */
export function timersCheck(f: WorkerFacts): CheckResult {
  const d = f.deadlines;
  if (!d) return { status: 'up', lastReconcile: null };
  const v = d.value;
  const details = {
    secondsSince: Math.round(d.ageSeconds),
    full: v.full ?? null,
    checked: v.checked ?? null,
    deadlinesWithoutJob: v.missing ?? null,
    rearmed: v.rearmed ?? null,
  };
  if (v.phase === 'healing')
    return d.ageSeconds > HEALING_STUCK_S
      ? degraded('a reconcile re-arming a wiped Redis has not finished', details)
      : degraded(
          'Redis lost its jobs (marker key missing): re-arming every live deadline',
          details,
        );
  if (d.ageSeconds > RECONCILE_STALE_S)
    return degraded(
      `the deadline reconcile has not run for ${Math.round(d.ageSeconds)} s`,
      details,
    );
  if ((v.missing ?? 0) > 0)
    return degraded(`${v.missing} live deadline(s) had no job in Redis (re-armed)`, details);
  return { status: 'up', ...details };
}

/** Outbox rows found without a send job by the last outbox reconcile. */
export function outboxJobsDegraded(f: WorkerFacts): string | null {
  const o = f.outbox?.value;
  return o && o.missing > 0 ? `${o.missing} pending e-mail(s) had no send job (dispatched)` : null;
}

/** Mail outcomes, counted in mail_outbox when /health is asked. */
export interface MailFacts {
  /** Statutory letters failed or unconfirmed and not yet resent or settled by an operator. */
  statutoryUnresolved: number;
  /** Every other unresolved failure (reminders, account mail): reported, never degrading. */
  otherUnresolved: number;
  unconfirmed: number;
  /** Pending rows waiting for a retry after a transient failure. */
  retrying: number;
  /** Statutory letters among them, and how long the oldest has waited since its first failure. */
  statutoryRetrying: number;
  oldestStatutoryRetryingSeconds: number;
}

/** A statutory letter retried this long (SMTP away) degrades /health before the horizon ends. */
const STATUTORY_RETRY_DEGRADED_S = 10 * 60;

/**
 * Degraded only by statutory letters (OGI-2019 Art 40: a letter the applicant must receive):
 * one unresolved failure, or one retried for more than 10 minutes. A failed reminder or account
 * mail (one mistyped address) is counted but never degrades /health, so it cannot leave the
 * service degraded forever; a statutory failure stops counting once resent or resolved
 * (`mail resend`, `mail resolve`).
 */
export function mailDeliveryCheck(f: MailFacts): CheckResult {
  const details = { ...f };
  if (f.statutoryUnresolved > 0)
    return degraded(
      `${f.statutoryUnresolved} statutory letter e-mail(s) failed or unconfirmed and not resolved`,
      details,
    );
  if (f.statutoryRetrying > 0 && f.oldestStatutoryRetryingSeconds > STATUTORY_RETRY_DEGRADED_S)
    return degraded(
      `${f.statutoryRetrying} statutory letter e-mail(s) waiting for the mail server to take them`,
      details,
    );
  return { status: 'up', ...details };
}
