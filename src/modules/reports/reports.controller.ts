import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '../access/access.decorator';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import type { Principal } from '../access/domain/principal';
import { AnnualReportService } from './annual-report.service';
import { NarrativeEditDto } from './dto/narrative.dto';
import { AnnualReportQueryDto, ReportScopeQueryDto } from './dto/report-query.dto';
import { NarrativeService } from './narrative.service';
import { ReportCellsService } from './report-cells.service';
import { CONTENT_TYPES, fileNameOf, renderReport } from './render/render-report';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1/reports')
export class ReportsController {
  constructor(
    private readonly reports: AnnualReportService,
    private readonly narratives: NarrativeService,
    private readonly cells: ReportCellsService,
  ) {}

  @Put('narrative')
  @RequirePermission('reports.write')
  @ApiOperation({
    summary: 'Save an edited narrative section of a report (its draft is made from the figures)',
  })
  saveNarrative(@CurrentPrincipal() p: Principal, @Body() dto: NarrativeEditDto) {
    return this.narratives.save(p, { ...dto, subtree: dto.subtree === true });
  }

  @Get('annual')
  @RequirePermission('reports.read')
  @ApiProduces(...Object.values(CONTENT_TYPES))
  @ApiOperation({
    summary:
      '政府信息公开工作年度报告: every figure computed from the records, with its integrity checks (json, html, md, xlsx, docx); the staff HTML links each figure to its cases',
  })
  async annual(
    @CurrentPrincipal() p: Principal,
    @Query() q: AnnualReportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const report = await this.reports.report(p, {
      year: q.year,
      agencyCode: q.agencyCode,
      subtree: q.subtree === true,
      formatVersion: q.formatVersion,
    });
    const format = q.format ?? 'json';
    if (format === 'json') {
      res.json(report);
      return;
    }
    if (format === 'xlsx' || format === 'docx') res.attachment(fileNameOf(report, format));
    res.type(CONTENT_TYPES[format]).send(await renderReport(report, format, { cellLinks: true }));
  }

  @Get('annual/cells/:section/:row/:column')
  @RequirePermission('reports.read')
  @ApiOperation({
    summary:
      'The cases (section 三) or remedies (section 四) counted in one figure, by reference number',
  })
  cell(
    @CurrentPrincipal() p: Principal,
    @Param('section') section: string,
    @Param('row') row: string,
    @Param('column') column: string,
    @Query() q: ReportScopeQueryDto,
  ) {
    return this.cells.cell(p, {
      year: q.year,
      agencyCode: q.agencyCode,
      subtree: q.subtree === true,
      section,
      row,
      column,
    });
  }
}
