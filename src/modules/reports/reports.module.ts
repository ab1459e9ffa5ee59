import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProactiveModule } from '../proactive/proactive.module';
import { RemediesModule } from '../remedies/remedies.module';
import { TimersModule } from '../timers/timers.module';
import { AnnualReportService } from './annual-report.service';
import { NarrativeRepository } from './narrative.repository';
import { NarrativeService } from './narrative.service';
import { PublishedReportsService } from './published-reports.service';
import { ReportCellsService } from './report-cells.service';
import { ReportCountersRepository } from './report-counters.repository';
import { ReportDeadlines } from './report-deadlines.service';
import { ReportEffectsHandler } from './report-effects.handler';
import { ReportRecordsRepository } from './report-records.repository';
import { ReportWorkflowService } from './report-workflow.service';
import { ReportsRepository } from './reports.repository';

/**
 * The annual report, computed from cases, remedies and the proactive register; its narrative;
 * its publication workflow (frozen versions, D-13 due dates on the timers).
 */
@Module({
  imports: [AgenciesModule, ProactiveModule, RemediesModule, TimersModule, NotificationsModule],
  providers: [
    AnnualReportService,
    NarrativeRepository,
    NarrativeService,
    PublishedReportsService,
    ReportCellsService,
    ReportCountersRepository,
    ReportDeadlines,
    ReportEffectsHandler,
    ReportRecordsRepository,
    ReportWorkflowService,
    ReportsRepository,
  ],
  exports: [
    AnnualReportService,
    NarrativeService,
    PublishedReportsService,
    ReportCellsService,
    ReportCountersRepository,
    ReportDeadlines,
    ReportsRepository,
    ReportWorkflowService,
  ],
})
export class ReportsModule {}
