import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../infra/clock/clock';
import type { AppConfig } from '../../infra/config/app-config';
import { APP_CONFIG } from '../../infra/config/config.module';
import { UnitOfWork } from '../../infra/database/unit-of-work';
import { MetricsService } from '../../infra/metrics/metrics.service';
import type { JobPayloads, JobName } from '../../infra/queue/queue-names';
import { CalendarService } from '../calendar/calendar.service';
import { DeadlineBook } from './deadline-book.service';
import { DeadlinesRepository } from './deadlines.repository';
import { isSuperseded, momentOf, planEffects } from './domain/effect-schedule';
import { DeadlineEffectHandlers } from './effect-handlers';

export type TickOutcome = 'stale' | { fired: string[] };
type TickKey = JobPayloads[typeof JobName.DeadlineTick];

/**
 * Wakes for one deadline version: performs every planned effect whose moment has come and that
 * has not happened (the effect row's unique key makes it once-only, in the same transaction as
 * the effect), then arms the next wake-up.
 */
@Injectable()
export class DeadlineTimerService {
  constructor(
    private readonly deadlines: DeadlinesRepository,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
    private readonly calendars: CalendarService,
    private readonly book: DeadlineBook,
    private readonly handlers: DeadlineEffectHandlers,
    private readonly metrics: MetricsService,
  ) {}

  async tick(key: TickKey, jobId?: string): Promise<TickOutcome> {
    const fired: string[] = [];
    const where = {
      subjectType: key.subjectType,
      subjectId: key.subjectId,
      kind: key.kind,
      ref: key.ref,
    };
    const handler = this.handlers.for(where.subjectType);
    const live = await this.uow.run(async (tx) => {
      await handler.lockSubject(tx, key.subjectId);
      const d = await this.deadlines.lockForTick(tx.m, where);
      if (!d || d.status !== 'live' || d.version !== key.version) return false;
      const now = this.clock.now();
      const cal = await this.calendars.calendarFor(d.agencyId, tx.m);
      const due = planEffects(cal, d.kind, d.dueOn, this.config.timers.reminderDays).filter(
        (e) => momentOf(e).getTime() <= now.getTime(),
      );
      for (const e of due) {
        const late = Math.max(0, Math.round((now.getTime() - momentOf(e).getTime()) / 1000));
        const superseded = isSuperseded(e, due);
        // Once only: the effect row's unique key, in the same transaction as the effect.
        const first = await this.deadlines.recordEffect(tx.m, d, {
          effect: e.effect,
          at: now,
          lateSeconds: late,
          outcome: superseded ? 'superseded' : 'done',
        });
        if (!first || superseded) continue;
        await handler.perform(tx, d, e);
        fired.push(e.effect);
        this.metrics.timersFired.inc({ kind: d.kind, effect: e.effect.replace(/\d+$/, 'n') });
        this.metrics.timerLateness.observe({ kind: d.kind }, late);
        // An automatic transition ends or moves this deadline: stop here.
        if (e.effect.startsWith('auto-')) break;
      }
      // After commit: this deadline's next effect (if the version is still current).
      tx.afterCommit(`tick-next:${jobId ?? ''}`, async () => {
        const current = await this.deadlines.find(where);
        if (current && current.status === 'live' && current.version === key.version)
          await this.book.arm(current, this.clock.now(), jobId);
      });
      return true;
    });
    return live ? { fired } : 'stale';
  }
}
