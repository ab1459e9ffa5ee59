import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { CalendarModule } from '../calendar/calendar.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RequestsCoreModule } from '../requests/requests-core.module';
import { TimersModule } from '../timers/timers.module';
import { CaseFileService } from './case-file.service';
import { RemediesImport } from './remedies-import.service';
import { RemediesQuery } from './remedies-query.service';
import { RemediesRepository } from './remedies.repository';
import { RemedyActions } from './remedy-actions.service';
import { RemedyDeadlines } from './remedy-deadlines';
import { RemedyEffectsHandler } from './remedy-effects.handler';
import { SectionFourService } from './section-four.service';

/** Remedies for every role: their records, clocks (the timers' handler), section 四, the case file. */
@Module({
  imports: [RequestsCoreModule, CalendarModule, TimersModule, NotificationsModule, AgenciesModule],
  providers: [
    CaseFileService,
    RemediesImport,
    RemediesQuery,
    RemediesRepository,
    RemedyActions,
    RemedyDeadlines,
    RemedyEffectsHandler,
    SectionFourService,
  ],
  exports: [CaseFileService, RemediesImport, RemediesQuery, RemedyActions, SectionFourService],
})
export class RemediesModule {}
