import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../infra/http/input/id.pipe';
import { RequirePermission } from '../access/access.decorator';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import type { Principal } from '../access/domain/principal';
import { ClockActionsService } from './clock-actions.service';
import * as A from './dto/actions.dto';
import { RequestDetailView } from './request.views';
import { RequestsQueryService } from './requests-query.service';
import { ifMatch } from './if-match';
import { ReceiptActionsService } from './receipt-actions.service';
import { WorkflowService } from './workflow.service';

/** One POST per action; each answers with the updated case. 409 carries the current state. */
@ApiTags('requests')
@ApiBearerAuth()
@ApiHeader({
  name: 'If-Match',
  required: false,
  description: 'The case version you last saw; a newer version answers 409',
})
@Controller('api/v1/requests/:id')
export class RequestActionsController {
  constructor(
    private readonly workflow: WorkflowService,
    private readonly receipts: ReceiptActionsService,
    private readonly clock: ClockActionsService,
    private readonly queries: RequestsQueryService,
  ) {}

  private async done(p: Principal, id: string): Promise<RequestDetailView> {
    return this.queries.detail(p, id);
  }

  @Post('confirm-receipt')
  @HttpCode(200)
  @RequirePermission('cases.handle')
  @ApiOperation({
    summary: 'Confirm receipt of an online/fax/e-mail application (R-RCV-04, D-2 manual)',
  })
  @ApiOkResponse({ type: RequestDetailView })
  async confirmReceipt(
    @CurrentPrincipal() p: Principal,
    @IdParam() id: string,
    @Body() dto: A.ConfirmReceiptDto,
    @Headers('if-match') m?: string,
  ) {
    await this.receipts.confirmReceipt(p, id, dto, ifMatch(m));
    return this.done(p, id);
  }

  @Post('correct-receipt-date')
  @HttpCode(200)
  @RequirePermission('cases.handle')
  @ApiOperation({
    summary:
      'Correct a wrong date of receipt, with a reason: the dates are recomputed, letters issued stay as issued, a corrected receipt is issued',
  })
  @ApiOkResponse({ type: RequestDetailView })
  async correctReceiptDate(
    @CurrentPrincipal() p: Principal,
    @IdParam() id: string,
    @Body() dto: A.CorrectReceiptDateDto,
    @Headers('if-match') m?: string,
  ) {
    await this.receipts.correctReceiptDate(p, id, dto, ifMatch(m));
    return this.done(p, id);
  }

  @Post('assign')
  @HttpCode(200)
  @RequirePermission('cases.handle', 'cases.approve')
  @ApiOperation({ summary: 'Assign the case to a clerk of its agency (clerks and supervisors)' })
  @ApiOkResponse({ type: RequestDetailView })
  async assign(
    @CurrentPrincipal() p: Principal,
    @IdParam() id: string,
    @Body() dto: A.AssignDto,
    @Headers('if-match') m?: string,
  ) {
    await this.workflow.assign(p, id, dto, ifMatch(m));
    return this.done(p, id);
  }

  @Post('request-correction')
  @HttpCode(200)
  @RequirePermission('cases.handle')
  @ApiOperation({
    summary:
      'Send the one-time correction notice with its period (Art 30; due within 7 WD of receipt)',
  })
  @ApiOkResponse({ type: RequestDetailView })
  async requestCorrection(
    @CurrentPrincipal() p: Principal,
    @IdParam() id: string,
    @Body() dto: A.RequestCorrectionDto,
    @Headers('if-match') m?: string,
  ) {
    await this.workflow.requestCorrection(p, id, dto, ifMatch(m));
    return this.done(p, id);
  }

  @Post('record-correction')
  @HttpCode(200)
  @RequirePermission('self.write')
  @ApiOperation({
    summary:
      'Answer a correction notice (applicant) or record the corrected application (clerk); the clock restarts',
  })
  @ApiOkResponse({ type: RequestDetailView })
  async recordCorrection(
    @CurrentPrincipal() p: Principal,
    @IdParam() id: string,
    @Body() dto: A.RecordCorrectionDto,
    @Headers('if-match') m?: string,
  ) {
    await this.workflow.recordCorrection(p, id, dto, ifMatch(m));
    return this.done(p, id);
  }

  @Post('abandon-correction')
  @HttpCode(200)
  @RequirePermission('cases.handle')
  @ApiOperation({
    summary: 'Close as deemed abandoned after the correction period passed (R-COR-04)',
  })
  @ApiOkResponse({ type: RequestDetailView })
  async abandonCorrection(
    @CurrentPrincipal() p: Principal,
    @IdParam() id: string,
    @Headers('if-match') m?: string,
  ) {
    await this.workflow.abandonCorrection(p, id, ifMatch(m));
    return this.done(p, id);
  }

  @Post('start-consultation')
  @HttpCode(200)
  @RequirePermission('cases.handle')
  @ApiOperation({
    summary: 'Consult a third party (Art 32) or another agency (Art 34); pauses the clock',
  })
  @ApiOkResponse({ type: RequestDetailView })
  async startConsultation(
    @CurrentPrincipal() p: Principal,
    @IdParam() id: string,
    @Body() dto: A.StartConsultationDto,
    @Headers('if-match') m?: string,
  ) {
    await this.clock.startConsultation(p, id, dto, ifMatch(m));
    return this.done(p, id);
  }

  @Post('close-consultation')
  @HttpCode(200)
  @RequirePermission('cases.handle')
  @ApiOperation({
    summary: "Record the party's answer, or its silence after 15 WD (Art 34: deemed consent)",
  })
  @ApiOkResponse({ type: RequestDetailView })
  async closeConsultation(
    @CurrentPrincipal() p: Principal,
    @IdParam() id: string,
    @Body() dto: A.CloseConsultationDto,
    @Headers('if-match') m?: string,
  ) {
    await this.clock.closeConsultation(p, id, dto, ifMatch(m));
    return this.done(p, id);
  }

  @Post('request-extension')
  @HttpCode(200)
  @RequirePermission('cases.handle')
  @ApiOperation({
    summary: 'Ask a supervisor to extend the reply period (once, ≤ 20 WD, before the due date)',
  })
  @ApiOkResponse({ type: RequestDetailView })
  async requestExtension(
    @CurrentPrincipal() p: Principal,
    @IdParam() id: string,
    @Body() dto: A.RequestExtensionDto,
    @Headers('if-match') m?: string,
  ) {
    await this.clock.requestExtension(p, id, dto, ifMatch(m));
    return this.done(p, id);
  }

  @Post('decide-extension')
  @HttpCode(200)
  @RequirePermission('cases.approve')
  @ApiOperation({
    summary:
      'Approve or refuse the extension (supervisors; approval only on or before the due date)',
  })
  @ApiOkResponse({ type: RequestDetailView })
  async decideExtension(
    @CurrentPrincipal() p: Principal,
    @IdParam() id: string,
    @Body() dto: A.DecideExtensionDto,
    @Headers('if-match') m?: string,
  ) {
    await this.clock.decideExtension(p, id, dto, ifMatch(m));
    return this.done(p, id);
  }

  @Post('record-deferral')
  @HttpCode(200)
  @RequirePermission('cases.handle')
  @ApiOperation({ summary: 'Set an Art 35 delayed reply date with its reason' })
  @ApiOkResponse({ type: RequestDetailView })
  async recordDeferral(
    @CurrentPrincipal() p: Principal,
    @IdParam() id: string,
    @Body() dto: A.RecordDeferralDto,
    @Headers('if-match') m?: string,
  ) {
    await this.clock.recordDeferral(p, id, dto, ifMatch(m));
    return this.done(p, id);
  }

  @Post('reply')
  @HttpCode(200)
  @RequirePermission('cases.handle')
  @ApiOperation({
    summary: 'Reply with a reply type and legal basis (partial disclosure lists what was withheld)',
  })
  @ApiOkResponse({ type: RequestDetailView })
  async reply(
    @CurrentPrincipal() p: Principal,
    @IdParam() id: string,
    @Body() dto: A.ReplyDto,
    @Headers('if-match') m?: string,
  ) {
    await this.workflow.reply(p, id, dto, ifMatch(m));
    return this.done(p, id);
  }

  @Post('record-service')
  @HttpCode(200)
  @RequirePermission('cases.handle')
  @ApiOperation({
    summary:
      'Record service of the reply; on time is judged on the signing or posting day (R-DEL-03)',
  })
  @ApiOkResponse({ type: RequestDetailView })
  async recordService(
    @CurrentPrincipal() p: Principal,
    @IdParam() id: string,
    @Body() dto: A.RecordServiceDto,
    @Headers('if-match') m?: string,
  ) {
    await this.workflow.recordService(p, id, dto, ifMatch(m));
    return this.done(p, id);
  }

  @Post('withdraw')
  @HttpCode(200)
  @RequirePermission('self.write')
  @ApiOperation({
    summary: 'Withdraw the application (applicant, or a clerk recording a withdrawal)',
  })
  @ApiOkResponse({ type: RequestDetailView })
  async withdraw(
    @CurrentPrincipal() p: Principal,
    @IdParam() id: string,
    @Body() dto: A.ReasonDto,
    @Headers('if-match') m?: string,
  ) {
    await this.workflow.withdraw(p, id, dto.reason, ifMatch(m));
    return this.done(p, id);
  }

  @Post('request-reasons')
  @HttpCode(200)
  @RequirePermission('cases.handle')
  @ApiOperation({
    summary:
      'Art 35: ask the applicant for the reasons of an unreasonable volume (the clock keeps running, D-19)',
  })
  @ApiOkResponse({ type: RequestDetailView })
  async requestReasons(
    @CurrentPrincipal() p: Principal,
    @IdParam() id: string,
    @Body() dto: A.RequestReasonsDto,
    @Headers('if-match') m?: string,
  ) {
    await this.clock.requestReasons(p, id, dto, ifMatch(m));
    return this.done(p, id);
  }

  @Post('record-reasons')
  @HttpCode(200)
  @RequirePermission('self.write')
  @ApiOperation({
    summary: "Art 35: the applicant's reasons (given by the applicant, or recorded by a clerk)",
  })
  @ApiOkResponse({ type: RequestDetailView })
  async recordReasons(
    @CurrentPrincipal() p: Principal,
    @IdParam() id: string,
    @Body() dto: A.RecordReasonsDto,
    @Headers('if-match') m?: string,
  ) {
    await this.clock.recordReasons(p, id, dto, ifMatch(m));
    return this.done(p, id);
  }

  @Post('reopen')
  @HttpCode(200)
  @RequirePermission('cases.handle')
  @ApiOperation({
    summary:
      'D-18: reopen a concluded case a reconsideration decision or judgment ordered answered again',
  })
  @ApiOkResponse({ type: RequestDetailView })
  async reopen(
    @CurrentPrincipal() p: Principal,
    @IdParam() id: string,
    @Body() dto: A.ReopenDto,
    @Headers('if-match') m?: string,
  ) {
    await this.workflow.reopen(p, id, dto, ifMatch(m));
    return this.done(p, id);
  }
}
