import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../infra/clock/clock';
import type { AppConfig } from '../../infra/config/app-config';
import { APP_CONFIG } from '../../infra/config/config.module';
import { UnitOfWork } from '../../infra/database/unit-of-work';
import { MetricsService } from '../../infra/metrics/metrics.service';
import type { JobPayloads, JobName } from '../../infra/queue/queue-names';
import { CalendarService } from '../calendar/calendar.service';
import { DeadlineBook } from './deadline-book.service';
import { Deadline } from './deadline.entity';
import type { DeadlineKind, DeadlineSubject } from './domain/deadline-kind';
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
    @InjectDataSource() private readonly db: DataSource,
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
      subjectType: key.subjectType as DeadlineSubject,
      subjectId: key.subjectId,
      kind: key.kind as DeadlineKind,
      ref: key.ref,
    };
    const handler = this.handlers.for(where.subjectType);
    const live = await this.uow.run(async (tx) => {
      await handler.lockSubject(tx, key.subjectId);
      const d = await tx.m
        .getRepository(Deadline)
        .findOne({ where, lock: { mode: 'pessimistic_write' } });
      if (!d || d.status !== 'live' || d.version !== key.version) return false;
      const now = this.clock.now();
      const cal = await this.calendars.calendarFor(d.agencyId, tx.m);
      const due = planEffects(cal, d.kind, d.dueOn, this.config.timers.reminderDays).filter(
        (e) => momentOf(e).getTime() <= now.getTime(),
      );
      for (const e of due) {
        const late = Math.max(0, Math.round((now.getTime() - momentOf(e).getTime()) / 1000));
        const superseded = isSuperseded(e, due);
        const inserted = await tx.m.query<Array<{ effect: string }>>(
          `INSERT INTO deadline_effect (subject_type, subject_id, kind, ref, version, effect, at, late_seconds, outcome)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING effect`,
          [
            d.subjectType,
            d.subjectId,
            d.kind,
            d.ref,
            d.version,
            e.effect,
            now,
            late,
            superseded ? 'superseded' : 'done',
          ],
        );
        if (inserted.length === 0 || superseded) continue;
        await handler.perform(tx, d, e);
        fired.push(e.effect);
        this.metrics.timersFired.inc({ kind: d.kind, effect: e.effect.replace(/\d+$/, 'n') });
        this.metrics.timerLateness.observe({ kind: d.kind }, late);
        // An automatic transition ends or moves this deadline: stop here.
        if (e.effect.startsWith('auto-')) break;
      }
      // After commit: this deadline's next effect (if the version is still current).
      tx.afterCommit(`tick-next:${jobId ?? ''}`, async () => {
        const current = await this.db.getRepository(Deadline).findOneBy(where);
        if (current && current.status === 'live' && current.version === key.version)
          await this.book.arm(current, this.clock.now(), jobId);
      });
      return true;
    });
    return live ? { fired } : 'stale';
  }
}
