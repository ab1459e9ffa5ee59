import type { Type } from '@nestjs/common';
import { ReportCellPageController } from './report-cell-page.controller';
import { ReportEditorController } from './report-editor.controller';
import { ReportsIndexController } from './reports-index.controller';

/** The reporting officer's page controllers (the list, the editor, the drill-down), under /reports. */
export const REPORT_PAGE_CONTROLLERS: Type[] = [
  ReportsIndexController,
  ReportCellPageController,
  ReportEditorController,
];
