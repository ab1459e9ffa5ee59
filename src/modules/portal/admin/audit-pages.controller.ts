import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../../infra/http/public.decorator';
import type { AuthedRequest } from '../../access/request-auth';
import { UsersRepository } from '../../accounts/users.repository';
import { AuditRepository } from '../../audit/audit.repository';
import { PortalPages } from '../portal-pages';
import type { Principal } from '../../access/domain/principal';
import { PageGateFilter, StaffPrincipal } from '../staff-gate';
import { AuditPageQueryDto } from './admin-query.dto';
import { AUDIT_ACTION_FILTERS } from './admin-text';

/**
 * The security audit log (audit.read), newest first, with the API's filters: an action or a
 * family of actions — `personal-data` finds who viewed or downloaded unmasked personal data.
 */
@ApiExcludeController()
@UseFilters(PageGateFilter)
@Controller('admin/audit')
export class AuditPagesController {
  constructor(
    private readonly pages: PortalPages,
    private readonly log: AuditRepository,
    private readonly users: UsersRepository,
  ) {}

  @Get()
  @Public()
  async list(
    @StaffPrincipal('audit.read') p: Principal,
    @Query() q: AuditPageQueryDto,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string | void> {
    const limit = q.limit ?? 100;
    const entries = await this.log.listVisibleTo(p, { limit, action: q.action });
    // Who did it: staff by name and e-mail; an applicant's own actions are not named here.
    const actorIds = [...new Set(entries.map((e) => e.actorId).filter((x): x is string => !!x))];
    const actors = new Map<string, string>();
    for (const id of actorIds) {
      const u = await this.users.byId(id);
      if (u?.kind === 'staff') actors.set(id, `${u.displayName} <${u.email}>`);
    }
    return this.pages.render(req, res, 'admin/audit', {
      entries: entries.map((e) => ({
        // Shown in Beijing time (UTC+8, no daylight saving), as the page says.
        at: new Date(e.at.getTime() + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19),
        action: e.action,
        actor: e.actorId ? (actors.get(e.actorId) ?? null) : null,
        target: e.targetType ? `${e.targetType} ${e.targetId ?? ''}`.trim() : '',
        ip: e.ip ?? '',
        details: Object.entries(e.details ?? {})
          .map(([k, v]) => `${k}: ${String(v)}`)
          .join('; '),
      })),
      filters: AUDIT_ACTION_FILTERS,
      action: q.action ?? '',
      limit,
    });
  }
}
