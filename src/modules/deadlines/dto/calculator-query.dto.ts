import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { BoundedInt } from '../../../infra/http/input/validators';
import { ArrayMaxSize, IsIn, IsOptional, IsString } from 'class-validator';
import { IsAgencyCode } from '../../agencies/dto/agency-code.validator';
import { AGENCY_HINT, DATE_HINT } from '../../calendar/dto/calendar-query.dto';
import { FeeMethod } from '../../fees/domain/fee-calculator';

/** Query of GET /api/v1/calendar/deadline — the flags of `govinfo deadline`. */
export class DeadlineQueryDto {
  @ApiProperty({ example: '2024-09-13', description: `Date of receipt, ${DATE_HINT}` })
  @IsString()
  received: string;

  @ApiPropertyOptional({ enum: ['OGI-2008', 'OGI-2019'], description: 'Default by D-1' })
  @IsOptional()
  @IsString()
  regime?: string;

  @ApiPropertyOptional({
    example: '2025-02-20',
    description: 'Corrected application received (R-COR-03)',
  })
  @IsOptional()
  @IsString()
  correctionReceived?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['2026-09-18..2026-10-12'],
    description: 'Pause (START, END], repeatable; END empty while still open (D-6)',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }): unknown[] =>
    Array.isArray(value) ? (value as unknown[]) : [value],
  )
  @IsString({ each: true })
  @ArrayMaxSize(50)
  pause?: string[];

  @ApiPropertyOptional({
    example: 20,
    description: 'Approved extension in working days (R-DL-02, D-5)',
  })
  @IsOptional()
  @BoundedInt(0, 100)
  extension?: number;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Add the day-by-day trace' })
  @IsOptional()
  @IsIn(['true', 'false'])
  trace?: string;

  @ApiPropertyOptional({ example: 'DQ-GA', description: AGENCY_HINT })
  @IsOptional()
  @IsAgencyCode()
  agency?: string;
}

/** Query of GET /api/v1/calendar/fee — the flags of `govinfo fee` (D-8). */
export class FeeQueryDto {
  @ApiProperty({ enum: Object.values(FeeMethod), example: 'per-piece' })
  @IsIn(Object.values(FeeMethod))
  method: FeeMethod;

  @ApiPropertyOptional({
    example: 45,
    description: 'per-piece: total for N pieces in one calendar month',
  })
  @IsOptional()
  @BoundedInt(0, 1_000_000)
  monthCount?: number;

  @ApiPropertyOptional({
    example: 13,
    description: 'per-piece: fee of the K-th piece of the month',
  })
  @IsOptional()
  @BoundedInt(0, 1_000_000)
  nth?: number;

  @ApiPropertyOptional({ example: 250, description: 'per-volume: pages' })
  @IsOptional()
  @BoundedInt(0, 1_000_000)
  pages?: number;

  @ApiPropertyOptional({
    example: '2024-04-26',
    description: 'Date of receipt; no fee before 2021-01-01',
  })
  @IsOptional()
  @IsString()
  received?: string;
}
