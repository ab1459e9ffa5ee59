import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGENCY_DETAIL_FIELDS,
  AGENCY_KINDS,
  CHANNELS,
  ONLINE_CONFIRMATION,
  type AgencyKind,
  type Channel,
  type OnlineConfirmation,
} from './domain/agency';
import type { Agency } from './agency.entity';

/** An agency as the API returns it. */
export class AgencyView {
  @ApiProperty({ example: 'DQ-GA' }) code: string;
  @ApiProperty({ example: '大庆市公安局' }) name: string;
  @ApiProperty({ enum: AGENCY_KINDS }) kind: AgencyKind;
  @ApiProperty({ nullable: true, example: 'DQ' }) parentCode: string | null;
  @ApiProperty({ enum: CHANNELS, isArray: true }) channels: Channel[];
  @ApiProperty({ enum: ONLINE_CONFIRMATION }) onlineConfirmation: OnlineConfirmation;
  @ApiPropertyOptional({ nullable: true }) address: string | null;
  @ApiPropertyOptional({ nullable: true }) postcode: string | null;
  @ApiPropertyOptional({ nullable: true }) phone: string | null;
  @ApiPropertyOptional({ nullable: true }) fax: string | null;
  @ApiPropertyOptional({ nullable: true }) email: string | null;
  @ApiPropertyOptional({ nullable: true }) website: string | null;
  @ApiPropertyOptional({ nullable: true }) internetContact: string | null;
  @ApiPropertyOptional({ nullable: true }) officeHours: string | null;
  @ApiPropertyOptional({ nullable: true }) paymentInstructions: string | null;
  @ApiPropertyOptional({ nullable: true, example: '大庆市人民政府' }) reconsiderationBody:
    string | null;
  @ApiPropertyOptional({ nullable: true, example: '大庆市萨尔图区人民法院' }) court: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty() depth: number;

  static of(a: Agency, parentCode: string | null): AgencyView {
    const v = new AgencyView();
    Object.assign(v, {
      code: a.code,
      name: a.name,
      kind: a.kind,
      parentCode,
      channels: a.channels,
      onlineConfirmation: a.onlineConfirmation,
      ...Object.fromEntries(AGENCY_DETAIL_FIELDS.map((f) => [f, a[f]])),
      active: a.active,
      depth: a.depth,
    });
    return v;
  }
}
