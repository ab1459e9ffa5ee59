import { Body, Controller, Get, Headers, Post, Query, Req, Res } from '@nestjs/common';
import { IdParam } from '../../infra/http/input/id.pipe';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { invalidField } from '../../infra/http/domain-error';
import { AuditService } from '../audit/audit.service';
import { RequirePermission } from '../access/access.decorator';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import type { Principal } from '../access/domain/principal';
import { RequestContentDto } from './dto/create-request.dto';
import { ListRequestsDto } from './dto/list-requests.dto';
import { StaffIntakeDto } from './dto/staff-intake.dto';
import { casesCsv, type ExportRaw, withExportColumns } from './case-export';
import { IntakeService } from './intake.service';
import { FiledRequestView, RequestDetailView, RequestSummaryView } from './request.views';
import { RequestsQueryService } from './requests-query.service';

const KEY = /^[A-Za-z0-9._:-]{8,100}$/;

@ApiTags('requests')
@ApiBearerAuth()
@Controller('api/v1/requests')
export class RequestsController {
  constructor(
    private readonly intake: IntakeService,
    private readonly queries: RequestsQueryService,
    private readonly audit: AuditService,
  ) {}

  @Post()
  @RequirePermission('self.write')
  @ApiOperation({
    summary:
      'Submit an application online (applicants). Retrying with the same Idempotency-Key returns the first result.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: '8–100 characters [A-Za-z0-9._:-]',
  })
  @ApiCreatedResponse({ type: FiledRequestView })
  async create(
    @CurrentPrincipal() p: Principal,
    @Body() dto: RequestContentDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FiledRequestView> {
    if (key !== undefined && !KEY.test(key))
      throw invalidField('Idempotency-Key', 'invalid-idempotency-key');
    const filed = await this.intake.fileOnline(p, dto, key ?? null);
    if (filed.replayed) res.setHeader('Idempotent-Replayed', 'true');
    res.status(201).setHeader('Location', `/api/v1/requests/${filed.c.id}`);
    return {
      ...(await (filed.fresh
        ? this.queries.filedDetail(p, filed.fresh)
        : this.queries.detail(p, filed.c.id))),
      trackingCode: filed.trackingCode,
      receiptWithTrackingCode: filed.receiptWithTrackingCode,
    };
  }

  @Post('intake')
  @RequirePermission('cases.handle')
  @ApiOperation({
    summary: 'Register an application received in person, by post, fax, e-mail or orally (clerks)',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      '8–100 characters [A-Za-z0-9._:-]; a retry with the same key and body returns the first case (24 h), another body 422',
  })
  @ApiCreatedResponse({ type: FiledRequestView })
  async intakeByStaff(
    @CurrentPrincipal() p: Principal,
    @Body() dto: StaffIntakeDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FiledRequestView> {
    if (key !== undefined && !KEY.test(key))
      throw invalidField('Idempotency-Key', 'invalid-idempotency-key');
    const filed = await this.intake.fileByStaff(p, dto, key ?? null);
    if (filed.replayed) res.setHeader('Idempotent-Replayed', 'true');
    res.setHeader('Location', `/api/v1/requests/${filed.c.id}`);
    return {
      ...(await (filed.fresh
        ? this.queries.filedDetail(p, filed.fresh)
        : this.queries.detail(p, filed.c.id))),
      trackingCode: filed.trackingCode,
      receiptWithTrackingCode: filed.receiptWithTrackingCode,
    };
  }

  @Get()
  @RequirePermission('self.read')
  @ApiOperation({
    summary: 'Your applications (applicants) or the cases within your reach (staff), by due date',
  })
  @ApiOkResponse({ type: RequestSummaryView, isArray: true })
  list(@CurrentPrincipal() p: Principal, @Query() f: ListRequestsDto) {
    return this.queries.list(p, f);
  }

  @Get('export.csv')
  @RequirePermission('cases.read')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'The filtered case list as CSV (UTF-8 with BOM, for spreadsheet programs); audited',
  })
  async export(
    @CurrentPrincipal() p: Principal,
    @Query() f: ListRequestsDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const rows = await withExportColumns(this.queries.query(p, f))
      .take(50_000)
      .getRawAndEntities<ExportRaw>();
    const summaries = rows.entities.map((c, i) => ({
      s: this.queries.summary(c, rows.raw[i].a_code, rows.raw[i].a_name),
      raw: rows.raw[i],
    }));
    const csv = casesCsv(summaries);
    await this.audit.record({
      actorId: p.userId,
      action: 'cases.exported',
      ip: req.ip ?? null,
      details: { rows: summaries.length, filter: JSON.stringify(f) },
    });
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="requests.csv"');
    res.send('\uFEFF' + csv);
  }

  @Get(':id')
  @RequirePermission('self.read')
  @ApiOperation({
    summary:
      'One application with its timeline, due dates and reply (404 when not yours / outside your reach); staff seeing unmasked personal data are audited',
  })
  @ApiOkResponse({ type: RequestDetailView })
  get(
    @CurrentPrincipal() p: Principal,
    @IdParam() id: string,
    @Req() req: Request,
  ): Promise<RequestDetailView> {
    return this.queries.detail(p, id, req.ip ?? null);
  }
}
