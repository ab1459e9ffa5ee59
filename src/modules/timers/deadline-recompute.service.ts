import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../infra/clock/clock';
import { CaseDeadlinesService } from '../requests/case-deadlines.service';
import { CaseEvent } from '../requests/case-event.entity';
import { DeadlineSync } from '../requests/deadline-sync.service';
import { RequestCase } from '../requests/request-case.entity';
import { CALENDAR_CURSOR } from './deadline-reconciler.service';
import { readState, writeState } from './worker-state';

const OPEN = ['received', 'in_progress', 'paused', 'correction_requested'];

/**
 * R-WD-04 / DOMAIN §5.5: when the calendar changes, every open case's deadlines are recomputed;
 * each due date that moves is recorded (event `deadlines_recomputed` with old and new values)
 * and its timers re-armed.
 */
@Injectable()
export class DeadlineRecomputeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    private readonly deadlines: CaseDeadlinesService,
    private readonly sync: DeadlineSync,
  ) {}

  async recomputeAll(changeId: string): Promise<{ checked: number; moved: number }> {
    const done = (await readState(this.db.manager, CALENDAR_CURSOR))?.value ?? '0';
    if (BigInt(done) >= BigInt(changeId)) return { checked: 0, moved: 0 };
    let checked = 0;
    let moved = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const ids = await this.db.query<Array<{ id: string }>>(`SELECT id FROM request_case WHERE status = ANY($1) AND id > $2 ORDER BY id LIMIT 200`, [OPEN, after]);
      if (ids.length === 0) break;
      for (const { id } of ids) {
        after = id;
        checked++;
        const changed = await this.db.transaction(async (m) => {
          const c = await m.getRepository(RequestCase).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
          if (!c) return false;
          const diff = await this.deadlines.refresh(m, c);
          if (!diff) return false;
          await m.getRepository(RequestCase).save(c);
          await m.insert(CaseEvent, {
            year: c.year, caseId: c.id, at: this.clock.now(), actorId: null, actorRole: 'system', action: 'deadlines_recomputed',
            fromStatus: c.status, toStatus: c.status, reason: `calendar change ${changeId}`, payload: { changeId, before: diff.before, after: diff.after } as never,
          });
          await this.sync.sync(m, c);
          return true;
        });
        if (changed) {
          moved++;
          await this.sync.armCase(id);
        }
      }
    }
    await writeState(this.db.manager, CALENDAR_CURSOR, changeId, this.clock.now());
    return { checked, moved };
  }
}
