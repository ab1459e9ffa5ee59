import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Clock } from '../../infra/clock/clock';
import { AFTER_COMMIT_TIMEOUT_MS } from '../../infra/database/unit-of-work';
import { JobQueue } from '../../infra/queue/job-queue';
import { JobName, jobId } from '../../infra/queue/queue-names';
import { CalendarChanges } from '../calendar/calendar-changes';
import { DeadlineEffectHandlers } from './effect-handlers';
import { WorkerStateRepository } from './worker-state.repository';

export const CALENDAR_CURSOR = 'calendar-recompute-cursor';

/**
 * R-WD-04 / DOMAIN §5.5: a calendar change (import, override) queues one recompute job; the job
 * asks every deadline owner to recompute its open subjects, then moves the cursor past the change.
 */
@Injectable()
export class CalendarRecompute implements OnModuleInit {
  constructor(
    private readonly state: WorkerStateRepository,
    @Inject(Clock) private readonly clock: Clock,
    private readonly changes: CalendarChanges,
    private readonly jobs: JobQueue,
    private readonly handlers: DeadlineEffectHandlers,
  ) {}

  /**
   * Runs after the change committed, inside the request that made it: it gives up after
   * AFTER_COMMIT_TIMEOUT_MS (Redis down) and the deadline reconcile queues the backlog later.
   */
  onModuleInit(): void {
    this.changes.onChange(async (c) => {
      let timer: NodeJS.Timeout | undefined;
      const budget = new Promise<void>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`gave up after ${AFTER_COMMIT_TIMEOUT_MS} ms`)),
          AFTER_COMMIT_TIMEOUT_MS,
        );
      });
      try {
        await Promise.race([this.queue(c.id), budget]);
      } finally {
        clearTimeout(timer);
      }
    });
  }

  queue(changeId: string): Promise<void> {
    return this.jobs.add(
      JobName.RecomputeDeadlines,
      { changeId },
      { jobId: jobId(JobName.RecomputeDeadlines, changeId) },
    );
  }

  async recomputeAll(changeId: string): Promise<{ checked: number; moved: number }> {
    const done = (await this.state.read(CALENDAR_CURSOR))?.value ?? '0';
    if (BigInt(done) >= BigInt(changeId)) return { checked: 0, moved: 0 };
    let checked = 0;
    let moved = 0;
    for (const h of this.handlers.all()) {
      const r = (await h.recompute?.(changeId)) ?? { checked: 0, moved: 0 };
      checked += r.checked;
      moved += r.moved;
    }
    await this.state.write(CALENDAR_CURSOR, changeId, this.clock.now());
    return { checked, moved };
  }
}
