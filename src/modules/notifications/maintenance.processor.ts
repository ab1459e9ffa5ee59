import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { JobQueue } from '../../infra/queue/job-queue';
import type { QueueHandlers } from '../../infra/queue/job-handlers';
import { JobName, QueueName } from '../../infra/queue/queue-names';
import { TypedProcessor } from '../../infra/queue/typed-processor';
import { Clock } from '../../infra/clock/clock';
import { OutboxReconciler } from './outbox-reconciler.service';

const RECONCILE_EVERY_MS = 60_000;

@Injectable()
export class MaintenanceProcessor extends TypedProcessor<typeof QueueName.Maintenance> {
  protected readonly queueName = QueueName.Maintenance;

  constructor(
    private readonly reconciler: OutboxReconciler,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly logger: PinoLogger,
  ) {
    super();
    this.logger.setContext(MaintenanceProcessor.name);
  }

  protected handlers(): QueueHandlers<typeof QueueName.Maintenance> {
    return {
      [JobName.ReconcileOutbox]: async (_data, job) => {
        const dispatched = await this.reconciler.reconcile();
        if (dispatched) this.logger.logger.info({ jobId: job.id, dispatched }, 'outbox reconciled');
        return dispatched;
      },
    };
  }

  /** The periodic reconcile (idempotent across restarts and instances). */
  protected override async schedule(): Promise<void> {
    await this.jobs
      .queue(QueueName.Maintenance)
      .upsertJobScheduler(
        JobName.ReconcileOutbox,
        { every: RECONCILE_EVERY_MS },
        { name: JobName.ReconcileOutbox, data: { requestedAt: this.clock.now().toISOString() } },
      );
  }
}
