import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import { IsYear } from '../../../infra/http/input/validators';
import { IsAgencyCode } from '../../agencies/dto/agency-code.validator';

/** Body of the workflow actions (review, reopen, publish): which report. */
export class ReportActionDto {
  @ApiProperty({ example: 2026 }) @IsYear() year: number;
  @ApiProperty({ example: 'DQ-GA' }) @IsAgencyCode() agencyCode: string;
  @ApiPropertyOptional({ description: 'The report of the whole subtree (default false)' })
  @IsOptional()
  @IsBoolean()
  subtree?: boolean;
}

/** Body of POST /api/v1/reports/annual/correction: why the published report is corrected. */
export class ReportCorrectionDto extends ReportActionDto {
  @ApiProperty({ example: '补录2026年12月收到的1件申请，更正结转下年度数量。' })
  @IsString()
  @Length(1, 2000)
  note: string;
}
