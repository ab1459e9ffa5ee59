import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsYear } from '../../../infra/http/input/validators';
import { IsAgencyCode } from '../../agencies/dto/agency-code.validator';

const SECTIONS = ['overview', 'problems', 'improvements', 'other'] as const;

/** Body of PUT /api/v1/reports/narrative: one edited section of a report. */
export class NarrativeEditDto {
  @ApiProperty({ example: 2026 }) @IsYear() year: number;
  @ApiProperty({ example: 'DQ-GA' }) @IsAgencyCode() agencyCode: string;
  @ApiPropertyOptional({ description: 'The report of the whole subtree (default false)' })
  @IsOptional()
  @IsBoolean()
  subtree?: boolean;
  @ApiProperty({
    enum: SECTIONS,
    description:
      '2021 / 2019 trial: overview (一), problems (五), other (六); 2008: overview (概述), problems, improvements',
  })
  @IsIn(SECTIONS)
  section: (typeof SECTIONS)[number];
  @ApiProperty({ description: 'At most 1,000 characters for section 一 (2021, trial)' })
  @IsString()
  @Length(1, 20_000)
  text: string;
}
