import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsYear, YEAR_MAX, YEAR_MIN } from '../../../infra/http/input/validators';
import { IsAgencyCode } from '../../agencies/dto/agency-code.validator';

/** Query of GET /api/v1/supervision/overdue. */
export class WatchlistQueryDto {
  @ApiPropertyOptional({ description: 'That agency and its subtree (within your reach)' })
  @IsOptional()
  @IsAgencyCode()
  agencyCode?: string;
}

/** Query of GET /api/v1/supervision/stats. */
export class StatsQueryDto extends WatchlistQueryDto {
  @ApiProperty({ example: 2026, minimum: YEAR_MIN, maximum: YEAR_MAX })
  @IsYear()
  year: number;
}
