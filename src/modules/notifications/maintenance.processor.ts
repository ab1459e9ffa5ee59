import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { JobSchedulers } from '../../infra/queue/job-schedulers';
import type { QueueHandlers } from '../../infra/queue/job-handlers';
import { JobName, QueueName } from '../../infra/queue/queue-names';
import { TypedProcessor } from '../../infra/queue/typed-processor';
import { OutboxReconciler } from './outbox-reconciler.service';

@Injectable()
export class MaintenanceProcessor extends TypedProcessor<typeof QueueName.Maintenance> {
  protected readonly queueName = QueueName.Maintenance;

  constructor(
    private readonly reconciler: OutboxReconciler,
    private readonly schedulers: JobSchedulers,
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
    await this.schedulers.upsertAll(QueueName.Maintenance);
  }
}
