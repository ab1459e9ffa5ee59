import type { Provider, Type } from '@nestjs/common';
import { CasePageView } from './case-page.view';
import { CasePageController } from './case-page.controller';
import { IntakePageController } from './intake-page.controller';
import { WorkbenchController } from './workbench.controller';

/** The clerks' page controllers (workbench, registering a request, the case page), under /staff. */
export const STAFF_PAGE_CONTROLLERS: Type[] = [
  IntakePageController,
  CasePageController,
  WorkbenchController,
];

/** What the staff controllers share. */
export const STAFF_PAGE_PROVIDERS: Provider[] = [CasePageView];
