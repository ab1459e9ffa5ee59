import { Inject, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import type { AppConfig } from '../../infra/config/app-config';
import { APP_CONFIG } from '../../infra/config/config.module';
import { AccountsModule } from '../accounts/accounts.module';
import { AgenciesModule } from '../agencies/agencies.module';
import { AuditModule } from '../audit/audit.module';
import { CalendarModule } from '../calendar/calendar.module';
import { ProactiveModule } from '../proactive/proactive.module';
import { ReportsModule } from '../reports/reports.module';
import { ADMIN_PAGE_CONTROLLERS } from './admin/admin-pages';
import { REPORT_PAGE_CONTROLLERS } from './reports/report-pages';
import { PUBLIC_PAGE_PROVIDERS, PUBLIC_REPORT_PAGE_CONTROLLERS } from './public/public-pages';
import { STAFF_PAGE_CONTROLLERS, STAFF_PAGE_PROVIDERS } from './staff/staff-pages';
import {
  SUPERVISOR_PAGE_CONTROLLERS,
  SUPERVISOR_PAGE_PROVIDERS,
} from './supervisor/supervisor-pages';
import { SupervisionModule } from '../supervision/supervision.module';
import { AuthModule } from '../auth/auth.module';
import { AccountPagesController } from './account-pages.controller';
import { RequestsCoreModule } from '../requests/requests-core.module';
import { RemediesModule } from '../remedies/remedies.module';
import { PORTAL_CSRF, portalCsrf, type PortalCsrf } from './csrf';
import { LetterPageController } from './letter-page.controller';
import { MyPagesController } from './my-pages.controller';
import { PageRenderer } from './page-renderer';
import { pageUploads } from './page-uploads';
import { PortalPages } from './portal-pages';
import { PublicPagesController } from './public-pages.controller';
import { GuidePagesController } from './guide-pages.controller';
import { ProblemPagesController } from './problem-pages.controller';
import { SessionPagesController } from './session-pages.controller';

/**
 * The web portal: server-rendered pages (Eta) that call the same services as the API. Every
 * form carries a CSRF token; pages send a CSP with scripts and styles from files only.
 */
@Module({
  imports: [
    AccountsModule,
    AgenciesModule,
    AuditModule,
    AuthModule,
    CalendarModule,
    ProactiveModule,
    RemediesModule,
    ReportsModule,
    RequestsCoreModule,
    SupervisionModule,
  ],
  controllers: [
    PublicPagesController,
    GuidePagesController,
    ProblemPagesController,
    SessionPagesController,
    AccountPagesController,
    MyPagesController,
    LetterPageController,
    ...STAFF_PAGE_CONTROLLERS,
    ...ADMIN_PAGE_CONTROLLERS,
    ...SUPERVISOR_PAGE_CONTROLLERS,
    ...REPORT_PAGE_CONTROLLERS,
    ...PUBLIC_REPORT_PAGE_CONTROLLERS,
  ],
  providers: [
    ...STAFF_PAGE_PROVIDERS,
    ...SUPERVISOR_PAGE_PROVIDERS,
    ...PUBLIC_PAGE_PROVIDERS,
    PageRenderer,
    PortalPages,
    {
      provide: PORTAL_CSRF,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): PortalCsrf =>
        portalCsrf(config.security.piiKey, config.http.publicUrl.startsWith('https://')),
    },
  ],
})
export class PortalModule implements NestModule {
  constructor(@Inject(PORTAL_CSRF) private readonly csrf: PortalCsrf) {}

  configure(consumer: MiddlewareConsumer): void {
    // csrf-csrf leaves GET/HEAD/OPTIONS alone: only the forms' posts are checked.
    consumer.apply(pageUploads).forRoutes(MyPagesController, ...STAFF_PAGE_CONTROLLERS);
    consumer
      .apply(this.csrf.protect)
      .forRoutes(
        PublicPagesController,
        SessionPagesController,
        AccountPagesController,
        MyPagesController,
        LetterPageController,
        ...STAFF_PAGE_CONTROLLERS,
        ...ADMIN_PAGE_CONTROLLERS,
        ...SUPERVISOR_PAGE_CONTROLLERS,
        ...REPORT_PAGE_CONTROLLERS,
        ...PUBLIC_REPORT_PAGE_CONTROLLERS,
      );
  }
}
