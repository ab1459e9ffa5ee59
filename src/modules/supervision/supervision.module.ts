import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { RequestsCoreModule } from '../requests/requests-core.module';
import { SupervisionController } from './supervision.controller';
import { SupervisionService } from './supervision.service';

/** The supervisor's view of a subtree (api role). */
@Module({
  imports: [RequestsCoreModule, CalendarModule],
  controllers: [SupervisionController],
  providers: [SupervisionService],
})
export class SupervisionModule {}
