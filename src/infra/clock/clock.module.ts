import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { Clock, FixedClock, SystemClock } from './clock';

@Global()
@Module({
  providers: [
    {
      provide: Clock,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Clock =>
        config.clock.kind === 'fixed' && config.clock.fixedAt
          ? new FixedClock(config.clock.fixedAt)
          : new SystemClock(),
    },
  ],
  exports: [Clock],
})
export class ClockModule {}
