import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsAgencyCode } from '../../agencies/dto/agency-code.validator';
import {
  DELIVERY_ROUTES,
  INFORMATION_FORMS,
  type DeliveryRoute,
  type InformationForm,
} from '../domain/request-fields';

/** What an application asks for (OGI-2019 Art 29(2)–(3)). */
export class RequestContentDto {
  @ApiProperty({ example: 'DQ-GA' })
  @IsAgencyCode()
  agencyCode: string;

  @ApiProperty({
    example: '2025年大庆市道路交通事故统计数据',
    description: 'Title (名称) of the information',
  })
  @IsString()
  @Length(2, 300)
  title: string;

  @ApiPropertyOptional({
    example: '庆公发〔2025〕12号',
    description: 'Document number (文号), when known',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  docNo?: string;

  @ApiProperty({
    example: '申请公开2025年全市道路交通事故起数、死亡人数的分月统计。',
    description: 'A description that lets the agency find it',
  })
  @IsString()
  @Length(5, 5000)
  description: string;

  @ApiProperty({ enum: INFORMATION_FORMS })
  @IsIn(INFORMATION_FORMS)
  form: InformationForm;

  @ApiProperty({ enum: DELIVERY_ROUTES, description: 'How to obtain it (获取信息的方式、途径)' })
  @IsIn(DELIVERY_ROUTES)
  deliveryRoute: DeliveryRoute;
}
