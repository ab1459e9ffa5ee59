import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError, ErrorCode } from '../../infra/http/domain-error';
import { ACCESS_KEY } from '../../infra/http/public.decorator';
import { PERMISSIONS, type Permission } from './domain/roles';
import { PrincipalLoader } from './principal.loader';
import { type AuthedRequest, credentialOf } from './request-auth';

/**
 * The one authorization layer: every route declares `@Public()` or `@RequirePermission(p)`.
 * A route with neither is refused (and fails the route-declaration test).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly loader: PrincipalLoader,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const access = this.reflector.getAllAndOverride<string | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    const token = credentialOf(req);
    req.auth = token ? await this.loader.fromToken(token) : null;
    if (access === 'public') return true;
    if (!access || !PERMISSIONS.includes(access as Permission)) {
      throw new AppError(ErrorCode.Forbidden, 'This route declares no access rule. 该接口未声明访问权限。');
    }
    if (!req.auth) {
      throw new AppError(ErrorCode.Unauthorized, 'Sign in first (missing, invalid or expired token). 请先登录。');
    }
    if (!req.auth.principal.has(access as Permission)) {
      throw new AppError(ErrorCode.Forbidden, 'Your roles do not allow this. 您的角色无权执行此操作。');
    }
    return true;
  }
}
