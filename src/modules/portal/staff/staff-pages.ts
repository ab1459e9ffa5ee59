import type { Type } from '@nestjs/common';
import { CasePageController } from './case-page.controller';
import { IntakePageController } from './intake-page.controller';
import { WorkbenchController } from './workbench.controller';

/** The clerks' page controllers (workbench, registering a request, the case page), under /staff. */
export const STAFF_PAGE_CONTROLLERS: Type[] = [
  IntakePageController,
  CasePageController,
  WorkbenchController,
];
