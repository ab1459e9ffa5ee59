import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { ProactiveModule } from '../proactive/proactive.module';
import { RemediesModule } from '../remedies/remedies.module';
import { AnnualReportService } from './annual-report.service';
import { NarrativeRepository } from './narrative.repository';
import { NarrativeService } from './narrative.service';
import { ReportCellsService } from './report-cells.service';
import { ReportsRepository } from './reports.repository';

/** The annual report, computed from cases, remedies and the proactive register; its narrative. */
@Module({
  imports: [AgenciesModule, ProactiveModule, RemediesModule],
  providers: [
    AnnualReportService,
    NarrativeRepository,
    NarrativeService,
    ReportCellsService,
    ReportsRepository,
  ],
  exports: [AnnualReportService, NarrativeService, ReportCellsService],
})
export class ReportsModule {}
