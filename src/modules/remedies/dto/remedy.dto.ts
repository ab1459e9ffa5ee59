import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Length,
  ValidateNested,
} from 'class-validator';
import {
  BoundedInt,
  IsLocalDate,
  IsYear,
  QueryBoolean,
} from '../../../infra/http/input/validators';
import { IsAgencyCode } from '../../agencies/dto/agency-code.validator';
import {
  DECISIONS,
  PROCEDURES,
  REMEDY_KINDS,
  type Procedure,
  type RemedyKind,
  type RemedyResult,
} from '../domain/remedy';

export class DefendantDto {
  @ApiProperty({ enum: ['original', 'reconsideration_body'] })
  @IsIn(['original', 'reconsideration_body'])
  role: 'original' | 'reconsideration_body';
  @ApiProperty({ example: '大庆市公安局' }) @IsString() @Length(2, 200) name: string;
  @ApiPropertyOptional({ example: 'DQ-GA' }) @IsOptional() @IsAgencyCode() agencyCode?: string;
}

/** Body of POST /api/v1/requests/:id/remedies. */
export class CreateRemedyDto {
  @ApiProperty({ enum: REMEDY_KINDS }) @IsIn(REMEDY_KINDS) kind: RemedyKind;
  @ApiProperty({
    example: '2026-03-02',
    description: 'Applied for (reconsideration), filed (suit), received (complaint)',
  })
  @IsLocalDate()
  appliedOn: string;
  @ApiPropertyOptional({ description: 'The body or court (default: the agency data, D-20)' })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  bodyName?: string;
  @ApiPropertyOptional({ example: '大政复决字〔2026〕12号' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  bodyCaseNo?: string;
  @ApiPropertyOptional({ enum: PROCEDURES }) @IsOptional() @IsIn(PROCEDURES) procedure?: Procedure;
  @ApiPropertyOptional({
    description: 'Reconsideration: the day the body received the application',
  })
  @IsOptional()
  @IsLocalDate()
  bodyReceivedOn?: string;
  @ApiPropertyOptional({ type: DefendantDto, isArray: true, description: 'Suits (R-AR-21, D-20)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => DefendantDto)
  defendants?: DefendantDto[];
  @ApiPropertyOptional({
    description: 'Complaints: the local handling limit in working days (R-SUP-03)',
  })
  @IsOptional()
  @BoundedInt(1, 60)
  complaintLimitWd?: number;
}

/** The day of a step (accepted, docketed, refused, copy received, answered, suspended, resumed, served, withdrawn). */
export class OnDateDto {
  @ApiProperty({ example: '2026-03-09' }) @IsLocalDate() on: string;
}

export class ExtendRemedyDto {
  @ApiProperty({
    example: 30,
    description: 'Days added to the decision period (at most 30 in all, R-RV-11)',
  })
  @BoundedInt(1, 30)
  days: number;
}

export class DecideRemedyDto {
  @ApiProperty({ example: '2026-04-20', description: 'Day of the decision or judgment' })
  @IsLocalDate()
  on: string;
  @ApiProperty({ enum: DECISIONS }) @IsIn(DECISIONS) result: RemedyResult;
  @ApiPropertyOptional({
    enum: ['judgment', 'ruling'],
    description: 'Suits: appeal 15 days after a judgment, 10 after a ruling',
  })
  @IsOptional()
  @IsIn(['judgment', 'ruling'])
  form?: 'judgment' | 'ruling';
  @ApiPropertyOptional({
    description:
      'A new answer is ordered: the day the agency received the decision (reopens the case, D-18)',
  })
  @IsOptional()
  @IsLocalDate()
  reanswerReceivedOn?: string;
  @ApiPropertyOptional({ description: 'The due date the decision set for the new answer' })
  @IsOptional()
  @IsLocalDate()
  orderedDue?: string;
}

export class AppealDto {
  @ApiProperty({ example: '2026-06-01', description: 'Day the appeal was filed' })
  @IsLocalDate()
  on: string;
  @ApiPropertyOptional({
    description: 'Day the appeal court received it (the second instance runs from it, R-LT-12)',
  })
  @IsOptional()
  @IsLocalDate()
  appealReceivedOn?: string;
}

export class HandleComplaintDto {
  @ApiProperty({ example: '2026-03-20' }) @IsLocalDate() on: string;
  @ApiProperty({ example: '经核查，已责令限期改正。' })
  @IsString()
  @Length(2, 2000)
  handling: string;
}

/** Query of GET /api/v1/reports/section-four. */
export class SectionFourQueryDto {
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
