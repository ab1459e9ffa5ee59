import type { Type } from '@nestjs/common';

/** The clerks' page controllers (workbench, registering a request, the case page), under /staff. */
export const STAFF_PAGE_CONTROLLERS: Type[] = [];
