import { Injectable } from '@nestjs/common';
import { CalendarService } from '../calendar/calendar.service';
import type { WorkingCalendar } from '../calendar/domain/working-calendar';

/** The working calendar that governs an agency's statutory deadlines (national + overrides, R-WD-05). */
@Injectable()
export class CaseCalendar {
  constructor(private readonly calendars: CalendarService) {}

  forAgency(agencyId: string | null): Promise<WorkingCalendar> {
    return this.calendars.calendarFor(agencyId);
  }
}
