import { Processor, WorkerHost } from '@nestjs/bullmq';
import { type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { JobQueue } from '../../infra/queue/job-queue';
import { JobName, QueueName } from '../../infra/queue/queue-names';
import { Clock } from '../../infra/clock/clock';
import { OutboxReconciler } from './outbox-reconciler.service';

const RECONCILE_EVERY_MS = 60_000;

@Processor(QueueName.Maintenance)
export class MaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly reconciler: OutboxReconciler,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly logger: PinoLogger,
  ) {
    super();
    this.logger.setContext(MaintenanceProcessor.name);
  }

  /** Schedules the periodic reconcile (idempotent across restarts and instances). */
  async onApplicationBootstrap(): Promise<void> {
    await this.jobs
      .queue(QueueName.Maintenance)
      .upsertJobScheduler(
        JobName.ReconcileOutbox,
        { every: RECONCILE_EVERY_MS },
        { name: JobName.ReconcileOutbox, data: { requestedAt: this.clock.now().toISOString() } },
      );
  }

  async process(job: Job): Promise<number> {
    switch (job.name as typeof JobName.ReconcileOutbox) {
      case JobName.ReconcileOutbox: {
        const dispatched = await this.reconciler.reconcile();
        if (dispatched) this.logger.logger.info({ jobId: job.id, dispatched }, 'outbox reconciled');
        return dispatched;
      }
    }
  }
}
