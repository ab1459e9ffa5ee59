import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, ValidateBy } from 'class-validator';
import { IsLocalDate, IsYear, QueryBoolean } from '../../../infra/http/input/validators';
import { IsAgencyCode } from '../../agencies/dto/agency-code.validator';
import { FIGURE_ITEMS, MAX_COUNT, NOT_APPLICABLE } from '../domain/figures';
import { CATEGORIES, type Category } from '../domain/register';

/** Body of POST /api/v1/proactive/items: one item of the register. */
export class CreateProactiveItemDto {
  @ApiProperty({ example: 'DQ-GA' }) @IsAgencyCode() agencyCode: string;
  @ApiProperty({ example: '2013-03-05' }) @IsLocalDate() publishedOn: string;
  @ApiProperty({ enum: CATEGORIES }) @IsIn(CATEGORIES) category: Category;
  @ApiProperty({ description: 'Published on the website (网上公开)' }) @IsBoolean() online: boolean;
  @ApiProperty({ example: '大庆市人民政府关于印发大庆市老龄事业发展“十二五”规划的通知' })
  @IsString()
  @Length(1, 500)
  title: string;
  @ApiPropertyOptional({
    description: 'Identity within the agency (default: date, category, title)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  externalRef?: string;
}

/** Query of the register and of the figures. */
export class ProactiveQueryDto {
  @ApiProperty({ example: 2026 }) @IsYear() year: number;
  @ApiProperty({ example: 'DQ-GA' }) @IsAgencyCode() agencyCode: string;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'The agency with its subtree' })
  @IsOptional()
  @QueryBoolean()
  subtree?: boolean;
}

/** A figure cell: a number or "/" (not applicable); the row's own rules are checked after. */
const IsCell = () =>
  ValidateBy({
    name: 'field-not-figure',
    constraints: [],
    validator: {
      validate: (v) =>
        v === NOT_APPLICABLE ||
        (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= MAX_COUNT),
    },
  });
const cell = (description: string) =>
  ApiPropertyOptional({
    oneOf: [{ type: 'number' }, { type: 'string', enum: ['/'] }],
    description,
  });

/**
 * Body of PUT /api/v1/proactive/figures: one row of section 二 for an agency and year, the
 * columns of the year's format (README lists them); "/" where not applicable.
 */
export class PutFigureDto {
  @ApiProperty({ example: 'DQ-GA' }) @IsAgencyCode() agencyCode: string;
  @ApiProperty({ example: 2026 }) @IsYear() year: number;
  @ApiProperty({ enum: FIGURE_ITEMS }) @IsIn(FIGURE_ITEMS) item: string;
  @cell('2021 (一): 本年制发件数') @IsOptional() @IsCell() made?: number | '/';
  @cell('2021 (一): 本年废止件数') @IsOptional() @IsCell() abolished?: number | '/';
  @cell('2021 (一): 现行有效件数') @IsOptional() @IsCell() inForce?: number | '/';
  @cell('2021 (五)(六): 本年处理决定数量; trial: 处理决定数量')
  @IsOptional()
  @IsCell()
  decisions?: number | '/';
  @cell('2021 (八): 本年收费金额（万元）; trial (九): 采购总金额（万元）')
  @IsOptional()
  @IsCell()
  amount10kYuan?: number | '/';
  @cell('trial (一): 本年新制作数量') @IsOptional() @IsCell() newlyMade?: number | '/';
  @cell('trial (一): 本年新公开数量') @IsOptional() @IsCell() newlyPublished?: number | '/';
  @cell('trial (一): 对外公开总数量') @IsOptional() @IsCell() totalPublished?: number | '/';
  @cell('trial (五)(六)(八): 上一年项目数量') @IsOptional() @IsCell() lastYearItems?: number | '/';
  @cell('trial (五)(六)(八): 本年增/减') @IsOptional() @IsCell() change?: number | '/';
  @cell('trial (九): 采购项目数量') @IsOptional() @IsCell() projects?: number | '/';
}
