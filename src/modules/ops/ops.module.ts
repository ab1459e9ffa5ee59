import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { HealthController } from './health.controller';
import { HealthRepository } from './health.repository';
import { HealthService } from './health.service';
import { MetricsController } from './metrics.controller';
import { StateMetrics } from './state-metrics';

/** Operations endpoints served by every role: /health, /metrics (the problem pages are the portal's). */
@Module({
  imports: [CalendarModule],
  controllers: [HealthController, MetricsController],
  providers: [HealthService, HealthRepository, StateMetrics],
})
export class OpsModule {}
