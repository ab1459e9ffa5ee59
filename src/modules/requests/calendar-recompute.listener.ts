import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobQueue } from '../../infra/queue/job-queue';
import { JobName, jobId } from '../../infra/queue/queue-names';
import { CalendarChanges } from '../calendar/calendar-changes';

/** A calendar change (import, override) queues the recompute of every open case's deadlines. */
@Injectable()
export class CalendarRecomputeListener implements OnModuleInit {
  constructor(
    private readonly changes: CalendarChanges,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.changes.onChange((c) => this.jobs.add(JobName.RecomputeDeadlines, { changeId: c.id }, { jobId: jobId(JobName.RecomputeDeadlines, c.id) }));
  }
}
