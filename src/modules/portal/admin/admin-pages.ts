import type { Type } from '@nestjs/common';
import { AdminIndexController } from './admin-index.controller';
import { AgencyPagesController } from './agency-pages.controller';
import { AuditPagesController } from './audit-pages.controller';
import { CalendarPagesController } from './calendar-pages.controller';
import { StaffAdminPagesController } from './staff-admin-pages.controller';

/** The administrators' page controllers (agencies, staff, calendar, audit log), under /admin. */
export const ADMIN_PAGE_CONTROLLERS: Type[] = [
  AdminIndexController,
  AgencyPagesController,
  StaffAdminPagesController,
  CalendarPagesController,
  AuditPagesController,
];
