import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Inject,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/app-config';
import { Public } from '../../infra/http/public.decorator';
import { AccountsService } from '../accounts/accounts.service';
import { RegisterApplicantDto } from '../accounts/dto/register.dto';
import { RequirePermission } from '../access/access.decorator';
import { AuthService, type IssuedSession } from './auth.service';
import { CurrentSessionId } from '../access/current-principal.decorator';
import {
  ForgotPasswordDto,
  LoginDto,
  RefreshDto,
  ResetPasswordDto,
  TokenDto,
  TokensView,
} from './dto/auth.dto';
import { SESSION_COOKIE } from '../access/request-auth';

/**
 * Other public account routes: attempts per minute per client IP. Sign-in itself counts only
 * failures (AuthService, SIGN_IN_FAILURES_PER_IP), on top of the per-account lockout.
 */
const LOGIN_THROTTLE = { default: { limit: 10, ttl: 60_000 } };

const tokensView = (s: IssuedSession): TokensView => ({
  accessToken: s.accessToken,
  accessTokenExpiresAt: s.accessExpiresAt.toISOString(),
  refreshToken: s.refreshToken as string,
  refreshTokenExpiresAt: s.expiresAt.toISOString(),
  tokenType: 'Bearer',
});

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('register')
  @Public()
  @Throttle(LOGIN_THROTTLE)
  @ApiOperation({ summary: 'Register as an applicant; a verification link is e-mailed' })
  @ApiCreatedResponse({ description: '{ id, email, emailVerified: false }' })
  async register(@Body() dto: RegisterApplicantDto, @Req() req: Request) {
    const user = await this.accounts.registerApplicant(dto, req.ip ?? null);
    return { id: user.id, email: user.email, emailVerified: false };
  }

  @Get('verify-email')
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({
    summary: 'The link in the verification e-mail: verifies and shows a confirmation page',
  })
  async verifyLink(@Query() q: TokenDto): Promise<string> {
    await this.auth.verifyEmail(q.token);
    return '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>邮箱已验证</title><body style="font-family:sans-serif;max-width:40rem;margin:3rem auto"><h1>邮箱已验证</h1><p>现在可以登录了。</p><p lang="en">Your e-mail address is verified. You can sign in now.</p></body></html>';
  }

  @Post('verify-email')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Verify an e-mail address with the token from the e-mail' })
  @ApiNoContentResponse()
  async verify(@Body() dto: TokenDto): Promise<void> {
    await this.auth.verifyEmail(dto.token);
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in for API use: a short-lived access token and a refresh token' })
  @ApiOkResponse({ type: TokensView })
  async login(@Body() dto: LoginDto, @Req() req: Request): Promise<TokensView> {
    return tokensView(await this.auth.login(dto.email, dto.password, 'api', req.ip ?? null));
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @Throttle(LOGIN_THROTTLE)
  @ApiOperation({
    summary: 'Exchange a refresh token for new tokens (the old refresh token stops working)',
  })
  @ApiOkResponse({ type: TokensView })
  async refresh(@Body() dto: RefreshDto): Promise<TokensView> {
    return tokensView(await this.auth.refresh(dto.refreshToken));
  }

  @Post('session')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign in to the portal: sets an HttpOnly session cookie' })
  async session(
    @Body() dto: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    const s = await this.auth.login(dto.email, dto.password, 'cookie', req.ip ?? null);
    res.cookie(SESSION_COOKIE, s.accessToken, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.http.publicUrl.startsWith('https://'),
      expires: s.expiresAt,
      path: '/',
    });
  }

  @Post('logout')
  @RequirePermission('self.write')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Sign out: revokes the current token or session cookie' })
  async logout(
    @CurrentSessionId() sessionId: string | null,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    if (sessionId) await this.auth.logout(sessionId);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Delete('session')
  @RequirePermission('self.write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out of the portal (same as logout)' })
  async endSession(
    @CurrentSessionId() sessionId: string | null,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    return this.logout(sessionId, res);
  }

  @Post('forgot-password')
  @Public()
  @HttpCode(202)
  @Throttle(LOGIN_THROTTLE)
  @ApiOperation({
    summary: 'E-mail a password reset code (the answer is the same for unknown addresses)',
  })
  async forgot(@Body() dto: ForgotPasswordDto): Promise<{ status: string }> {
    await this.auth.requestPasswordReset(dto.email);
    return { status: 'accepted' };
  }

  @Post('reset-password')
  @Public()
  @HttpCode(204)
  @Throttle(LOGIN_THROTTLE)
  @ApiOperation({ summary: 'Set a new password with the e-mailed code; signs out every session' })
  async reset(@Body() dto: ResetPasswordDto): Promise<void> {
    await this.auth.resetPassword(dto.token, dto.password);
  }
}
