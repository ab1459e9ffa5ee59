import type { IdProofType } from '../../accounts/domain/identity';
import { IdNumberField, IdTypeField } from '../../accounts/dto/id-proof.fields';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsEmail,
  IsObject,
  IsIn,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsInstant, IsPhone, IsPostcode } from '../../../infra/http/input/validators';
import { APPLICANT_CATEGORIES, type ApplicantCategory } from '../../accounts/domain/applicant';
import { CHANNELS, type Channel } from '../../agencies/domain/agency';
import { RequestContentDto } from './create-request.dto';

export class IntakeApplicantDto {
  @ApiProperty({ enum: APPLICANT_CATEGORIES })
  @IsIn(APPLICANT_CATEGORIES)
  category: ApplicantCategory;
  @ApiProperty({ example: '张三' }) @IsString() @Length(1, 200) name: string;
  @IdTypeField() idType?: IdProofType;
  @IdNumberField() idNumber: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsPhone()
  phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) address?: string;
  @ApiPropertyOptional() @IsOptional() @IsPostcode() postcode?: string;
}

/** Art 29: an oral application, recorded by the office on the applicant's behalf. */
export class OralFilingDto {
  @ApiProperty({
    example: '申请人年事已高，书写困难。',
    description: 'Why writing the application is difficult for the applicant (Art 29)',
  })
  @IsString()
  @Length(2, 1000)
  writingDifficulty: string;
  @ApiProperty({
    description: 'The applicant confirmed the form the office filled in (read back and agreed)',
  })
  @IsBoolean()
  confirmedByApplicant: boolean;
}

/** Staff intake of an application that arrived in person, by post, fax, e-mail or orally. */
export class StaffIntakeDto extends RequestContentDto {
  @ApiProperty({
    enum: CHANNELS,
    description: 'A channel the agency has not announced is refused, except in person and post',
  })
  @IsIn(CHANNELS)
  channel: Channel;

  @ApiPropertyOptional({
    enum: ['signed', 'ordinary'],
    description: 'post: signed for (registered/EMS) or ordinary letter',
  })
  @IsOptional()
  @IsIn(['signed', 'ordinary'])
  postKind?: 'signed' | 'ordinary';

  @ApiProperty({
    example: '2026-03-02T09:30:00+08:00',
    description: 'When it was handed in / arrived',
  })
  @IsInstant()
  submittedAt: string;

  @ApiPropertyOptional({ description: 'post signed for: when the agency signed (R-RCV-02)' })
  @IsOptional()
  @IsInstant()
  signedAt?: string;

  @ApiPropertyOptional({
    description:
      'ordinary letter, fax, e-mail: when receipt was confirmed with the applicant (R-RCV-03/04)',
  })
  @IsOptional()
  @IsInstant()
  confirmedAt?: string;

  @ApiPropertyOptional({ type: OralFilingDto, description: 'oral: required (Art 29)' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => OralFilingDto)
  oral?: OralFilingDto;

  @ApiProperty({ type: IntakeApplicantDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => IntakeApplicantDto)
  applicant: IntakeApplicantDto;
}
