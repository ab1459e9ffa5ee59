import type { IdProofType } from '../domain/identity';
import { IdNumberField, IdTypeField } from './id-proof.fields';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsPhone, IsPostcode } from '../../../infra/http/input/validators';
import { APPLICANT_CATEGORIES, type ApplicantCategory } from '../domain/applicant';

/** Body of POST /api/v1/auth/register (self-registration of an applicant). */
export class RegisterApplicantDto {
  @ApiProperty({ example: 'zhang.san@example.com' })
  @IsEmail()
  @MaxLength(200)
  email: string;

  @ApiProperty({
    example: 'correct-horse-42',
    description: 'At least 10 characters with letters and digits',
  })
  @IsString()
  @Length(1, 200)
  password: string;

  @ApiProperty({
    enum: APPLICANT_CATEGORIES,
    description:
      'np 自然人 | biz 商业企业 | res 科研机构 | npo 社会公益组织 | law 法律服务机构 | oth 其他',
  })
  @IsIn(APPLICANT_CATEGORIES)
  category: ApplicantCategory;

  @ApiProperty({ example: '张三', description: "Person's or organisation's name" })
  @IsString()
  @Length(1, 200)
  name: string;

  @IdTypeField() idType?: IdProofType;
  @IdNumberField() idNumber: string;

  @ApiPropertyOptional({ example: '13812345678' })
  @IsOptional()
  @IsPhone()
  phone?: string;

  @ApiPropertyOptional({ example: '黑龙江省大庆市萨尔图区某路1号' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;

  @ApiPropertyOptional({ example: '163000' })
  @IsOptional()
  @IsPostcode()
  postcode?: string;
}
