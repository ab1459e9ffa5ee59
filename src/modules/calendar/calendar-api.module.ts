import { Module } from '@nestjs/common';
import { CalendarAdminController } from './calendar-admin.controller';
import { CalendarQueryController } from './calendar-query.controller';
import { CalendarModule } from './calendar.module';

/** The calendar over HTTP (api role): public questions and administration. */
@Module({
  imports: [CalendarModule],
  controllers: [CalendarQueryController, CalendarAdminController],
})
export class CalendarApiModule {}
