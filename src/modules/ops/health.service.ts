import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../infra/clock/clock';
import { PoolMonitor, type PoolStats } from '../../infra/database/pool-monitor';
import { RedisClient } from '../../infra/queue/redis-client';
import { CalendarService } from '../calendar/calendar.service';
import { holidayNoticeCheck } from './calendar-health';
import { HealthRepository, TIMEOUT_MS, type Query } from './health.repository';
import {
  evictionCheck,
  mailDeliveryCheck,
  outboxJobsDegraded,
  schedulersCheck,
  timersCheck,
  upkeepCheck,
  type CheckResult,
  type WorkerFacts,
} from './health-rules';

export type { CheckResult, CheckStatus } from './health-rules';
export interface HealthReport {
  status: 'ok' | 'degraded' | 'error';
  checks: Record<string, CheckResult>;
  /** What an operator should act on soon, while nothing is degraded yet. */
  warnings?: string[];
}

/** Outbox rows pending longer than this make the service "degraded". */
const OUTBOX_STUCK_AFTER_S = 10 * 60;

function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} timed out after ${TIMEOUT_MS} ms`)),
      TIMEOUT_MS,
    );
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/**
 * GET /health: the database and a Redis ping, and otherwise only what the workers record in
 * PostgreSQL (their upkeep rounds and reconciles): a probe never scans Redis.
 */
@Injectable()
export class HealthService {
  constructor(
    private readonly health: HealthRepository,
    private readonly redisClient: RedisClient,
    private readonly pool: PoolMonitor,
    private readonly calendars: CalendarService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async report(): Promise<HealthReport> {
    // With every pooled connection busy, the checks read over a connection of their own: a busy
    // pool must be reported as such, not as a dead database or a failed outbox query.
    const pool = this.pool.stats();
    const direct = pool.exhausted ? this.health.direct() : null;
    const query: Query = direct
      ? <T>(sql: string) => direct.query(sql) as Promise<T>
      : this.health.pooled;
    try {
      const facts = withTimeout(this.health.workerFacts(query), 'worker state query').catch(
        (): WorkerFacts => ({}),
      );
      const [database, redis, queues, outbox, timers, schedulers, upkeep, mail, calendar] =
        await Promise.all([
          this.check(() => this.database(query, pool)),
          this.check(async () => this.redis(await facts)),
          this.check(async () => this.queues(await facts)),
          this.check(async () => this.outbox(query, await facts)),
          this.check(async () => timersCheck(await facts)),
          this.check(async () => schedulersCheck(await facts)),
          this.check(async () => upkeepCheck(await facts)),
          this.check(async () =>
            mailDeliveryCheck(await withTimeout(this.health.mailFacts(query), 'mail query')),
          ),
          this.check(() => this.calendar(pool.exhausted)),
        ]);
      const checks = {
        database,
        redis,
        queues,
        outbox,
        timers,
        schedulers,
        upkeep,
        mail,
        calendar,
      };
      const warnings = Object.values(checks)
        .map((c) => c.warning)
        .filter((x): x is string => typeof x === 'string');
      const statuses = Object.values(checks).map((c) => c.status);
      const status = statuses.includes('down')
        ? 'error'
        : statuses.includes('degraded')
          ? 'degraded'
          : 'ok';
      return { status, checks, ...(warnings.length ? { warnings } : {}) };
    } finally {
      await direct?.close();
    }
  }

  /**
   * Next year's holiday notice (R-WD-04), from the effective calendar. With the pool exhausted
   * the calendar last loaded is used (the probe must not queue for a connection).
   */
  private async calendar(poolExhausted: boolean): Promise<CheckResult> {
    // A database problem is the database check's to report, not this one's.
    const effective = poolExhausted
      ? this.calendars.lastLoaded()
      : await withTimeout(this.calendars.current(), 'calendar query').catch(() =>
          this.calendars.lastLoaded(),
        );
    if (!effective) return { status: 'up', nextYearLoaded: null };
    return holidayNoticeCheck(this.clock.today(), effective.national.coveredYears());
  }

  private async check(fn: () => Promise<CheckResult>): Promise<CheckResult> {
    try {
      return await fn();
    } catch (err) {
      return { status: 'down', error: err instanceof Error ? err.message : String(err) };
    }
  }

  /**
   * The database itself, and this process's pool as the probe found it (before its own queries
   * took connections): "pool exhausted" is degraded, not down.
   */
  private async database(query: Query, pool: PoolStats): Promise<CheckResult> {
    const started = Date.now();
    await withTimeout(query('SELECT 1'), 'database ping');
    const latencyMs = Date.now() - started;
    if (pool.exhausted) {
      return {
        status: 'degraded',
        error: `pool exhausted: ${pool.inUse}/${pool.max} connections in use, ${pool.waiting} waiting`,
        latencyMs,
        pool,
      };
    }
    return { status: 'up', latencyMs, pool };
  }

  /** A ping (one round trip), and the eviction policy a worker last read. */
  private async redis(facts: WorkerFacts): Promise<CheckResult> {
    const started = Date.now();
    await withTimeout(this.redisClient.redis.ping(), 'redis ping');
    const eviction = evictionCheck(facts);
    return { ...eviction, latencyMs: Date.now() - started };
  }

  /** Job counts as the last upkeep round read them. */
  private queues(facts: WorkerFacts): Promise<CheckResult> {
    const u = facts.upkeep;
    return Promise.resolve(
      u
        ? { status: 'up', secondsOld: Math.round(u.ageSeconds), ...u.value.queues }
        : { status: 'up' },
    );
  }

  private async outbox(query: Query, facts: WorkerFacts): Promise<CheckResult> {
    const rows = await withTimeout<
      Array<{ pending: number; age: number | null; sending: number; failed: number }>
    >(
      query(
        `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
                EXTRACT(EPOCH FROM now() - min(created_at) FILTER (WHERE status = 'pending' AND attempts = 0))::float AS age,
                count(*) FILTER (WHERE status = 'sending' AND claimed_at < now() - interval '10 minutes')::int AS sending,
                count(*) FILTER (WHERE status = 'failed' AND resolved_at IS NULL)::int AS failed
           FROM mail_outbox WHERE status <> 'sent'`,
      ),
      'outbox query',
    );
    const { pending, age, sending, failed } = rows[0];
    const lost = outboxJobsDegraded(facts);
    const details = {
      pending,
      oldestPendingSeconds: Math.round(age ?? 0),
      interruptedSends: sending,
      failed,
      withoutJob: facts.outbox?.value.missing ?? null,
    };
    // Stuck: never tried for long (no worker), a send interrupted mid-way, or jobs lost. Rows
    // retrying after an SMTP failure are the `mail` check's (statutory letters only).
    if ((age ?? 0) > OUTBOX_STUCK_AFTER_S || sending > 0 || lost)
      return { status: 'degraded', ...(lost ? { problem: lost } : {}), ...details };
    return { status: 'up', ...details };
  }
}
