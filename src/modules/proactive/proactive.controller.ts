import { Body, Controller, Get, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../access/access.decorator';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import type { Principal } from '../access/domain/principal';
import { CreateProactiveItemDto, ProactiveQueryDto, PutFigureDto } from './dto/proactive.dto';
import { ProactiveService } from './proactive.service';

@ApiTags('proactive')
@ApiBearerAuth()
@Controller('api/v1/proactive')
export class ProactiveController {
  constructor(private readonly proactive: ProactiveService) {}

  @Post('items')
  @RequirePermission('reports.write')
  @ApiOperation({ summary: '主动公开: add an item to the register (category of the 2008 format)' })
  addItem(@CurrentPrincipal() p: Principal, @Body() dto: CreateProactiveItemDto) {
    return this.proactive.addItem(p, dto);
  }

  @Get('register')
  @RequirePermission('reports.read')
  @ApiOperation({ summary: 'The register of a year: totals, categories, shares, online' })
  register(@CurrentPrincipal() p: Principal, @Query() q: ProactiveQueryDto) {
    return this.proactive.register(p, { ...q, subtree: q.subtree === true });
  }

  @Put('figures')
  @RequirePermission('reports.write')
  @ApiOperation({ summary: "Enter one row of section 二 (the year's format) for an agency" })
  putFigure(@CurrentPrincipal() p: Principal, @Body() dto: PutFigureDto) {
    return this.proactive.putFigure(p, { ...dto });
  }

  @Get('figures')
  @RequirePermission('reports.read')
  @ApiOperation({ summary: 'Section 二 of a year: the figures entered, summed over a subtree' })
  figures(@CurrentPrincipal() p: Principal, @Query() q: ProactiveQueryDto) {
    return this.proactive.figures(p, { ...q, subtree: q.subtree === true });
  }
}
