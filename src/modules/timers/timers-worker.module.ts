import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { RequestsModule } from '../requests/requests.module';
import { DeadlineReconciler } from './deadline-reconciler.service';
import { DeadlineRecomputeService } from './deadline-recompute.service';
import { DeadlineTimerService } from './deadline-timer.service';
import { SupervisorDigestService } from './supervisor-digest.service';
import { TimersProcessor } from './timers.processor';

/** Worker side of the legal dates: timers, automatic transitions, reconcile, digests. */
@Module({
  imports: [RequestsModule, NotificationsModule],
  providers: [DeadlineTimerService, DeadlineReconciler, DeadlineRecomputeService, SupervisorDigestService, TimersProcessor],
  exports: [DeadlineTimerService, DeadlineReconciler, DeadlineRecomputeService, SupervisorDigestService],
})
export class TimersWorkerModule {}
