import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { AGENCY_CODE } from '../../agencies/domain/agency';
import { CASE_STATUSES, type CaseStatus } from '../domain/case-status';
import { REPLY_TYPES, type ReplyType } from '../../law/domain/reply-type';

/** Query of GET /api/v1/requests (and its CSV export). */
export class ListRequestsDto {
  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;
  @ApiPropertyOptional({ description: 'Agency code: that agency and its subtree' })
  @IsOptional()
  @Matches(AGENCY_CODE)
  agencyCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() assigneeId?: string;
  @ApiPropertyOptional({ example: '2026-03-31', description: 'Reply due on or before' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  dueBefore?: string;
  @ApiPropertyOptional({ description: 'Open and past the reply due date' })
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  overdue?: boolean;
  @ApiPropertyOptional({ enum: REPLY_TYPES })
  @IsOptional()
  @IsIn(REPLY_TYPES)
  replyType?: ReplyType;
  @ApiPropertyOptional({ enum: ['OGI-2008', 'OGI-2019'] })
  @IsOptional()
  @IsIn(['OGI-2008', 'OGI-2019'])
  regime?: 'OGI-2008' | 'OGI-2019';
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;
  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number;
}
