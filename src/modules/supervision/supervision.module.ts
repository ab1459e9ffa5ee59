import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { RequestsCoreModule } from '../requests/requests-core.module';
import { SupervisionController } from './supervision.controller';
import { SupervisionFiguresRepository } from './supervision-figures.repository';
import { SupervisionService } from './supervision.service';

/** The supervisor's view of a subtree (api role). */
@Module({
  imports: [RequestsCoreModule, CalendarModule],
  controllers: [SupervisionController],
  providers: [SupervisionService, SupervisionFiguresRepository],
  exports: [SupervisionService],
})
export class SupervisionModule {}
