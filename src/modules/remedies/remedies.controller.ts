import { Body, Controller, Get, Header, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { IdParam } from '../../infra/http/input/id.pipe';
import { RequirePermission } from '../access/access.decorator';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import type { Principal } from '../access/domain/principal';
import type { RemedyAction } from './domain/remedy-status';
import {
  AppealDto,
  CreateRemedyDto,
  DecideRemedyDto,
  ExtendRemedyDto,
  HandleComplaintDto,
  OnDateDto,
  SectionFourQueryDto,
} from './dto/remedy.dto';
import { CaseFileService } from './case-file.service';
import { RemediesQuery } from './remedies-query.service';
import { RemedyActions } from './remedy-actions.service';
import { SectionFourService } from './section-four.service';

@ApiTags('remedies')
@ApiBearerAuth()
@Controller('api/v1')
export class RemediesController {
  constructor(
    private readonly actions: RemedyActions,
    private readonly query: RemediesQuery,
    private readonly caseFiles: CaseFileService,
    private readonly sectionFour: SectionFourService,
  ) {}

  @Post('requests/:id/remedies')
  @RequirePermission('cases.handle')
  @ApiOperation({ summary: 'Record a reconsideration, suit or complaint about the case' })
  async create(
    @CurrentPrincipal() p: Principal,
    @IdParam() id: string,
    @Body() dto: CreateRemedyDto,
  ) {
    const r = await this.actions.create(p, id, dto);
    return await this.query.detail(p, r.id);
  }

  @Get('requests/:id/remedies')
  @RequirePermission('cases.read')
  @ApiOperation({ summary: 'The remedies of a case' })
  list(@CurrentPrincipal() p: Principal, @IdParam() id: string) {
    return this.query.forCase(p, id);
  }

  @Get('requests/:id/remedy-windows')
  @RequirePermission('self.read')
  @ApiOperation({
    summary:
      "The applicant's last day for every remedy open to them (DOMAIN §3.4), with rollover (D-9)",
  })
  windows(@CurrentPrincipal() p: Principal, @IdParam() id: string) {
    return this.query.windows(p, id);
  }

  @Get('remedies/:id')
  @RequirePermission('cases.read')
  @ApiOperation({ summary: 'One remedy with its dates and events' })
  get(@CurrentPrincipal() p: Principal, @IdParam() id: string) {
    return this.query.detail(p, id);
  }

  private async step(p: Principal, id: string, action: RemedyAction, input: object) {
    await this.actions.act(p, id, action, input);
    return this.query.detail(p, id);
  }

  @Post('remedies/:id/accept')
  @HttpCode(200)
  @RequirePermission('cases.handle')
  @ApiOperation({ summary: 'Reconsideration accepted by the body (actual acceptance)' })
  accept(@CurrentPrincipal() p: Principal, @IdParam() id: string, @Body() dto: OnDateDto) {
    return this.step(p, id, 'accept', dto);
  }

  @Post('remedies/:id/docket')
  @HttpCode(200)
  @RequirePermission('cases.handle')
  @ApiOperation({ summary: 'Suit docketed by the court (立案)' })
  docket(@CurrentPrincipal() p: Principal, @IdParam() id: string, @Body() dto: OnDateDto) {
    return this.step(p, id, 'docket', dto);
  }

  @Post('remedies/:id/refuse')
  @HttpCode(200)
  @RequirePermission('cases.handle')
  @ApiOperation({ summary: 'Not accepted (不予受理) or docketing refused' })
  refuse(@CurrentPrincipal() p: Principal, @IdParam() id: string, @Body() dto: OnDateDto) {
    return this.step(p, id, 'refuse', dto);
  }

  @Post('remedies/:id/record-copy')
  @HttpCode(200)
  @RequirePermission('cases.handle')
  @ApiOperation({
    summary: "The agency received the application's or complaint's copy: its answer period starts",
  })
  recordCopy(@CurrentPrincipal() p: Principal, @IdParam() id: string, @Body() dto: OnDateDto) {
    return this.step(p, id, 'record_copy', dto);
  }

  @Post('remedies/:id/answer')
  @HttpCode(200)
  @RequirePermission('cases.handle')
  @ApiOperation({ summary: 'The agency submitted its answer (答复 / 答辩) and evidence' })
  answer(@CurrentPrincipal() p: Principal, @IdParam() id: string, @Body() dto: OnDateDto) {
    return this.step(p, id, 'answer', dto);
  }

  @Post('remedies/:id/extend')
  @HttpCode(200)
  @RequirePermission('cases.handle')
  @ApiOperation({
    summary: 'The reconsideration body extended its decision period (≤ 30 days, R-RV-11)',
  })
  extend(@CurrentPrincipal() p: Principal, @IdParam() id: string, @Body() dto: ExtendRemedyDto) {
    return this.step(p, id, 'extend', dto);
  }

  @Post('remedies/:id/suspend')
  @HttpCode(200)
  @RequirePermission('cases.handle')
  @ApiOperation({ summary: 'Suspended (中止): the body’s clock stops (R-RV-13)' })
  suspend(@CurrentPrincipal() p: Principal, @IdParam() id: string, @Body() dto: OnDateDto) {
    return this.step(p, id, 'suspend', dto);
  }

  @Post('remedies/:id/resume')
  @HttpCode(200)
  @RequirePermission('cases.handle')
  @ApiOperation({ summary: 'Resumed: the suspended days are added to the decision period' })
  resume(@CurrentPrincipal() p: Principal, @IdParam() id: string, @Body() dto: OnDateDto) {
    return this.step(p, id, 'resume', dto);
  }

  @Post('remedies/:id/decide')
  @HttpCode(200)
  @RequirePermission('cases.handle')
  @ApiOperation({
    summary: 'The decision or judgment; one ordering a new answer reopens the case (D-18)',
  })
  decide(@CurrentPrincipal() p: Principal, @IdParam() id: string, @Body() dto: DecideRemedyDto) {
    return this.step(p, id, 'decide', dto);
  }

  @Post('remedies/:id/serve')
  @HttpCode(200)
  @RequirePermission('cases.handle')
  @ApiOperation({ summary: 'The decision or judgment was served: the next windows start' })
  serve(@CurrentPrincipal() p: Principal, @IdParam() id: string, @Body() dto: OnDateDto) {
    return this.step(p, id, 'serve', dto);
  }

  @Post('remedies/:id/appeal')
  @HttpCode(200)
  @RequirePermission('cases.handle')
  @ApiOperation({ summary: 'An appeal: the second instance of the same suit (counted once)' })
  appeal(@CurrentPrincipal() p: Principal, @IdParam() id: string, @Body() dto: AppealDto) {
    return this.step(p, id, 'appeal', {
      on: dto.on,
      appealReceivedOn: dto.appealReceivedOn ?? null,
    });
  }

  @Post('remedies/:id/handle')
  @HttpCode(200)
  @RequirePermission('cases.handle')
  @ApiOperation({ summary: 'A complaint or report was handled' })
  handle(@CurrentPrincipal() p: Principal, @IdParam() id: string, @Body() dto: HandleComplaintDto) {
    return this.step(p, id, 'handle', dto);
  }

  @Post('remedies/:id/withdraw')
  @HttpCode(200)
  @RequirePermission('cases.handle')
  @ApiOperation({ summary: 'Withdrawn by the applicant' })
  withdraw(@CurrentPrincipal() p: Principal, @IdParam() id: string, @Body() dto: OnDateDto) {
    return this.step(p, id, 'withdraw', dto);
  }

  @Get('remedies/:id/case-file')
  @RequirePermission('cases.read')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiOperation({
    summary: 'The evidence bundle for the agency’s answer, as one printable HTML (audited)',
  })
  async caseFile(@CurrentPrincipal() p: Principal, @IdParam() id: string, @Req() req: Request) {
    return (await this.caseFiles.build(p, id, req.ip ?? null)).html;
  }

  @Get('remedies/:id/case-file.zip')
  @RequirePermission('cases.read')
  @ApiProduces('application/zip')
  @ApiOperation({
    summary:
      'The evidence bundle: the HTML plus every original and a manifest of SHA-256 hashes (audited)',
  })
  async caseFileZip(
    @CurrentPrincipal() p: Principal,
    @IdParam() id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const f = await this.caseFiles.build(p, id, req.ip ?? null);
    res
      .status(200)
      .set({
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="${f.filename}"`,
        'x-content-sha256': f.sha256,
      })
      .send(f.zip);
  }

  @Get('reports/section-four')
  @RequirePermission('reports.read')
  @ApiOperation({
    summary:
      'Section 四 (reconsideration and litigation) for an agency or its subtree and year (D-16, R-AR-21)',
  })
  sectionFourFigures(@CurrentPrincipal() p: Principal, @Query() q: SectionFourQueryDto) {
    return this.sectionFour.report(p, {
      year: q.year,
      agencyCode: q.agencyCode,
      subtree: q.subtree === true,
    });
  }
}
