import type { Job } from 'bullmq';
import {
  JOB_QUEUE,
  type JobName,
  type JobPayloads,
  type JobsOf,
  type QueueName,
} from './queue-names';

/** A job as its handler sees it: the payload type follows from the job name. */
export type JobOf<J extends JobName> = Job<JobPayloads[J], unknown, J>;

export type JobHandler<J extends JobName> = (
  data: JobPayloads[J],
  job: JobOf<J>,
) => Promise<unknown>;

/** One handler for every job of a queue: a missing or extra job name is a type error. */
export type QueueHandlers<Q extends QueueName> = { readonly [J in JobsOf<Q>]: JobHandler<J> };

export class JobWiringError extends Error {
  override readonly name = 'JobWiringError';
}

/**
 * Who handles which job in this process. Processors register their table at module init;
 * `verify()` runs once every processor has registered and fails start-up when a job of a
 * served queue has no handler, or a job (or queue) is claimed twice.
 */
export class JobHandlerRegistry {
  private readonly owners = new Map<JobName, string[]>();
  private readonly queues = new Map<QueueName, string>();

  register<Q extends QueueName>(queue: Q, owner: string, table: QueueHandlers<Q>): void {
    const previous = this.queues.get(queue);
    if (previous && previous !== owner) {
      throw new JobWiringError(
        `queue ${queue} has two processors (${previous}, ${owner}); each queue has exactly one`,
      );
    }
    this.queues.set(queue, owner);
    for (const name of Object.keys(table) as JobName[]) {
      if (JOB_QUEUE[name] !== queue) {
        throw new JobWiringError(
          `${owner} handles job ${name}, which runs on queue ${JOB_QUEUE[name] ?? '(none)'}, not ${queue}`,
        );
      }
      this.owners.set(name, [...(this.owners.get(name) ?? []), owner]);
    }
  }

  served(): QueueName[] {
    return [...this.queues.keys()];
  }

  /**
   * Every job of every served queue (and of every queue in `required`) has exactly one handler.
   */
  verify(required: readonly QueueName[] = []): void {
    const problems: string[] = [];
    for (const queue of required) {
      if (!this.queues.has(queue)) problems.push(`queue ${queue} has no processor`);
    }
    for (const [name, queue] of Object.entries(JOB_QUEUE) as Array<[JobName, QueueName]>) {
      if (!this.queues.has(queue)) continue;
      const owners = this.owners.get(name) ?? [];
      if (owners.length === 0) problems.push(`job ${name} (queue ${queue}) has no handler`);
      if (owners.length > 1)
        problems.push(`job ${name} has ${owners.length} handlers: ${owners.join(', ')}`);
    }
    if (problems.length) throw new JobWiringError(`job wiring: ${problems.join('; ')}`);
  }
}
