import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Refusal } from '../../infra/http/domain-error';
import { ACCESS_KEY } from '../../infra/http/public.decorator';
import { PERMISSIONS, type Permission } from './domain/roles';
import { PrincipalsRepository } from './principals.repository';
import { type AuthedRequest, credentialOf } from './request-auth';

/**
 * The one authorization layer: every route declares `@Public()` or `@RequirePermission(p)`.
 * A route with neither is refused (and fails the route-declaration test).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly loader: PrincipalsRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const access = this.reflector.getAllAndOverride<string | string[] | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const token = credentialOf(req);
    req.auth = token ? await this.loader.fromToken(token) : null;
    if (access === 'public') return true;
    const any = [access ?? []].flat();
    if (any.length === 0 || !any.every((p) => PERMISSIONS.includes(p as Permission))) {
      throw new Refusal('route-without-access-rule');
    }
    if (!req.auth) {
      throw new Refusal('unauthorized');
    }
    const principal = req.auth.principal;
    if (!any.some((p) => principal.has(p as Permission))) {
      throw new Refusal('role-not-allowed');
    }
    return true;
  }
}
