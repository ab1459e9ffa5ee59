import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { BoundedInt } from '../../../infra/http/input/validators';

/** Query of GET /api/v1/audit. */
export class AuditQueryDto {
  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @BoundedInt(1, 1000)
  limit?: number;
}
