import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import type { WorkingCalendar } from '../calendar/domain/working-calendar';

/** The working calendar that governs an agency's statutory deadlines (national + overrides, R-WD-05). */
@Injectable()
export class CaseCalendar {
  constructor(private readonly calendars: CalendarService) {}

  /** Inside a transaction pass its manager `m` (no second pooled connection). */
  forAgency(agencyId: string | null, m?: EntityManager): Promise<WorkingCalendar> {
    return this.calendars.calendarFor(agencyId, m);
  }
}
