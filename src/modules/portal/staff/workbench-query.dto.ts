import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { BoundedInt } from '../../../infra/http/input/validators';
import { CASE_STATUSES, type CaseStatus } from '../../requests/domain/case-status';
import { PageQueryDto } from '../page-query.dto';

/** The workbench's filters (`/staff?q=…&status=…&overdue=1&mine=1&page=2`). */
export class WorkbenchQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) q?: string;
  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;
  @ApiPropertyOptional({ enum: ['1'] }) @IsOptional() @IsIn(['1']) overdue?: '1';
  @ApiPropertyOptional({ enum: ['1'] }) @IsOptional() @IsIn(['1']) mine?: '1';
  /** Concluded cases too (the queue shows the open ones by default). */
  @ApiPropertyOptional({ enum: ['1'] }) @IsOptional() @IsIn(['1']) closed?: '1';
  @ApiPropertyOptional({ minimum: 1 }) @IsOptional() @BoundedInt(1, 100_000) page?: number;
  /** Shown once after a bulk assignment (Post/Redirect/Get): how many were assigned. */
  @ApiPropertyOptional() @IsOptional() @BoundedInt(0, 500) assigned?: number;
}
