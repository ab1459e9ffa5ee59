import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../access/access.decorator';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import type { Principal } from '../access/domain/principal';
import { StatsQueryDto, WatchlistQueryDto } from './dto/supervision-query.dto';
import { SupervisionService } from './supervision.service';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('api/v1/supervision')
export class SupervisionController {
  constructor(private readonly supervision: SupervisionService) {}

  @Get('overdue')
  @RequirePermission('cases.read')
  @ApiOperation({
    summary: 'Open requests past their reply date, and those due within 5 working days',
  })
  watchlist(@CurrentPrincipal() p: Principal, @Query() q: WatchlistQueryDto) {
    return this.supervision.watchlist(p, q.agencyCode);
  }

  @Get('stats')
  @RequirePermission('cases.read')
  @ApiOperation({
    summary:
      'Per agency and month of reply: replies, on-time rate, average and median net processing working days (pauses excluded)',
  })
  stats(@CurrentPrincipal() p: Principal, @Query() q: StatsQueryDto) {
    return this.supervision.stats(p, q.year, q.agencyCode);
  }
}
