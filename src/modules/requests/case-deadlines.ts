import { Injectable } from '@nestjs/common';
import type { Tx } from '../../infra/database/unit-of-work';
import type { WorkingCalendar } from '../calendar/domain/working-calendar';
import { DeadlineBook } from '../timers/deadline-book.service';
import type { CaseLedger } from './cases.repository';
import { plannedDeadlines } from './domain/deadline-plan';
import type { RequestCase } from './request-case.entity';

/** Keeps a case's deadline rows in step with the case, through the timers' one narrow interface. */
@Injectable()
export class CaseDeadlines {
  constructor(private readonly book: DeadlineBook) {}

  sync(tx: Tx, cal: WorkingCalendar, c: RequestCase, ledger: CaseLedger): Promise<void> {
    return this.book.sync(
      tx,
      { type: 'case', id: c.id, year: c.year, agencyId: c.agencyId },
      plannedDeadlines(cal, c, ledger),
    );
  }
}
