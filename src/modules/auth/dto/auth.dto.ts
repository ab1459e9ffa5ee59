import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'zhang.san@example.com' })
  @IsEmail()
  @MaxLength(200)
  email: string;

  @ApiProperty()
  @IsString()
  @Length(1, 200)
  password: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @Length(10, 200)
  refreshToken: string;
}

export class TokenDto {
  @ApiProperty()
  @IsString()
  @Length(10, 200)
  token: string;
}

export class ForgotPasswordDto {
  @ApiProperty()
  @IsEmail()
  @MaxLength(200)
  email: string;
}

export class ResetPasswordDto {
  @ApiProperty({ description: 'The reset code from the e-mail' })
  @IsString()
  @Length(10, 200)
  token: string;

  @ApiProperty({ description: 'At least 10 characters with letters and digits' })
  @IsString()
  @Length(1, 200)
  password: string;
}

export class TokensView {
  @ApiProperty() accessToken: string;
  @ApiProperty() accessTokenExpiresAt: string;
  @ApiProperty() refreshToken: string;
  @ApiProperty() refreshTokenExpiresAt: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: string;
}
