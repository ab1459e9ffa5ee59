/** worker_state names the upkeep writes (and /health, /metrics read by these names). */
export const UPKEEP_STATE = 'upkeep';
export const OUTBOX_STATE = 'reconcile-outbox';

/** What one upkeep round found, as recorded in worker_state (JSON). */
export interface UpkeepRecord {
  /** The recording worker's interval: /health calls the upkeep stale after a few of them. */
  readonly everyMs: number;
  readonly worker: string;
  /** Redis's maxmemory-policy now (BullMQ needs noeviction); null when it could not be read. */
  readonly evictionPolicy: string | null;
  /** Schedulers found missing in this round (re-created), and those present. */
  readonly schedulersMissing: readonly string[];
  readonly schedulersPresent: readonly string[];
  /** Job counts per queue, for /health (so a probe does not scan Redis). */
  readonly queues: Record<string, Record<string, number>>;
  /** Steps that failed in this round (Redis down, …). */
  readonly errors: readonly string[];
  readonly durationMs: number;
}
