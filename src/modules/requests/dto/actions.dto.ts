import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsLocalDate, IsInstant } from '../../../infra/http/input/validators';
import { FeeMethod } from '../../fees/domain/fee-calculator';

const FEE_METHODS = Object.values(FeeMethod);
import { REPLY_TYPES, type ReplyType } from '../../law/domain/reply-type';
import { SERVICE_METHODS, type ServiceMethod } from '../domain/request-fields';

export class ConfirmReceiptDto {
  @ApiPropertyOptional({
    description: 'When receipt was confirmed with the applicant (default: now)',
  })
  @IsOptional()
  @IsInstant()
  confirmedAt?: string;
}

export class CorrectReceiptDateDto {
  @ApiProperty({ example: '2026-03-02', description: 'The right date of receipt (Art 31)' })
  @IsLocalDate()
  receivedOn: string;
  @ApiProperty({ example: '登记时误录签收日期，以邮件签收单为准。', description: 'Why (audited)' })
  @IsString()
  @Length(2, 1000)
  reason: string;
  @ApiPropertyOptional({
    default: true,
    description: 'Issue a corrected receipt letter (the earlier one stays as issued)',
  })
  @IsOptional()
  @IsBoolean()
  issueLetter?: boolean;
}

export class AssignDto {
  @ApiProperty({ description: 'A clerk of the case agency' }) @IsUUID() assigneeId: string;
}

export class RequestCorrectionDto {
  @ApiProperty({
    example: '请补充所需信息的具体年份和文件名称。',
    description: 'What must be corrected, told once (Art 30)',
  })
  @IsString()
  @Length(2, 2000)
  what: string;
  @ApiProperty({
    example: '2026-03-16',
    description: 'End of the reasonable correction period set by the agency (R-COR-02)',
  })
  @IsLocalDate()
  periodEnd: string;
}

export class RecordCorrectionDto {
  @ApiPropertyOptional({
    description: 'Day the corrected application was received (staff; default today)',
  })
  @IsOptional()
  @IsLocalDate()
  receivedOn?: string;
  @ApiProperty({ example: '所需信息为2025年1月至12月的分月统计数据。' })
  @IsString()
  @Length(2, 5000)
  correction: string;
}

export class ReasonDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

export class StartConsultationDto {
  @ApiProperty({
    enum: ['third_party', 'other_agency'],
    description: 'Art 32 third party / Art 34 other agency',
  })
  @IsIn(['third_party', 'other_agency'])
  partyKind: 'third_party' | 'other_agency';
  @ApiProperty({ example: '大庆某某有限公司' }) @IsString() @Length(1, 200) partyName: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) partyAddress?: string;
  @ApiProperty({ example: '申请公开的许可材料涉及贵公司商业秘密' })
  @IsString()
  @Length(2, 2000)
  subject: string;
  @ApiPropertyOptional({ description: 'Day the letter was sent (default today)' })
  @IsOptional()
  @IsLocalDate()
  sentOn?: string;
  @ApiPropertyOptional({ description: 'Day the party received it, when known' })
  @IsOptional()
  @IsLocalDate()
  partyReceivedOn?: string;
}

export class CloseConsultationDto {
  @ApiProperty() @IsUUID() consultationId: string;
  @ApiPropertyOptional({
    description: 'Day the party received the letter (if not recorded before)',
  })
  @IsOptional()
  @IsLocalDate()
  partyReceivedOn?: string;
  @ApiPropertyOptional({ description: "Day the party's answer arrived; omit for silence" })
  @IsOptional()
  @IsLocalDate()
  answeredOn?: string;
  @ApiProperty({ enum: ['consent', 'objection', 'silence'] })
  @IsIn(['consent', 'objection', 'silence'])
  outcome: 'consent' | 'objection' | 'silence';
}

export class IssueFeeNoticeDto {
  @ApiProperty({ enum: FEE_METHODS, description: 'One method per application (R-FEE-01)' })
  @IsIn(FEE_METHODS)
  method: FeeMethod;
  @ApiPropertyOptional({ description: 'per-volume: number of pages' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  pages?: number;
  @ApiPropertyOptional({ description: 'Day the notice was sent (default today)' })
  @IsOptional()
  @IsLocalDate()
  sentOn?: string;
  @ApiPropertyOptional({ description: 'Day the applicant received it, when known' })
  @IsOptional()
  @IsLocalDate()
  receivedOn?: string;
}

export class RecordFeePaymentDto {
  @ApiPropertyOptional({ description: 'Day of payment (default today)' })
  @IsOptional()
  @IsLocalDate()
  paidOn?: string;
  @ApiPropertyOptional({ description: 'Day the applicant received the notice, if not recorded' })
  @IsOptional()
  @IsLocalDate()
  noticeReceivedOn?: string;
}

export class ReportFeePaymentDto {
  @ApiProperty({ example: '2026-03-10', description: 'Day the fee was paid' })
  @IsLocalDate()
  paidOn: string;
  @ApiPropertyOptional({ description: 'How it was paid (bank transfer reference, receipt no.)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class RejectFeePaymentDto {
  @ApiProperty({ example: '未查询到该笔款项。', description: 'Why the payment is not confirmed' })
  @IsString()
  @Length(2, 1000)
  reason: string;
}

export class RequestExtensionDto {
  @ApiProperty({
    example: 20,
    description: '≤ 20 working days (≤ 15 under OGI-2008), once per case (D-5)',
  })
  @IsInt()
  @Min(1)
  @Max(100)
  days: number;
  @ApiProperty({ example: '涉及多个内设机构，需要会商。' })
  @IsString()
  @Length(2, 2000)
  reason: string;
}

export class DecideExtensionDto {
  @ApiProperty() @IsBoolean() approve: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class RecordDeferralDto {
  @ApiProperty({ example: '2026-06-30', description: 'Art 35 reasonable delayed reply date' })
  @IsLocalDate()
  deferralDue: string;
  @ApiProperty() @IsString() @Length(2, 2000) reason: string;
}

export class WithheldItemDto {
  @ApiProperty({ example: '第三方联系电话' }) @IsString() @Length(1, 500) item: string;
  @ApiProperty({ example: '涉及个人隐私' }) @IsString() @Length(1, 1000) reason: string;
  @ApiProperty({ example: '《政府信息公开条例》第十五条' })
  @IsString()
  @Length(1, 300)
  basis: string;
}

export class ReplyDto {
  @ApiProperty({ enum: REPLY_TYPES }) @IsIn(REPLY_TYPES) replyType: ReplyType;
  @ApiPropertyOptional({ description: 'Legal basis; defaults to the article for the reply type' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  basis?: string;
  @ApiPropertyOptional({
    description: 'The decision in words (e.g. how and where to obtain the information)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  text?: string;
  @ApiPropertyOptional({
    type: WithheldItemDto,
    isArray: true,
    description: 'PARTIAL_REDACTED: what was withheld and why (Art 37)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => WithheldItemDto)
  withheld?: WithheldItemDto[];
  @ApiPropertyOptional({
    description: 'NOT_THIS_AGENCY: the responsible agency and its contact, when known',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  responsibleAgency?: string;
  @ApiPropertyOptional({ description: 'Day of the decision (default today)' })
  @IsOptional()
  @IsLocalDate()
  repliedOn?: string;
  @ApiPropertyOptional({
    example: 'DQ-GA-2026-000012',
    description:
      'REPEAT_NOT_REPROCESSED: the earlier replied request cited (default: the one the repeat detector found)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  previousReferenceNo?: string;
}

export class RecordServiceDto {
  @ApiProperty({ enum: SERVICE_METHODS }) @IsIn(SERVICE_METHODS) method: ServiceMethod;
  @ApiProperty({
    description: 'Day the applicant signed for it, or for post the posting day (R-DEL-03)',
  })
  @IsLocalDate()
  servedOn: string;
  @ApiPropertyOptional({
    description:
      'Day the applicant received it (post: the delivery day); the remedy windows run from it',
  })
  @IsOptional()
  @IsLocalDate()
  deliveredOn?: string;
  @ApiPropertyOptional({ example: 'EMS1234567890CN', description: 'Postal tracking number' })
  @IsOptional()
  @IsString()
  @Length(4, 64)
  trackingNo?: string;
  @ApiPropertyOptional({
    description: 'An attachment of kind service_proof (signed receipt, postal record)',
  })
  @IsOptional()
  @IsUUID()
  proofAttachmentId?: string;
}

export class RequestReasonsDto {
  @ApiProperty({
    example: '您本月已提交申请120件，数量明显超过合理范围。',
    description: 'Why reasons are asked (Art 35)',
  })
  @IsString()
  @Length(2, 2000)
  why: string;
  @ApiPropertyOptional({ description: 'A reasonable day by which the reasons are asked for' })
  @IsOptional()
  @IsLocalDate()
  reasonsDueOn?: string;
}

export class RecordReasonsDto {
  @ApiProperty({ example: '用于学术研究，需要完整数据。' })
  @IsString()
  @Length(2, 5000)
  reasons: string;
  @ApiPropertyOptional({ description: 'Day the reasons arrived (staff; default today)' })
  @IsOptional()
  @IsLocalDate()
  receivedOn?: string;
}

export class ReopenDto {
  @ApiProperty({
    example: '2026-11-02',
    description: 'Day the agency received the decision or judgment ordering a new answer (D-18)',
  })
  @IsLocalDate()
  decisionReceivedOn: string;
  @ApiPropertyOptional({ description: 'The due date the decision set, when it set one' })
  @IsOptional()
  @IsLocalDate()
  orderedDue?: string;
  @ApiProperty({ example: '行政复议决定责令重新答复（大政复决字〔2026〕12号）' })
  @IsString()
  @Length(2, 2000)
  reason: string;
}
