import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CalendarRecompute } from './calendar-recompute.service';
import { DeadlineBook } from './deadline-book.service';
import { DeadlinesRepository } from './deadlines.repository';
import { DeadlineEffectHandlers } from './effect-handlers';
import { WorkerStateRepository } from './worker-state.repository';

/**
 * Legal dates for every role: the deadline book (rows, versions, arming) that owners write
 * through, the effect-handler port they register with, and the calendar-change trigger.
 */
@Module({
  imports: [CalendarModule],
  providers: [
    DeadlineBook,
    DeadlineEffectHandlers,
    CalendarRecompute,
    DeadlinesRepository,
    WorkerStateRepository,
  ],
  exports: [
    DeadlineBook,
    DeadlineEffectHandlers,
    CalendarRecompute,
    DeadlinesRepository,
    WorkerStateRepository,
  ],
})
export class TimersModule {}
