import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../access/access.decorator';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import type { Principal } from '../access/domain/principal';
import { AuditRepository } from './audit.repository';
import { AuditQueryDto } from './dto/audit-query.dto';

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
  async list(@CurrentPrincipal() p: Principal, @Query() q: AuditQueryDto) {
    return this.log.listVisibleTo(p, { limit: q.limit, action: q.action });
  }
}
