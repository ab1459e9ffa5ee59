import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { Public } from '../../infra/http/public.decorator';
import { HealthService, type HealthReport } from './health.service';

@ApiTags('operations')
@Controller('health')
@SkipThrottle()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Health of the database, Redis, queues and mail outbox' })
  @ApiOkResponse({ description: '`status` is ok or degraded; 503 when a dependency is down' })
  async get(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const report = await this.health.report();
    res.status(report.status === 'error' ? 503 : 200).setHeader('cache-control', 'no-store');
    return report;
  }
}
