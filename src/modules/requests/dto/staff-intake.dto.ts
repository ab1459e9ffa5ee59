import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
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
  @ApiProperty({ description: 'Resident ID number (np) or unified social credit code' })
  @IsString()
  @Length(18, 18)
  idNumber: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsPhone()
  phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) address?: string;
  @ApiPropertyOptional() @IsOptional() @IsPostcode() postcode?: string;
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

  @ApiProperty({ type: IntakeApplicantDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => IntakeApplicantDto)
  applicant: IntakeApplicantDto;
}
