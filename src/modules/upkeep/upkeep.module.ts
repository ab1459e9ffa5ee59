import { Module } from '@nestjs/common';
import { NotificationsWorkerModule } from '../notifications/notifications-worker.module';
import { TimersModule } from '../timers/timers.module';
import { TimersWorkerModule } from '../timers/timers-worker.module';
import { UpkeepService } from './upkeep.service';

/** Worker side: the process-local upkeep timer (schedulers, reconciles, Redis policy). */
@Module({
  imports: [TimersModule, TimersWorkerModule, NotificationsWorkerModule],
  providers: [UpkeepService],
  exports: [UpkeepService],
})
export class UpkeepModule {}
