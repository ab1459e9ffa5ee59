import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../access/access.decorator';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import type { Principal } from '../access/domain/principal';
import { ReportActionDto, ReportCorrectionDto } from './dto/report-action.dto';
import { ReportScopeQueryDto } from './dto/report-query.dto';
import { ReportWorkflowService } from './report-workflow.service';

const key = (q: { year: number; agencyCode: string; subtree?: boolean }) => ({
  year: q.year,
  agencyCode: q.agencyCode,
  subtree: q.subtree === true,
});

/** The annual report's publication workflow: draft → reviewed → published; corrections. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1/reports/annual')
export class ReportWorkflowController {
  constructor(private readonly workflow: ReportWorkflowService) {}

  @Get('publication')
  @RequirePermission('reports.read')
  @ApiOperation({ summary: 'Where a report is in its workflow, and its published versions' })
  status(@CurrentPrincipal() p: Principal, @Query() q: ReportScopeQueryDto) {
    return this.workflow.status(p, key(q));
  }

  @Post('review')
  @HttpCode(200)
  @RequirePermission('reports.review')
  @ApiOperation({ summary: 'Review the draft (a supervisor): it may then be published' })
  review(@CurrentPrincipal() p: Principal, @Body() dto: ReportActionDto) {
    return this.workflow.review(p, key(dto));
  }

  @Post('reopen')
  @HttpCode(200)
  @RequirePermission('reports.review')
  @ApiOperation({ summary: 'Send a reviewed report back to draft' })
  reopen(@CurrentPrincipal() p: Principal, @Body() dto: ReportActionDto) {
    return this.workflow.reopen(p, key(dto));
  }

  @Post('publish')
  @HttpCode(200)
  @RequirePermission('reports.publish')
  @ApiOperation({
    summary:
      'Publish the reviewed report (refused while a check fails): every format is frozen in storage with its SHA-256',
  })
  publish(@CurrentPrincipal() p: Principal, @Body() dto: ReportActionDto) {
    return this.workflow.publish(p, key(dto));
  }

  @Post('correction')
  @HttpCode(200)
  @RequirePermission('reports.publish')
  @ApiOperation({
    summary:
      'Reopen a published report for a correction; its next publication is a new version with the note',
  })
  correct(@CurrentPrincipal() p: Principal, @Body() dto: ReportCorrectionDto) {
    return this.workflow.correct(p, key(dto), dto.note);
  }
}
