import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsYear, QueryBoolean } from '../../../infra/http/input/validators';
import { IsAgencyCode } from '../../agencies/dto/agency-code.validator';
import { REPORT_FORMATS, type ReportFormat } from '../domain/report-format';
import { OUTPUT_FORMATS, type OutputFormat } from '../render/render-report';

/** Query of GET /api/v1/reports/annual. */
export class AnnualReportQueryDto {
  @ApiProperty({ example: 2026 }) @IsYear() year: number;
  @ApiProperty({ example: 'DQ-GA' }) @IsAgencyCode() agencyCode: string;
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'The agency with its whole subtree',
  })
  @IsOptional()
  @QueryBoolean()
  subtree?: boolean;
  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    description: "Another format than the year's: a preview, marked as such",
  })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  formatVersion?: ReportFormat;
  @ApiPropertyOptional({ enum: OUTPUT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(OUTPUT_FORMATS)
  format?: OutputFormat;
}

/** Which report: year, agency, and whether its whole subtree. */
export class ReportScopeQueryDto {
  @ApiProperty({ example: 2026 }) @IsYear() year: number;
  @ApiProperty({ example: 'DQ-GA' }) @IsAgencyCode() agencyCode: string;
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'The agency with its whole subtree',
  })
  @IsOptional()
  @QueryBoolean()
  subtree?: boolean;
}
