import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../infra/http/input/id.pipe';
import { RequirePermission } from '../access/access.decorator';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import type { Principal } from '../access/domain/principal';
import * as A from './dto/actions.dto';
import { FeeActionsService } from './fee-actions.service';
import { ifMatch } from './if-match';
import { RequestDetailView } from './request.views';
import { RequestsQueryService } from './requests-query.service';

/** The fee actions of a case (国办函〔2020〕109号, D-7): notice, payment reported, confirmed, rejected. */
@ApiTags('requests')
@ApiBearerAuth()
@ApiHeader({
  name: 'If-Match',
  required: false,
  description: 'The case version you last saw; a newer version answers 409',
})
@Controller('api/v1/requests/:id')
export class FeeActionsController {
  constructor(
    private readonly fees: FeeActionsService,
    private readonly queries: RequestsQueryService,
  ) {}

  private done(p: Principal, id: string): Promise<RequestDetailView> {
    return this.queries.detail(p, id);
  }

  @Post('issue-fee-notice')
  @HttpCode(200)
  @RequirePermission('cases.handle')
  @ApiOperation({
    summary:
      'Issue the information-processing fee notice computed by the tariff (D-8); pauses the clock (D-7)',
  })
  @ApiOkResponse({ type: RequestDetailView })
  async issueFeeNotice(
    @CurrentPrincipal() p: Principal,
    @IdParam() id: string,
    @Body() dto: A.IssueFeeNoticeDto,
    @Headers('if-match') m?: string,
  ) {
    await this.fees.issueNotice(p, id, dto, ifMatch(m));
    return this.done(p, id);
  }

  @Post('report-fee-payment')
  @HttpCode(200)
  @RequirePermission('self.write')
  @ApiOperation({
    summary:
      'The applicant reports paying the fee; the clerk confirms or rejects it (automatic abandonment waits)',
  })
  @ApiOkResponse({ type: RequestDetailView })
  async reportFeePayment(
    @CurrentPrincipal() p: Principal,
    @IdParam() id: string,
    @Body() dto: A.ReportFeePaymentDto,
    @Headers('if-match') m?: string,
  ) {
    await this.fees.reportPayment(p, id, dto, ifMatch(m));
    return this.done(p, id);
  }

  @Post('record-fee-payment')
  @HttpCode(200)
  @RequirePermission('cases.handle')
  @ApiOperation({
    summary: 'Confirm payment of the fee (a clerk); the pause ends on the payment day (D-7)',
  })
  @ApiOkResponse({ type: RequestDetailView })
  async recordFeePayment(
    @CurrentPrincipal() p: Principal,
    @IdParam() id: string,
    @Body() dto: A.RecordFeePaymentDto,
    @Headers('if-match') m?: string,
  ) {
    await this.fees.recordPayment(p, id, dto, ifMatch(m));
    return this.done(p, id);
  }

  @Post('reject-fee-payment')
  @HttpCode(200)
  @RequirePermission('cases.handle')
  @ApiOperation({
    summary:
      'Do not confirm a reported payment, with a reason; past the payment deadline the case is deemed abandoned at once',
  })
  @ApiOkResponse({ type: RequestDetailView })
  async rejectFeePayment(
    @CurrentPrincipal() p: Principal,
    @IdParam() id: string,
    @Body() dto: A.RejectFeePaymentDto,
    @Headers('if-match') m?: string,
  ) {
    await this.fees.rejectPayment(p, id, dto, ifMatch(m));
    return this.done(p, id);
  }

  @Post('abandon-unpaid-fee')
  @HttpCode(200)
  @RequirePermission('cases.handle')
  @ApiOperation({
    summary: 'Close as deemed abandoned: fee unpaid 20 WD after the notice was received (R-FEE-05)',
  })
  @ApiOkResponse({ type: RequestDetailView })
  async abandonUnpaidFee(
    @CurrentPrincipal() p: Principal,
    @IdParam() id: string,
    @Headers('if-match') m?: string,
  ) {
    await this.fees.abandonUnpaid(p, id, ifMatch(m));
    return this.done(p, id);
  }
}
