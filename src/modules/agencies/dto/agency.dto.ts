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
  AGENCY_DETAIL_FIELDS,
  AGENCY_DETAIL_MAX_LENGTH as MAX,
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

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(MAX.address) address?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsPostcode()
  postcode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(MAX.phone) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(MAX.fax) fax?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(MAX.email) email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(MAX.website) website?: string;
  @ApiPropertyOptional({ description: 'Further internet contact for the OGI guide' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX.internetContact)
  internetContact?: string;
  @ApiPropertyOptional({ example: '工作日 8:30—11:30，13:30—17:00' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX.officeHours)
  officeHours?: string;
  @ApiPropertyOptional({ description: 'How to pay a fee: account, payee, reference to quote' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX.paymentInstructions)
  paymentInstructions?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(MAX.reconsiderationBody)
  reconsiderationBody?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(MAX.court) court?: string;
}

/** Body of PATCH /api/v1/agencies/:code (rename, contacts, channels). */
export class UpdateAgencyDto extends PartialType(
  PickType(CreateAgencyDto, [
    'name',
    'kind',
    'channels',
    'onlineConfirmation',
    ...AGENCY_DETAIL_FIELDS,
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
