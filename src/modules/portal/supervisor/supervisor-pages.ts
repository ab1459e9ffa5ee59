import type { Provider, Type } from '@nestjs/common';
import { BoardPageController } from './board-page.controller';
import { ChartsPageController } from './charts-page.controller';
import { SupervisorScope } from './supervisor-scope';

/** The supervisors' page controllers (the overdue board, extension decisions, charts), under /supervisor. */
export const SUPERVISOR_PAGE_CONTROLLERS: Type[] = [BoardPageController, ChartsPageController];

export const SUPERVISOR_PAGE_PROVIDERS: Provider[] = [SupervisorScope];
