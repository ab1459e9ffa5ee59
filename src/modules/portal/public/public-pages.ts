import type { Provider, Type } from '@nestjs/common';
import { ReportsRepository } from '../../reports/reports.repository';
import { PublicStatisticsPage } from './public-statistics.page';
import { ReportPagesController } from './report-pages.controller';
import { StatisticsPagesController } from './statistics-pages.controller';

/** The public pages of the published reports and the live statistics, under /agencies/<code>. */
export const PUBLIC_REPORT_PAGE_CONTROLLERS: Type[] = [
  ReportPagesController,
  StatisticsPagesController,
];

/**
 * What they need besides the modules' exports: the report's own read of section 三
 * (`ReportsRepository.caseGroups`, stateless over the data source; the reports module keeps it
 * to itself) and the page's composition of it.
 */
export const PUBLIC_PAGE_PROVIDERS: Provider[] = [ReportsRepository, PublicStatisticsPage];
