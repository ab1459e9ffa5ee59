import {
  type DynamicModule,
  type Type,
  type MiddlewareConsumer,
  Module,
  type NestModule,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import type { AppConfig } from './infra/config/app-config';
import { ConfigModule } from './infra/config/config.module';
import { ClockModule } from './infra/clock/clock.module';
import { DatabaseModule } from './infra/database/database.module';
import { StrictQueryGuard } from './infra/http/input/strict-query.guard';
import { ProblemDetailsFilter } from './infra/http/problem-details.filter';
import { LoggingModule } from './infra/logging/logging.module';
import { MailModule } from './infra/mail/mail.module';
import { HttpMetricsMiddleware } from './infra/metrics/http-metrics.middleware';
import { MetricsModule } from './infra/metrics/metrics.module';
import { bullBoardModules } from './modules/ops/bull-board.module';
import { QueueModule } from './infra/queue/queue.module';
import { StorageModule } from './infra/storage/storage.module';
import { AccountsModule } from './modules/accounts/accounts.module';
import { AgenciesModule } from './modules/agencies/agencies.module';
import { AgencySuccessionModule } from './modules/agencies/agency-succession';
import { AuditApiModule } from './modules/audit/audit-api.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthGuard } from './modules/access/auth.guard';
import { AuthModule } from './modules/auth/auth.module';
import { CalendarApiModule } from './modules/calendar/calendar-api.module';
import { DeadlinesApiModule } from './modules/deadlines/deadlines-api.module';
import { AccessModule } from './modules/access/access.module';
import { CryptoModule } from './infra/crypto/crypto.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { RequestsModule } from './modules/requests/requests.module';
import { RequestsCoreModule } from './modules/requests/requests-core.module';
import { RemediesApiModule } from './modules/remedies/remedies-api.module';
import { RemediesModule } from './modules/remedies/remedies.module';
import { ProactiveApiModule } from './modules/proactive/proactive-api.module';
import { ProactiveModule } from './modules/proactive/proactive.module';
import { ReportsApiModule } from './modules/reports/reports-api.module';
import { ReportsModule } from './modules/reports/reports.module';
import { SupervisionModule } from './modules/supervision/supervision.module';
import { NotificationsWorkerModule } from './modules/notifications/notifications-worker.module';
import { TimersWorkerModule } from './modules/timers/timers-worker.module';
import { OpsModule } from './modules/ops/ops.module';
import { PortalModule } from './modules/portal/portal.module';
import { UpkeepModule } from './modules/upkeep/upkeep.module';

/** Modules that serve the HTTP API (role api or all). */
const API_MODULES: Array<DynamicModule | Type> = [
  AgenciesModule,
  AccountsModule,
  AuthModule,
  AuditApiModule,
  RequestsModule,
  RemediesApiModule,
  ReportsApiModule,
  ProactiveApiModule,
  SupervisionModule,
  CalendarApiModule,
  DeadlinesApiModule,
  PortalModule,
];
/** Modules that run queue processors (role worker or all). */
const WORKER_MODULES: Array<DynamicModule | (new () => unknown)> = [
  NotificationsWorkerModule,
  TimersWorkerModule,
  UpkeepModule,
];

@Module({})
export class AppModule implements NestModule {
  /** The application for a role: `api`, `worker` or `all` (one process runs both). */
  static forRole(config: AppConfig): DynamicModule {
    if (!config.database.url || !config.redis.url) {
      throw new Error('AppModule needs resolved DATABASE_URL and REDIS_URL');
    }
    const api = config.role !== 'worker';
    const worker = config.role !== 'api';
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        ClockModule,
        MetricsModule,
        StorageModule,
        CryptoModule,
        DatabaseModule.forRoot(config),
        QueueModule,
        MailModule,
        ThrottlerModule.forRoot([{ ttl: 60_000, limit: config.rateLimitPerMinute }]),
        NotificationsModule,
        AuditModule,
        AccessModule,
        AgencySuccessionModule,
        OpsModule,
        // The case core and remedies register their deadline-effect handlers in every role.
        RequestsCoreModule,
        RemediesModule,
        ProactiveModule,
        ReportsModule,
        ...(api ? API_MODULES : []),
        ...(worker ? WORKER_MODULES : []),
        ...(api && config.bullBoardEnabled ? bullBoardModules() : []),
      ],
      providers: [
        // Guards run in this order: rate limit, authentication/authorization, strict query strings.
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: StrictQueryGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*');
  }
}
