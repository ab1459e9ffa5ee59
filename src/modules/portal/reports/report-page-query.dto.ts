import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches, MaxLength } from 'class-validator';
import { IsYear } from '../../../infra/http/input/validators';
import { PageQueryDto } from '../page-query.dto';

/** What a reporting officer's form did, said on the page it redirects to (Post/Redirect/Get). */
export const REPORT_DONE = [
  'figures',
  'unchanged',
  'item',
  'narrative',
  'review',
  'reopen',
  'publish',
  'correct',
] as const;
export type ReportDone = (typeof REPORT_DONE)[number];

/** A report page: whole subtree or not (`subtree=1`), and what the last form did. */
export class ReportPageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['1', '0', 'true', 'false'] })
  @IsOptional()
  @IsIn(['1', '0', 'true', 'false'])
  subtree?: string;

  @ApiPropertyOptional({ enum: REPORT_DONE })
  @IsOptional()
  @IsIn(REPORT_DONE)
  done?: ReportDone;

  @ApiPropertyOptional({ description: 'The section 二 rows a save changed (items, commas)' })
  @IsOptional()
  @MaxLength(300)
  @Matches(/^[a-z_,]*$/)
  changed?: string;
}

/** The list of reports: which year (default last year). */
export class ReportListQueryDto extends ReportPageQueryDto {
  @ApiPropertyOptional({ example: 2025 })
  @IsOptional()
  @IsYear()
  year?: number;
}

export const isSubtree = (v: unknown) => v === '1' || v === 'true';
