import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { BoundedInt } from '../../../infra/http/input/validators';

/** Query of GET /api/v1/audit. */
export class AuditQueryDto {
  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @BoundedInt(1, 1000)
  limit?: number;

  @ApiPropertyOptional({
    example: 'personal-data',
    description:
      'One action (`personal-data.viewed`) or a family of them (`personal-data`: unmasked personal data viewed or downloaded)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[a-z][a-z.-]*$/)
  action?: string;
}
