import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../infra/config/app-config';
import { APP_CONFIG } from '../../infra/config/config.module';
import { PoolMonitor } from '../../infra/database/pool-monitor';
import { JobQueue } from '../../infra/queue/job-queue';
import { RedisClient } from '../../infra/queue/redis-client';
import { Clock } from '../../infra/clock/clock';
import { HealthRepository, TIMEOUT_MS, type Query } from './health.repository';

export type CheckStatus = 'up' | 'down' | 'degraded';
export interface CheckResult {
  status: CheckStatus;
  [detail: string]: unknown;
}
export interface HealthReport {
  status: 'ok' | 'degraded' | 'error';
  checks: Record<string, CheckResult>;
}

/** Outbox rows pending longer than this make the service "degraded". */
const OUTBOX_STUCK_AFTER_MS = 10 * 60_000;
/** The reconcile runs every 2 minutes; 10 minutes without it means no worker is reconciling. */
const RECONCILE_STALE_AFTER_MS = 10 * 60_000;

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

/** GET /health: database, Redis, queues and the mail outbox. */
@Injectable()
export class HealthService {
  constructor(
    private readonly health: HealthRepository,
    @Inject(JobQueue) private readonly jobs: JobQueue,
    @Inject(Clock) private readonly clock: Clock,
    private readonly redisClient: RedisClient,
    private readonly pool: PoolMonitor,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
      const [database, redis, queues, outbox, timers] = await Promise.all([
        this.check(() => this.database(query)),
        this.check(() => this.redis()),
        this.check(() => this.queues()),
        this.check(() => this.outbox(query)),
        this.check(() => this.timers(query)),
      ]);
      const checks = { database, redis, queues, outbox, timers };
      const statuses = Object.values(checks).map((c) => c.status);
      const status = statuses.includes('down')
        ? 'error'
        : statuses.includes('degraded')
          ? 'degraded'
          : 'ok';
      return { status, checks };
    } finally {
      await direct?.close();
    }
  }

  private async check(fn: () => Promise<CheckResult>): Promise<CheckResult> {
    try {
      return await fn();
    } catch (err) {
      return { status: 'down', error: err instanceof Error ? err.message : String(err) };
    }
  }

  /** The database itself, and this process's pool ("pool exhausted" is degraded, not down). */
  private async database(query: Query): Promise<CheckResult> {
    const pool = this.pool.stats();
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

  private async redis(): Promise<CheckResult> {
    const started = Date.now();
    await withTimeout(this.redisClient.redis.ping(), 'redis ping');
    return { status: 'up', latencyMs: Date.now() - started };
  }

  private async queues(): Promise<CheckResult> {
    const counts = await withTimeout(
      Promise.all(
        this.jobs
          .all()
          .map(
            async (q) =>
              [q.name, await q.getJobCounts('waiting', 'active', 'delayed', 'failed')] as const,
          ),
      ),
      'queue counts',
    );
    return { status: 'up', ...Object.fromEntries(counts) };
  }

  private async outbox(query: Query): Promise<CheckResult> {
    const rows = await withTimeout<
      Array<{ pending: number; oldest: Date | null; sending: number; failed: number }>
    >(
      query(
        `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
                min(created_at) FILTER (WHERE status = 'pending') AS oldest,
                count(*) FILTER (WHERE status = 'sending' AND created_at < now() - interval '10 minutes')::int AS sending,
                count(*) FILTER (WHERE status = 'failed')::int AS failed
           FROM mail_outbox WHERE status <> 'sent'`,
      ),
      'outbox query',
    );
    const { pending, oldest, sending, failed } = rows[0];
    const ageMs = oldest ? this.clock.now().getTime() - new Date(oldest).getTime() : 0;
    return {
      // Stuck: pending for long (no worker, SMTP down), or a send interrupted mid-way.
      status: ageMs > OUTBOX_STUCK_AFTER_MS || sending > 0 ? 'degraded' : 'up',
      pending,
      oldestPendingSeconds: Math.round(ageMs / 1000),
      interruptedSends: sending,
      failed,
    };
  }

  /** The deadline reconcile must have run recently (when a worker has ever run it). */
  private async timers(query: Query): Promise<CheckResult> {
    const rows = await withTimeout<Array<{ updated_at: Date }>>(
      query(`SELECT updated_at FROM worker_state WHERE name = 'reconcile-deadlines'`),
      'timers query',
    );
    if (rows.length === 0) return { status: 'up', lastReconcile: null };
    const ageMs = this.clock.now().getTime() - new Date(rows[0].updated_at).getTime();
    return {
      status: ageMs > RECONCILE_STALE_AFTER_MS ? 'degraded' : 'up',
      lastReconcile: new Date(rows[0].updated_at).toISOString(),
      secondsSince: Math.round(ageMs / 1000),
    };
  }
}
