import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { DeadlineReconciler } from './deadline-reconciler.service';
import { DeadlineRearm } from './deadline-rearm.service';
import { DeadlineTimerService } from './deadline-timer.service';
import { DigestsRepository } from './digests.repository';
import { SupervisorDigestService } from './supervisor-digest.service';
import { TimersModule } from './timers.module';
import { TimersProcessor } from './timers.processor';

/** Worker side of the legal dates: wake-ups, reconcile, calendar recompute, digests. */
@Module({
  imports: [TimersModule, CalendarModule, NotificationsModule],
  providers: [
    DeadlineTimerService,
    DeadlineReconciler,
    DeadlineRearm,
    SupervisorDigestService,
    TimersProcessor,
    DigestsRepository,
  ],
  exports: [DeadlineTimerService, DeadlineReconciler, SupervisorDigestService],
})
export class TimersWorkerModule {}
