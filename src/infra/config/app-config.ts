import { resolve } from 'node:path';
import type { PoolSettings } from '../database/data-source-options';
import type { TransactionGuardMode } from '../database/transaction-guard';
import { envSchema } from './env.schema';

export type Role = 'api' | 'worker' | 'all';

/** The validated, typed and frozen configuration. Built once at start-up. */
export interface AppConfig {
  readonly env: 'development' | 'production' | 'test';
  readonly role: Role;
  readonly http: {
    readonly host: string;
    readonly port: number;
    readonly publicUrl: string;
    /** Largest JSON body accepted (413 above it), e.g. `256kb`. */
    readonly bodyLimit: string;
  };
  readonly dataDir: string;
  readonly database: {
    /** Undefined until resolved: unset means "use the embedded PostgreSQL". */
    readonly url: string | undefined;
    readonly pool: PoolSettings;
    readonly embeddedPort: number;
    /**
     * What happens when code inside a transaction asks the pool for a second connection (the
     * cause of pool deadlocks): `throw` (tests, development), `log` (production default), `off`.
     */
    readonly transactionGuard: TransactionGuardMode;
  };
  readonly redis: {
    readonly url: string | undefined;
    readonly queuePrefix: string;
    /** A Redis command of a producer (API, reconciles) fails after this long instead of hanging. */
    readonly commandTimeoutMs: number;
  };
  /**
   * The worker's process-local upkeep timer (not a Redis job, so a wiped Redis cannot stop it):
   * every `intervalMs` (0 = off) it checks Redis's eviction policy and the job schedulers, runs
   * the deadline and outbox reconciles and records what it found; every `fullVerifyIntervalMs`
   * the deadline reconcile checks every live deadline against Redis, not only those never armed.
   */
  readonly upkeep: { readonly intervalMs: number; readonly fullVerifyIntervalMs: number };
  /**
   * `lockMs`: how long a running job's lock lasts without renewal; a job whose worker died is
   * handed to another worker after about this long (BullMQ lockDuration and stalledInterval).
   */
  readonly worker: { readonly concurrency: number; readonly lockMs: number };
  readonly log: { readonly level: string };
  readonly mail: {
    readonly transport: 'smtp' | 'log' | 'memory';
    readonly smtpUrl: string | undefined;
    readonly from: string;
    /** An SMTP conversation step without an answer for this long fails (after DATA: unconfirmed). */
    readonly smtpTimeoutMs: number;
    /** Transient failures (4xx, connection) are retried with capped backoff over this horizon. */
    readonly retry: {
      readonly baseMs: number;
      readonly maxDelayMs: number;
      readonly horizonMs: number;
    };
    /** How long the `sent` update after a 250 is retried before the journal under DATA_DIR keeps it. */
    readonly sentUpdateRetryMs: number;
    /** Told (with the case's clerks) when a mail is given up after the retry horizon. */
    readonly opsAlertEmail: string | undefined;
  };
  readonly clock: { readonly kind: 'system' | 'fixed'; readonly fixedAt: string | undefined };
  readonly storage: { readonly dir: string };
  readonly rateLimitPerMinute: number;
  readonly bullBoardEnabled: boolean;
  readonly shutdownTimeoutMs: number;
  readonly calendar: {
    /** R-WD-05: apply province/agency overrides to statutory deadlines (default: warn only). */
    readonly applyLocalOverrides: boolean;
  };
  readonly timers: {
    /** Reminders this many working days before a reply or correction-notice date (and on the day). */
    readonly reminderDays: readonly number[];
  };
  /** Local limits of the law's open terms (D-19): correction periods and Art 35 deferrals. */
  readonly caseRules: {
    readonly correctionPeriodWd: { readonly min: number; readonly max: number };
    readonly deferralMaxMonths: number;
  };
  readonly security: {
    /** Base64 AES-256 key for personal data; undefined → a key file under DATA_DIR (not in production). */
    readonly piiKey: string | undefined;
    readonly accessTokenTtlSeconds: number;
    readonly refreshTokenTtlDays: number;
  };
}

/** Start-up failure caused by a bad environment variable; the message names it. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses an environment (by default the process's) into an AppConfig or throws ConfigError. */
export function loadConfig(
  source: Record<string, string | undefined> = process.env,
  overrides: Record<string, string | undefined> = {},
): AppConfig {
  // Empty strings mean "unset", as in most .env tooling.
  const cleaned = Object.fromEntries(
    Object.entries({ ...source, ...overrides }).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  const config: AppConfig = {
    env: e.NODE_ENV,
    role: e.ROLE,
    http: {
      host: e.HOST,
      port: e.PORT,
      publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
      bodyLimit: e.BODY_LIMIT,
    },
    dataDir,
    database: {
      url: e.DATABASE_URL,
      pool: {
        size: e.DB_POOL_SIZE,
        acquireTimeoutMs: e.DB_ACQUIRE_TIMEOUT_MS,
        lockTimeoutMs: e.DB_LOCK_TIMEOUT_MS,
        idleInTransactionTimeoutMs: e.DB_IDLE_IN_TX_TIMEOUT_MS,
      },
      embeddedPort: e.EMBEDDED_PG_PORT,
      transactionGuard: e.DB_TX_GUARD ?? (e.NODE_ENV === 'production' ? 'log' : 'throw'),
    },
    redis: {
      url: e.REDIS_URL,
      queuePrefix: e.QUEUE_PREFIX,
      commandTimeoutMs: e.REDIS_COMMAND_TIMEOUT_MS,
    },
    upkeep: { intervalMs: e.UPKEEP_INTERVAL_MS, fullVerifyIntervalMs: e.FULL_VERIFY_INTERVAL_MS },
    worker: { concurrency: e.WORKER_CONCURRENCY, lockMs: e.WORKER_LOCK_MS },
    log: { level: e.LOG_LEVEL },
    mail: {
      transport: e.MAIL_TRANSPORT,
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM,
      smtpTimeoutMs: e.SMTP_TIMEOUT_MS,
      retry: {
        baseMs: e.MAIL_RETRY_BASE_MS,
        maxDelayMs: Math.max(e.MAIL_RETRY_MAX_DELAY_MS, e.MAIL_RETRY_BASE_MS),
        horizonMs: Math.round(e.MAIL_RETRY_HORIZON_HOURS * 3600_000),
      },
      sentUpdateRetryMs: e.MAIL_SENT_UPDATE_RETRY_MS,
      opsAlertEmail: e.OPS_ALERT_EMAIL,
    },
    clock: { kind: e.CLOCK, fixedAt: e.CLOCK_FIXED_AT },
    storage: { dir: resolve(e.STORAGE_DIR ?? `${dataDir}/files`) },
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    bullBoardEnabled: e.BULL_BOARD_ENABLED,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    calendar: { applyLocalOverrides: e.CALENDAR_APPLY_LOCAL_OVERRIDES },
    timers: { reminderDays: e.REMINDER_WORKING_DAYS.split(',').map(Number) },
    caseRules: {
      correctionPeriodWd: { min: e.CORRECTION_PERIOD_MIN_WD, max: e.CORRECTION_PERIOD_MAX_WD },
      deferralMaxMonths: e.DEFERRAL_MAX_MONTHS,
    },
    security: {
      piiKey: e.PII_ENCRYPTION_KEY,
      accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    },
  };
  return deepFreeze(config);
}

/** A copy of the config with the resolved service URLs filled in. */
export function withServices(config: AppConfig, databaseUrl: string, redisUrl: string): AppConfig {
  return deepFreeze({
    ...config,
    database: { ...config.database, url: databaseUrl },
    redis: { ...config.redis, url: redisUrl },
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
