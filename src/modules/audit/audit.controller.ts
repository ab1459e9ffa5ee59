import { Controller, DefaultValuePipe, Get, ParseIntPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Agency } from '../agencies/agency.entity';
import { whereInScope } from '../agencies/agency-scope';
import { RequirePermission } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/domain/principal';
import { AuditLog } from './audit-log.entity';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

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
    const inner = whereInScope(
      this.db.getRepository(Agency).createQueryBuilder('a').select('a.id'),
      'a.path',
      scope,
    );
    const qb = this.db
      .getRepository(AuditLog)
      .createQueryBuilder('l')
      .where(`(l.agency_id IN (${inner.getQuery()})${rootAdmin ? ' OR l.agency_id IS NULL' : ''})`)
      .setParameters(inner.getParameters());
    return qb
      .orderBy('l.id', 'DESC')
      .limit(Math.min(Math.max(limit, 1), 1000))
      .getMany();
  }
}
