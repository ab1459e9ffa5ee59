import type { Type } from '@nestjs/common';

/** The administrators' page controllers (agencies, staff, calendar, audit log), under /admin. */
export const ADMIN_PAGE_CONTROLLERS: Type[] = [];
