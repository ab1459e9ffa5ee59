import { Module } from '@nestjs/common';
import { PublishedReportsController } from './published-reports.controller';
import { ReportWorkflowController } from './report-workflow.controller';
import { ReportsController } from './reports.controller';
import { ReportsModule } from './reports.module';

/** The annual report over HTTP (api role): figures, drill-down, workflow, published reports. */
@Module({
  imports: [ReportsModule],
  controllers: [ReportsController, ReportWorkflowController, PublishedReportsController],
})
export class ReportsApiModule {}
