import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';
import { CaseAccess } from './case-access.service';
import { CalendarRecomputeListener } from './calendar-recompute.listener';
import { CaseHooks } from './case-hooks';
import { DeadlineSync } from './deadline-sync.service';
import { SystemActions } from './system-actions.service';
import { CaseCalendar } from './case-calendar';
import { CaseDeadlinesService } from './case-deadlines.service';
import { CaseTransitions } from './case-transitions.service';
import { ClockActionsService } from './clock-actions.service';
import { FeeActionsService } from './fee-actions.service';
import { IntakeService } from './intake.service';
import { RepeatDetector } from './repeat-detector.service';
import { RequestActionsController } from './request-actions.controller';
import { RequestsController } from './requests.controller';
import { RequestsQueryService } from './requests-query.service';
import { WorkflowService } from './workflow.service';

/** Requests: intake, the case workflow, replies and fees. */
@Module({
  imports: [CalendarModule, NotificationsModule],
  controllers: [RequestsController, RequestActionsController, AttachmentsController],
  providers: [AttachmentsService, CaseHooks, CalendarRecomputeListener, DeadlineSync, SystemActions, CaseAccess, CaseCalendar, CaseDeadlinesService, CaseTransitions, ClockActionsService, FeeActionsService, IntakeService, RepeatDetector, RequestsQueryService, WorkflowService],
  exports: [CaseHooks, DeadlineSync, SystemActions, CaseDeadlinesService, CaseTransitions, RequestsQueryService, CaseAccess, CaseCalendar],
})
export class RequestsModule {}
