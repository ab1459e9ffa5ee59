import { Controller, DefaultValuePipe, Get, ParseIntPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../access/access.decorator';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import type { Principal } from '../access/domain/principal';
import { AuditRepository } from './audit.repository';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly log: AuditRepository) {}

  @Get()
  @RequirePermission('audit.read')
  @ApiOperation({
    summary: 'Security audit log entries of agencies within your reach, newest first',
  })
  @ApiQuery({ name: 'limit', required: false })
  async list(
    @CurrentPrincipal() p: Principal,
    @Query('limit', new DefaultValuePipe(100), ParseIntPipe) limit: number,
  ) {
    const scope = p.scope('audit.read');
    const rootAdmin = scope.prefixes.some((x) => x.split('/').filter(Boolean).length === 1);
    // Entries about agencies in reach; entries with no agency only for province-level admins.
    return this.log.listInScope(scope, rootAdmin, Math.min(Math.max(limit, 1), 1000));
  }
}
