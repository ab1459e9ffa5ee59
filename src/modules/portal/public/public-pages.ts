import type { Provider, Type } from '@nestjs/common';
import { PublicStatisticsPage } from './public-statistics.page';
import { ReportPagesController } from './report-pages.controller';
import { StatisticsPagesController } from './statistics-pages.controller';

/** The public pages of the published reports and the live statistics, under /agencies/<code>. */
export const PUBLIC_REPORT_PAGE_CONTROLLERS: Type[] = [
  ReportPagesController,
  StatisticsPagesController,
];

/** The statistics page's composition of the report's own count (`ReportsRepository.caseGroups`). */
export const PUBLIC_PAGE_PROVIDERS: Provider[] = [PublicStatisticsPage];
