import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsAgencyCode } from '../agencies/dto/agency-code.validator';

/** What every page takes in its query string: the language and the type size (适老化). */
export class PageQueryDto {
  @ApiPropertyOptional({ enum: ['zh', 'en'] })
  @IsOptional()
  @IsIn(['zh', 'en'])
  lang?: 'zh' | 'en';

  @ApiPropertyOptional({ enum: ['large', 'normal'] })
  @IsOptional()
  @IsIn(['large', 'normal'])
  size?: 'large' | 'normal';
}

/** A page opened from an e-mailed link (verification, new password): the link's token. */
export class TokenPageQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  token?: string;
}

/** The filing page, opened from an agency's guide with that agency chosen. */
export class NewRequestQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'DQ-GA' })
  @IsOptional()
  @IsAgencyCode()
  agencyCode?: string;
}

/** The sign-in page, sent from a page that needs a session: where to go back to afterwards. */
export class SignInQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '/staff' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @Matches(/^\/(?![/\\])/, { message: 'next must be a path on this site' })
  next?: string;
}
