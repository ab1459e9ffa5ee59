import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { Refusal } from '../../infra/http/domain-error';
import type { Principal } from './domain/principal';
import type { AuthedRequest } from './request-auth';

/** The signed-in Principal of a route that requires a permission. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal => {
    const auth = ctx.switchToHttp().getRequest<AuthedRequest>().auth;
    if (!auth) throw new Refusal('unauthorized');
    return auth.principal;
  },
);

/** The session id of the signed-in request (for sign-out). */
export const CurrentSessionId = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string | null => {
    return ctx.switchToHttp().getRequest<AuthedRequest>().auth?.sessionId ?? null;
  },
);
