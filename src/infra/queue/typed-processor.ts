import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { JobHandlerRegistry, type QueueHandlers } from './job-handlers';
import { WORKER_RETENTION } from './job-options';
import { bullConnection } from './queue.connection';
import { ALL_QUEUES, JOB_QUEUE, type JobName, type QueueName } from './queue-names';

/**
 * Base of every processor: one typed handler per job of its queue (no casts of `job.name`
 * or `job.data` in processors), registered with the process-wide registry.
 *
 * The processor owns its BullMQ `Worker`, created at bootstrap once the wiring is verified
 * (a job name without a handler, or with two, stops start-up before any job runs), with
 * `WORKER_CONCURRENCY` jobs at a time and `WORKER_LOCK_MS` as lock and stalled-check period.
 * It is closed at module destroy, before the database: active jobs finish first.
 * Subclasses put periodic jobs in `schedule()` and may react to a final failure in `onFailed`.
 */
@Injectable()
export abstract class TypedProcessor<Q extends QueueName>
  implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy
{
  @Inject(JobHandlerRegistry) private readonly registry!: JobHandlerRegistry;
  @Inject(APP_CONFIG) private readonly appConfig!: AppConfig;

  protected abstract readonly queueName: Q;
  protected abstract handlers(): QueueHandlers<Q>;

  private table?: QueueHandlers<Q>;
  private running?: Worker;

  /** Periodic jobs for this queue (idempotent); runs at bootstrap, before the worker starts. */
  protected async schedule(): Promise<void> {}

  /** A job failed (attempt `job.attemptsMade` of `job.opts.attempts`). */
  protected async onFailed(_job: Job, _err: Error): Promise<void> {}

  /** The BullMQ worker (after bootstrap). */
  get worker(): Worker {
    if (!this.running) throw new Error(`the ${this.queueName} worker has not started`);
    return this.running;
  }

  onModuleInit(): void {
    this.registry.register(this.queueName, this.constructor.name, this.tableOf());
  }

  async onApplicationBootstrap(): Promise<void> {
    // Every processor's onModuleInit has run: the registry is complete.
    this.registry.verify(this.appConfig.role === 'api' ? [] : ALL_QUEUES);
    const { concurrency, lockMs } = this.appConfig.worker;
    const worker = new Worker(this.queueName, (job) => this.process(job), {
      connection: bullConnection(this.appConfig),
      prefix: this.appConfig.redis.queuePrefix,
      concurrency,
      lockDuration: lockMs,
      stalledInterval: lockMs,
      // Retention for the jobs that carry none of their own (the deadline ticks).
      ...WORKER_RETENTION,
      autorun: false,
    });
    const log = new Logger(this.constructor.name);
    worker.on('failed', (job, err) => {
      if (job) void this.onFailed(job, err).catch((e: unknown) => log.error(String(e)));
    });
    worker.on('error', (err) => log.error(`worker ${this.queueName}: ${err.message}`));
    this.running = worker;
    await this.schedule();
    void worker
      .run()
      .catch((err: unknown) => log.error(`worker ${this.queueName} stopped: ${String(err)}`));
  }

  async onModuleDestroy(): Promise<void> {
    await this.running?.close();
  }

  private async process(job: Job): Promise<unknown> {
    const name = job.name as JobName;
    const handler = JOB_QUEUE[name] === this.queueName ? this.tableOf()[name as never] : undefined;
    if (!handler) {
      throw new UnrecoverableError(`no handler for job ${job.name} on queue ${this.queueName}`);
    }
    return (handler as (data: unknown, job: Job) => Promise<unknown>)(job.data, job);
  }

  private tableOf(): QueueHandlers<Q> {
    return (this.table ??= this.handlers());
  }
}
