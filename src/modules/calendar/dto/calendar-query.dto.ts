import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BoundedInt } from '../../../infra/http/input/validators';
import { IsOptional, IsString } from 'class-validator';
import { IsAgencyCode } from '../../agencies/dto/agency-code.validator';

export const DATE_HINT = 'YYYY-MM-DD (Asia/Shanghai calendar date, R-WD-06)';
export const AGENCY_HINT =
  "Agency code: that agency's province/agency overrides (R-WD-05) are applied when the " +
  'deployment enables CALENDAR_APPLY_LOCAL_OVERRIDES, otherwise listed as warnings';
/** Query of GET /api/v1/calendar/period — exactly one of calendarDays, months, workingDays. */
export class PeriodQueryDto {
  @ApiProperty({ example: '2025-08-02', description: `Start day (not counted), ${DATE_HINT}` })
  @IsString()
  from: string;

  @ApiPropertyOptional({ example: 60, description: 'Calendar days; rolls forward (R-PER-02)' })
  @IsOptional()
  @BoundedInt(0, 100_000)
  calendarDays?: number;

  @ApiPropertyOptional({ example: 6, description: 'Months; clamped to month end (R-PER-04)' })
  @IsOptional()
  @BoundedInt(0, 1_200)
  months?: number;

  @ApiPropertyOptional({ example: 20, description: 'Working days (R-CNT-02)' })
  @IsOptional()
  @BoundedInt(0, 100_000)
  workingDays?: number;
}

/** Query of GET /api/v1/calendar/days. */
export class DaysQueryDto {
  @ApiProperty({ example: '2024-09-28', description: DATE_HINT })
  @IsString()
  from: string;

  @ApiProperty({ example: '2024-10-13', description: `${DATE_HINT}; at most 400 days after from` })
  @IsString()
  to: string;

  @ApiPropertyOptional({ example: 'DQ-GA', description: AGENCY_HINT })
  @IsOptional()
  @IsAgencyCode()
  agency?: string;
}
