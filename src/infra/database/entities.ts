import { ApplicantProfile } from '../../modules/accounts/applicant-profile.entity';
import { RoleAssignment } from '../../modules/accounts/role-assignment.entity';
import { User } from '../../modules/accounts/user.entity';
import { Agency } from '../../modules/agencies/agency.entity';
import { AgencyEvent } from '../../modules/agencies/agency-event.entity';
import { AuditLog } from '../../modules/audit/audit-log.entity';
import { AuthSession } from '../../modules/auth/session.entity';
import { CalendarChangeLog } from '../../modules/calendar/calendar-change.entity';
import { CalendarDayOverride } from '../../modules/calendar/calendar-day-override.entity';
import { CalendarYearNotice } from '../../modules/calendar/calendar-year-notice.entity';
import { OneTimeToken } from '../../modules/accounts/one-time-token.entity';
import { MailOutbox } from '../../modules/notifications/mail-outbox.entity';
import { IdempotencyKey } from '../../modules/idempotency/idempotency-key.entity';
import { CaseAttachment } from '../../modules/requests/case-attachment.entity';
import { CaseConsultation } from '../../modules/requests/case-consultation.entity';
import { CaseEvent } from '../../modules/requests/case-event.entity';
import { CaseExtension } from '../../modules/requests/case-extension.entity';
import { CaseFeeNotice } from '../../modules/requests/case-fee-notice.entity';
import { ReferenceCounter } from '../../modules/requests/reference-counter.entity';
import { RequestCase } from '../../modules/requests/request-case.entity';
import { CaseReply } from '../../modules/requests/case-reply.entity';
import { Remedy } from '../../modules/remedies/remedy.entity';
import { RemedyEvent } from '../../modules/remedies/remedy-event.entity';
import { CaseService } from '../../modules/requests/case-service.entity';
import { IssuedLetter } from '../../modules/correspondence/issued-letter.entity';
import { Deadline } from '../../modules/timers/deadline.entity';
import { DeadlineEffect } from '../../modules/timers/deadline-effect.entity';
import { NotificationLog } from '../../modules/timers/notification-log.entity';
import { WorkerState } from '../../modules/timers/worker-state.entity';
import { ProactiveFigure } from '../../modules/proactive/proactive-figure.entity';
import { ProactiveItem } from '../../modules/proactive/proactive-item.entity';
import { ReportNarrative } from '../../modules/reports/report-narrative.entity';
import { AnnualReportRecord } from '../../modules/reports/annual-report-record.entity';
import { ReportVersion } from '../../modules/reports/report-version.entity';
import { ReportCounter } from '../../modules/reports/report-counter.entity';
import { ReportRemedyCounter } from '../../modules/reports/report-remedy-counter.entity';

/** Every entity, listed as classes so ts-node, jest and dist/ behave alike. */
export const ENTITIES = [
  Agency,
  AgencyEvent,
  User,
  ApplicantProfile,
  RoleAssignment,
  AuthSession,
  OneTimeToken,
  AuditLog,
  MailOutbox,
  RequestCase,
  CaseEvent,
  CaseConsultation,
  CaseFeeNotice,
  CaseExtension,
  CaseAttachment,
  ReferenceCounter,
  CaseReply,
  Remedy,
  RemedyEvent,
  CaseService,
  IssuedLetter,
  Deadline,
  DeadlineEffect,
  NotificationLog,
  WorkerState,
  CalendarYearNotice,
  CalendarDayOverride,
  CalendarChangeLog,
  ProactiveItem,
  ProactiveFigure,
  ReportNarrative,
  AnnualReportRecord,
  ReportVersion,
  ReportCounter,
  ReportRemedyCounter,
  IdempotencyKey,
];
