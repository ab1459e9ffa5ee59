import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { BoundedInt } from '../../../infra/http/input/validators';
import { PageQueryDto } from '../page-query.dto';

/** What an administrators' form did, said on the page it redirects to (Post/Redirect/Get). */
export const ADMIN_DONE = [
  'created',
  'saved',
  'moved',
  'deactivated',
  'invited',
  'granted',
  'revoked',
  'imported',
  'unchanged',
  'added',
  'removed',
] as const;
export type AdminDone = (typeof ADMIN_DONE)[number];

/** An administrators' page: the language, type size and what the last form did. */
export class AdminPageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ADMIN_DONE })
  @IsOptional()
  @IsIn(ADMIN_DONE)
  done?: AdminDone;
}

/** The audit log page's filters (the API's: an action or a family of actions, how many). */
export class AuditPageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'personal-data' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[a-z][a-z.-]*$/)
  action?: string;

  @ApiPropertyOptional({ default: 100 })
  @IsOptional()
  @BoundedInt(1, 1000)
  limit?: number;
}
