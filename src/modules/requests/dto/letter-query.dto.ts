import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

/** Query of GET /api/v1/requests/:id/letters/:letter. */
export class LetterQueryDto {
  @ApiPropertyOptional({ description: 'consultation_letter: which consultation' })
  @IsOptional()
  @IsUUID()
  consultationId?: string;
}
