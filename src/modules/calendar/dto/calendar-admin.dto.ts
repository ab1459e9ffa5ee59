import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsAgencyCode } from '../../agencies/dto/agency-code.validator';
import { IsLocalDate } from '../../../infra/http/input/validators';
import {
  OVERRIDE_KINDS,
  OVERRIDE_SCOPES,
  type OverrideKind,
  type OverrideScope,
} from '../domain/override-scope';

/** Body of POST /api/v1/calendar/overrides (R-WD-05). */
export class CreateOverrideDto {
  @ApiProperty({ example: '2024-10-10', description: 'YYYY-MM-DD' })
  @IsLocalDate()
  date: string;

  @ApiProperty({
    enum: OVERRIDE_KINDS,
    description: 'CLOSED: not a working day; OPEN: a working day',
  })
  @IsIn(OVERRIDE_KINDS)
  kind: OverrideKind;

  @ApiProperty({
    enum: OVERRIDE_SCOPES,
    description:
      'NATIONAL_CORRECTION (root administrators; applies to every deadline), PROVINCE (the ' +
      "agency's whole subtree) or AGENCY (that agency only)",
  })
  @IsIn(OVERRIDE_SCOPES)
  scope: OverrideScope;

  @ApiPropertyOptional({ example: 'DQ-GA', description: 'Required for PROVINCE and AGENCY' })
  @IsOptional()
  @IsAgencyCode()
  agencyCode?: string;

  @ApiProperty({
    example: '大庆市人民政府办公室关于……的通知（庆政办发〔2024〕12号）',
    description: 'Legal basis of the override (required, R-WD-05)',
  })
  @IsString()
  @Length(1, 1000)
  basis: string;

  @ApiPropertyOptional({ example: '办公楼检修' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;
}

/** Query of GET /api/v1/calendar/overrides. */
export class ListOverridesQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Include removed overrides (history)',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeDeleted?: string;
}

/** Query of POST /api/v1/calendar/years. */
export class ImportYearQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Replace a year already loaded (bundled dataset or an earlier import)',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  replace?: string;
}
