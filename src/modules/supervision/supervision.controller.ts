import { Controller, Get, ParseIntPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../access/access.decorator';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import type { Principal } from '../access/domain/principal';
import { SupervisionService } from './supervision.service';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('api/v1/supervision')
export class SupervisionController {
  constructor(private readonly supervision: SupervisionService) {}

  @Get('overdue')
  @RequirePermission('cases.read')
  @ApiQuery({
    name: 'agencyCode',
    required: false,
    description: 'That agency and its subtree (within your reach)',
  })
  @ApiOperation({
    summary: 'Open requests past their reply date, and those due within 5 working days',
  })
  watchlist(@CurrentPrincipal() p: Principal, @Query('agencyCode') agencyCode?: string) {
    return this.supervision.watchlist(p, agencyCode);
  }

  @Get('stats')
  @RequirePermission('cases.read')
  @ApiQuery({ name: 'year', required: true, example: 2026 })
  @ApiQuery({ name: 'agencyCode', required: false })
  @ApiOperation({
    summary:
      'Per agency and month of reply: replies, on-time rate, average and median net processing working days (pauses excluded)',
  })
  stats(
    @CurrentPrincipal() p: Principal,
    @Query('year', ParseIntPipe) year: number,
    @Query('agencyCode') agencyCode?: string,
  ) {
    return this.supervision.stats(p, year, agencyCode);
  }
}
