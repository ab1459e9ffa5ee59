/**
 * Database failures that are about capacity or availability, not about the request: the caller
 * should retry later (503 + Retry-After), never see a 500.
 */
export type DbUnavailableReason =
  | 'pool-exhausted'
  | 'lock-timeout'
  | 'idle-in-transaction-timeout'
  | 'statement-timeout'
  | 'deadlock'
  | 'database-down';

export interface DbUnavailable {
  readonly reason: DbUnavailableReason;
  /** Seconds the client should wait before retrying. */
  readonly retryAfterSeconds: number;
}

const BY_SQLSTATE: Record<string, DbUnavailableReason> = {
  '55P03': 'lock-timeout', // lock_not_available (lock_timeout)
  '25P03': 'idle-in-transaction-timeout', // idle_in_transaction_session_timeout
  '57014': 'statement-timeout', // query_canceled
  '40P01': 'deadlock', // deadlock_detected
  '40001': 'deadlock', // serialization_failure
  '57P01': 'database-down', // admin_shutdown
  '57P02': 'database-down', // crash_shutdown
  '57P03': 'database-down', // cannot_connect_now
  '53300': 'database-down', // too_many_connections
};

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
  'ENETUNREACH',
]);

/**
 * Messages of pg / pg-pool / TypeORM when the server went away mid-session: the connection was
 * cut (a restart, a failover), the client is broken, or the driver lost its pool.
 */
const DOWN_MESSAGES = [
  /Connection terminated/i,
  /not queryable/i,
  /Driver not Connected/i,
  /Query read timeout/i,
  /the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)/i,
  /terminating connection due to administrator command/i,
  /server closed the connection unexpectedly/i,
  // TypeORM releases a transaction's query runner when its connection errors; the statements
  // after it in that transaction then fail with this.
  /Query runner already released/i,
  /connection provided by a query runner was already released/i,
];

const RETRY_AFTER: Record<DbUnavailableReason, number> = {
  'pool-exhausted': 2,
  'lock-timeout': 2,
  'idle-in-transaction-timeout': 2,
  'statement-timeout': 5,
  deadlock: 1,
  'database-down': 10,
};

function fieldOf(err: unknown, key: 'code' | 'message'): string | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const v = (err as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : undefined;
}

/** Classifies an error thrown by pg / pg-pool / TypeORM, or null when it is something else. */
export function dbUnavailable(err: unknown): DbUnavailable | null {
  const reason = reasonOf(err);
  return reason ? { reason, retryAfterSeconds: RETRY_AFTER[reason] } : null;
}

function reasonOf(err: unknown): DbUnavailableReason | null {
  // TypeORM wraps driver errors (QueryFailedError.driverError); pg-pool keeps the cause.
  const layers: unknown[] = [
    err,
    (err as { driverError?: unknown })?.driverError,
    (err as { cause?: unknown })?.cause,
  ];
  // Node's connect() to a host with several addresses (localhost: ::1 and 127.0.0.1) fails with
  // an AggregateError whose own code may be missing: its errors say what happened.
  for (const e of [err, (err as { cause?: unknown })?.cause]) {
    const inner = (e as { errors?: unknown })?.errors;
    if (Array.isArray(inner)) layers.push(...(inner as unknown[]));
  }
  for (const e of layers) {
    const message = fieldOf(e, 'message') ?? '';
    // pg-pool: no connection became free within connectionTimeoutMillis.
    if (message === 'timeout exceeded when trying to connect') return 'pool-exhausted';
    const code = fieldOf(e, 'code');
    if (code && BY_SQLSTATE[code]) return BY_SQLSTATE[code];
    if (code && (code.startsWith('08') || NETWORK_CODES.has(code))) return 'database-down';
    if (DOWN_MESSAGES.some((re) => re.test(message))) return 'database-down';
  }
  return null;
}
