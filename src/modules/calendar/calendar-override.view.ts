import { ApiProperty } from '@nestjs/swagger';
import type { CalendarDayOverride } from './calendar-day-override.entity';
import {
  OVERRIDE_KINDS,
  OVERRIDE_SCOPES,
  scopeLabel,
  type OverrideKind,
  type OverrideScope,
} from './domain/override-scope';

/** An override (R-WD-05) as the API and `calendar overrides list` return it. */
export class OverrideView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2024-10-10' }) date: string;
  @ApiProperty({ enum: OVERRIDE_KINDS }) kind: OverrideKind;
  @ApiProperty({ enum: OVERRIDE_SCOPES }) scope: OverrideScope;
  @ApiProperty({ nullable: true, example: 'DQ-GA' }) agencyCode: string | null;
  @ApiProperty({ example: 'AGENCY:DQ-GA', description: 'R-WD-05 notation' }) scopeLabel: string;
  @ApiProperty({ example: '大庆市人民政府办公室关于……的通知（庆政办发〔2024〕12号）' })
  basis: string;
  @ApiProperty({ nullable: true, example: '办公楼检修' }) name: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, format: 'uuid' }) createdBy: string | null;
  @ApiProperty({ nullable: true }) deletedAt: string | null;
  @ApiProperty({ nullable: true, format: 'uuid' }) deletedBy: string | null;

  static of(o: CalendarDayOverride, agencyCode: string | null): OverrideView {
    return Object.assign(new OverrideView(), {
      id: o.id,
      date: o.date,
      kind: o.kind,
      scope: o.scope,
      agencyCode,
      scopeLabel: scopeLabel(o.scope, agencyCode),
      basis: o.basis,
      name: o.name,
      createdAt: o.createdAt.toISOString(),
      createdBy: o.createdBy,
      deletedAt: o.deletedAt?.toISOString() ?? null,
      deletedBy: o.deletedBy,
    });
  }
}
