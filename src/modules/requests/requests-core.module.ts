import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CorrespondenceModule } from '../correspondence/correspondence.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { TimersModule } from '../timers/timers.module';
import { AttachmentsService } from './attachments.service';
import { CaseAccess } from './case-access.service';
import { CaseActions } from './case-actions';
import { CaseChanges } from './case-changes.service';
import { CaseTraceService } from './case-trace.service';
import { WorkbenchRepository } from './workbench.repository';
import { CaseClock } from './case-clock.service';
import { CaseDeadlines } from './case-deadlines';
import { CaseEffectsHandler } from './case-effects.handler';
import { CaseSuccessionHandler } from './case-succession.handler';
import { CaseLetters } from './case-letters.service';
import { CasesRepository } from './cases.repository';
import { ClockActionsService } from './clock-actions.service';
import { FeeActionsService } from './fee-actions.service';
import { HistoricalCasesRepository } from './historical-cases.repository';
import { HistoricalImport } from './historical-import.service';
import { IntakeService } from './intake.service';
import { RequestsQueryService } from './requests-query.service';
import { SystemActions } from './system-actions.service';
import { ReceiptActionsService } from './receipt-actions.service';
import { WorkflowService } from './workflow.service';

/**
 * The case core for every role: intake, the workflow actions, the automatic transitions (the
 * timers' handler for cases), letters of cases, and the read side.
 */
@Module({
  imports: [
    CalendarModule,
    NotificationsModule,
    TimersModule,
    CorrespondenceModule,
    IdempotencyModule,
  ],
  providers: [
    AttachmentsService,
    CaseAccess,
    CaseActions,
    CaseChanges,
    CaseClock,
    CaseTraceService,
    WorkbenchRepository,
    CaseDeadlines,
    CaseEffectsHandler,
    CaseSuccessionHandler,
    CaseLetters,
    CasesRepository,
    ClockActionsService,
    FeeActionsService,
    HistoricalCasesRepository,
    HistoricalImport,
    IntakeService,
    RequestsQueryService,
    SystemActions,
    WorkflowService,
    ReceiptActionsService,
  ],
  exports: [
    AttachmentsService,
    HistoricalImport,
    CaseAccess,
    CaseClock,
    CaseTraceService,
    WorkbenchRepository,
    CasesRepository,
    ClockActionsService,
    FeeActionsService,
    IntakeService,
    RequestsQueryService,
    SystemActions,
    WorkflowService,
    ReceiptActionsService,
    CorrespondenceModule,
  ],
})
export class RequestsCoreModule {}
