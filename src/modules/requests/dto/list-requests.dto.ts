import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { BoundedInt, IsLocalDate, QueryBoolean } from '../../../infra/http/input/validators';
import { IsAgencyCode } from '../../agencies/dto/agency-code.validator';
import { CASE_STATUSES, type CaseStatus } from '../domain/case-status';
import { REPLY_TYPES, type ReplyType } from '../../law/domain/reply-type';

/** Query of GET /api/v1/requests (and its CSV export). */
export class ListRequestsDto {
  @ApiPropertyOptional({
    example: 'DQ-GA-2026',
    description:
      'Search: reference number by prefix, applicant name and title by substring, or the exact ID number (resident ID / USCC)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;
  @ApiPropertyOptional({ description: 'Agency code: that agency and its subtree' })
  @IsOptional()
  @IsAgencyCode()
  agencyCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() assigneeId?: string;
  @ApiPropertyOptional({ example: '2026-03-31', description: 'Reply due on or before' })
  @IsOptional()
  @IsLocalDate()
  dueBefore?: string;
  @ApiPropertyOptional({ description: 'Only cases the agency still owes a reply (open statuses)' })
  @IsOptional()
  @QueryBoolean()
  open?: boolean;
  @ApiPropertyOptional({ description: 'Open and past the reply due date' })
  @IsOptional()
  @QueryBoolean()
  overdue?: boolean;
  @ApiPropertyOptional({ enum: REPLY_TYPES })
  @IsOptional()
  @IsIn(REPLY_TYPES)
  replyType?: ReplyType;
  @ApiPropertyOptional({ enum: ['OGI-2008', 'OGI-2019'] })
  @IsOptional()
  @IsIn(['OGI-2008', 'OGI-2019'])
  regime?: 'OGI-2008' | 'OGI-2019';
  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 100_000 })
  @IsOptional()
  @BoundedInt(1, 100_000)
  page?: number;
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @BoundedInt(1, 500)
  pageSize?: number;
}
