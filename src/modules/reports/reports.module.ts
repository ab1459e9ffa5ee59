import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { RemediesModule } from '../remedies/remedies.module';
import { AnnualReportService } from './annual-report.service';
import { ReportsRepository } from './reports.repository';

/** The annual report, computed from cases and remedies. */
@Module({
  imports: [AgenciesModule, RemediesModule],
  providers: [AnnualReportService, ReportsRepository],
  exports: [AnnualReportService],
})
export class ReportsModule {}
