import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../../infra/http/public.decorator';
import type { Permission } from '../../access/domain/roles';
import type { AuthedRequest } from '../../access/request-auth';
import { ADMIN_PERMISSIONS } from '../page-renderer';
import { PageQueryDto } from '../page-query.dto';
import { PortalPages } from '../portal-pages';
import type { Principal } from '../../access/domain/principal';
import { PageGateFilter, StaffPrincipal } from '../staff-gate';

/** The administrators' pages and the permission each needs, in the order of the index. */
const SECTIONS: ReadonlyArray<{ href: string; permission: Permission; key: string }> = [
  { href: '/admin/agencies', permission: 'agencies.manage', key: 'adminAgencies' },
  { href: '/admin/staff', permission: 'users.read', key: 'adminStaff' },
  { href: '/admin/calendar', permission: 'calendar.manage', key: 'adminCalendar' },
  { href: '/admin/audit', permission: 'audit.read', key: 'adminAudit' },
];

/** /admin: links to the administrators' pages the signed-in staff member may open. */
@ApiExcludeController()
@UseFilters(PageGateFilter)
@Controller('admin')
export class AdminIndexController {
  constructor(private readonly pages: PortalPages) {}

  @Get()
  @Public()
  index(
    // Any one of the sections' permissions opens the index (the gate answers everyone else).
    @StaffPrincipal([...ADMIN_PERMISSIONS, 'users.read']) p: Principal,
    @Query() _q: PageQueryDto,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
  ): string {
    return this.pages.render(req, res, 'admin/index', {
      sections: SECTIONS.filter((s) => p.has(s.permission)),
    });
  }
}
