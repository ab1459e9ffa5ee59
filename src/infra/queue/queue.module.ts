import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { DEFAULT_JOB_OPTIONS } from './job-options';
import { JobHandlerRegistry } from './job-handlers';
import { JobQueue } from './job-queue';
import { JobSchedulers } from './job-schedulers';
import { producerConnection } from './queue.connection';
import { ALL_QUEUES } from './queue-names';
import { RedisClient } from './redis-client';

/** BullMQ connection, every queue registered once, and the typed JobQueue producer. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: producerConnection(config),
        prefix: config.redis.queuePrefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name }))),
  ],
  providers: [JobQueue, RedisClient, JobHandlerRegistry, JobSchedulers],
  exports: [BullModule, JobQueue, RedisClient, JobHandlerRegistry, JobSchedulers],
})
export class QueueModule {}
