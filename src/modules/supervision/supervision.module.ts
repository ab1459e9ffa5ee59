import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { RequestsCoreModule } from '../requests/requests-core.module';
import { PublicStatisticsService } from './public-statistics.service';
import { SupervisionController } from './supervision.controller';
import { ReplyNetDays } from './reply-net-days';
import { SupervisionFiguresRepository } from './supervision-figures.repository';
import { SupervisionService } from './supervision.service';

/** The supervisor's view of a subtree (api role); the public statistics' time to reply. */
@Module({
  imports: [RequestsCoreModule, CalendarModule],
  controllers: [SupervisionController],
  providers: [
    SupervisionService,
    SupervisionFiguresRepository,
    PublicStatisticsService,
    ReplyNetDays,
  ],
  exports: [SupervisionService, PublicStatisticsService],
})
export class SupervisionModule {}
