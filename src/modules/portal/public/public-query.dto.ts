import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../page-query.dto';

/** A published report's page: the whole subtree's report or the agency's own, and a version. */
export class PublicReportQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['1', '0'] })
  @IsOptional()
  @IsIn(['1', '0', 'true', 'false'])
  subtree?: string;

  @ApiPropertyOptional({ example: '2' })
  @IsOptional()
  @Matches(/^[1-9]\d{0,5}$/)
  version?: string;
}

/** The statistics page: a year (this year by default) and the scope. */
export class PublicStatisticsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '2026' })
  @IsOptional()
  @Matches(/^\d{4}$/)
  year?: string;

  @ApiPropertyOptional({ enum: ['1', '0'] })
  @IsOptional()
  @IsIn(['1', '0', 'true', 'false'])
  subtree?: string;
}

export const isSubtree = (v: string | undefined) => v === '1' || v === 'true';
