import { Module } from '@nestjs/common';
import { CalendarChangeWriter } from './calendar-change-writer';
import { CalendarChanges } from './calendar-changes';
import { CalendarOverridesService } from './calendar-overrides.service';
import { CalendarRepository } from './calendar.repository';
import { CalendarYearsService } from './calendar-years.service';
import { CalendarService } from './calendar.service';

/**
 * The working calendar for any role: CalendarService (the effective calendar, cached with a
 * version check), CalendarChanges (the change hook), and the admin services used by the API and
 * the CLI. Import it where deadlines are computed (e.g. a worker recomputing open cases).
 */
@Module({
  providers: [
    CalendarRepository,
    CalendarService,
    CalendarChanges,
    CalendarChangeWriter,
    CalendarYearsService,
    CalendarOverridesService,
  ],
  exports: [CalendarService, CalendarChanges, CalendarYearsService, CalendarOverridesService],
})
export class CalendarModule {}
