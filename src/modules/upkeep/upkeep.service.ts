import { hostname } from 'node:os';
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import type { AppConfig } from '../../infra/config/app-config';
import { APP_CONFIG } from '../../infra/config/config.module';
import { JobQueue } from '../../infra/queue/job-queue';
import { JobSchedulers } from '../../infra/queue/job-schedulers';
import { RedisClient } from '../../infra/queue/redis-client';
import { readEvictionPolicy } from '../../infra/queue/redis-policy';
import { OutboxReconciler } from '../notifications/outbox-reconciler.service';
import { DeadlineReconciler } from '../timers/deadline-reconciler.service';
import { WorkerStateRepository } from '../timers/worker-state.repository';
import { OUTBOX_STATE, UPKEEP_STATE, type UpkeepRecord } from './upkeep-record';

/**
 * Every worker's own timer (a process timer, not a Redis job: a wiped Redis cannot stop it).
 * Each round checks Redis's eviction policy, re-creates missing job schedulers, runs the deadline
 * and outbox reconciles, and records what it found for /health and /metrics. A wipe is so
 * noticed and healed within one UPKEEP_INTERVAL_MS, without a restart.
 */
@Injectable()
export class UpkeepService implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private readonly worker = `${hostname()}:${process.pid}`;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly schedulers: JobSchedulers,
    private readonly deadlines: DeadlineReconciler,
    private readonly outbox: OutboxReconciler,
    private readonly state: WorkerStateRepository,
    private readonly redis: RedisClient,
    private readonly jobs: JobQueue,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(UpkeepService.name);
  }

  onApplicationBootstrap(): void {
    if (this.config.upkeep.intervalMs > 0) this.next(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private next(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.round()
        .then(() => undefined)
        .catch((err: unknown) => this.logger.error({ err }, 'upkeep round failed'))
        .finally(() => this.next(this.config.upkeep.intervalMs));
    }, ms);
  }

  /** One round; every step runs even when an earlier one failed. */
  async round(): Promise<UpkeepRecord> {
    const started = process.hrtime.bigint();
    const errors: string[] = [];
    const step = async <T>(what: string, fn: () => Promise<T>): Promise<T | null> => {
      try {
        return await fn();
      } catch (err) {
        errors.push(`${what}: ${err instanceof Error ? err.message : String(err)}`);
        return null;
      }
    };
    const evictionPolicy = await step('eviction policy', () =>
      readEvictionPolicy(this.redis.redis),
    );
    if (evictionPolicy && evictionPolicy !== 'noeviction')
      this.logger.error(
        { evictionPolicy },
        'Redis maxmemory-policy is not noeviction: BullMQ can lose jobs and locks',
      );
    const schedulers = await step('schedulers', () => this.schedulers.ensure());
    if (schedulers?.missing.length)
      this.logger.warn({ missing: schedulers.missing }, 'job schedulers were missing; re-created');
    const deadlines = await step('deadline reconcile', () => this.deadlines.reconcile());
    if (deadlines?.record?.markerMissing || deadlines?.record?.missing)
      this.logger.warn(deadlines.record, 'deadline wake-ups were missing in Redis; re-armed');
    const outbox = await step('outbox reconcile', () => this.outbox.check());
    if (outbox?.missing) this.logger.warn(outbox, 'outbox e-mails had no send job; dispatched');
    if (outbox) await step('record outbox', () => this.state.record(OUTBOX_STATE, outbox));
    const queues = (await step('queue counts', () => this.queueCounts())) ?? {};
    const record: UpkeepRecord = {
      everyMs: this.config.upkeep.intervalMs,
      worker: this.worker,
      evictionPolicy: evictionPolicy ?? null,
      schedulersMissing: schedulers?.missing ?? [],
      schedulersPresent: schedulers?.present ?? [],
      queues,
      errors,
      durationMs: Number(process.hrtime.bigint() - started) / 1e6,
    };
    if (errors.length) this.logger.warn({ errors }, 'upkeep round had errors');
    await this.state.record(UPKEEP_STATE, record);
    return record;
  }

  private async queueCounts(): Promise<Record<string, Record<string, number>>> {
    const out: Record<string, Record<string, number>> = {};
    for (const q of this.jobs.all())
      out[q.name] = await q.getJobCounts('waiting', 'active', 'delayed', 'failed');
    return out;
  }
}
