import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsYear } from '../../../infra/http/input/validators';
import { IsAgencyCode } from '../../agencies/dto/agency-code.validator';
import { PageQueryDto } from '../page-query.dto';

/** The board's query: one agency's subtree (else all within reach); a decision just made. */
export class BoardQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'DQ-GA' })
  @IsOptional()
  @IsAgencyCode()
  agencyCode?: string;

  /** Shown once after an extension decision (Post/Redirect/Get): the case's reference. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  decided?: string;
}

/** The charts' query: the year (default this year) and one agency's subtree. */
export class ChartsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'DQ-GA' })
  @IsOptional()
  @IsAgencyCode()
  agencyCode?: string;

  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @IsYear()
  year?: number;
}
