import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import {
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  MaxLength,
} from 'class-validator';
import { IsAgencyCode } from './agency-code.validator';
import { IsPostcode, QueryBoolean } from '../../../infra/http/input/validators';
import {
  AGENCY_KINDS,
  CHANNELS,
  ONLINE_CONFIRMATION,
  type AgencyKind,
  type Channel,
  type OnlineConfirmation,
} from '../domain/agency';

/** Body of POST /api/v1/agencies. */
export class CreateAgencyDto {
  @ApiProperty({
    example: 'DQ-GA',
    description: 'Stable code used in reference numbers; never reused',
  })
  @IsAgencyCode()
  code: string;

  @ApiProperty({ example: '大庆市公安局' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ enum: AGENCY_KINDS })
  @IsIn(AGENCY_KINDS)
  kind: AgencyKind;

  @ApiProperty({ example: 'DQ', description: 'Code of the parent agency' })
  @IsAgencyCode()
  parentCode: string;

  @ApiPropertyOptional({
    enum: CHANNELS,
    isArray: true,
    description: 'Channels announced in the OGI guide',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(CHANNELS, { each: true })
  channels?: Channel[];

  @ApiPropertyOptional({ enum: ONLINE_CONFIRMATION })
  @IsOptional()
  @IsIn(ONLINE_CONFIRMATION)
  onlineConfirmation?: OnlineConfirmation;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) address?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsPostcode()
  postcode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) website?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) reconsiderationBody?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) court?: string;
}

/** Body of PATCH /api/v1/agencies/:code (rename, contacts, channels). */
export class UpdateAgencyDto extends PartialType(
  PickType(CreateAgencyDto, [
    'name',
    'kind',
    'channels',
    'onlineConfirmation',
    'address',
    'postcode',
    'phone',
    'email',
    'website',
    'reconsiderationBody',
    'court',
  ] as const),
) {}

/** Body of POST /api/v1/agencies/:code/move. */
export class MoveAgencyDto {
  @ApiProperty({ example: 'DQ' })
  @IsAgencyCode()
  parentCode: string;
}

/** Body of POST /api/v1/agencies/:code/deactivate. */
export class DeactivateAgencyDto {
  @ApiPropertyOptional({
    example: 'DQ-JT',
    description: 'The agency taking over the open cases (required while there are any)',
  })
  @IsOptional()
  @IsAgencyCode()
  successorCode?: string;
}

/** Query of GET /api/v1/agencies. */
export class ListAgenciesQueryDto {
  @ApiPropertyOptional({ description: 'Only the children of this agency' })
  @IsOptional()
  @IsAgencyCode()
  parentCode?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Include deactivated agencies' })
  @IsOptional()
  @QueryBoolean()
  includeInactive?: boolean;
}
