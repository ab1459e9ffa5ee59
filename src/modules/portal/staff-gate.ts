import {
  Catch,
  createParamDecorator,
  type ArgumentsHost,
  type ExceptionFilter,
  type ExecutionContext,
  Injectable,
} from '@nestjs/common';
import type { Response } from 'express';
import type { Principal } from '../access/domain/principal';
import type { Permission } from '../access/domain/roles';
import type { AuthedRequest } from '../access/request-auth';
import { PortalPages } from './portal-pages';

/** A staff page asked for without a session (sign in first) or without the permission. */
export class PageGate extends Error {
  constructor(readonly kind: 'sign-in' | 'forbidden') {
    super(kind);
  }
}

/**
 * The signed-in staff member holding one of `permissions` somewhere (each service still checks
 * the agency in reach), as a handler parameter of a staff page. Anyone else never reaches the
 * handler: `PageGateFilter` sends them to the sign-in page or answers the 403 page.
 */
export const StaffPrincipal = createParamDecorator(
  (permissions: Permission | readonly Permission[], ctx: ExecutionContext): Principal => {
    const p = ctx.switchToHttp().getRequest<AuthedRequest>().auth?.principal;
    if (!p) throw new PageGate('sign-in');
    const wanted: readonly Permission[] =
      typeof permissions === 'string' ? [permissions] : permissions;
    if (p.kind === 'staff' && wanted.some((x) => p.has(x))) return p;
    throw new PageGate('forbidden');
  },
);

/**
 * Answers a `PageGate`: the sign-in page (303, returning here afterwards) without a session, a 403
 * page for an applicant or a staff member without the permission. Every controller with staff
 * pages names it in `@UseFilters`.
 */
@Catch(PageGate)
@Injectable()
export class PageGateFilter implements ExceptionFilter {
  constructor(private readonly pages: PortalPages) {}

  catch(gate: PageGate, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<AuthedRequest>();
    const res = host.switchToHttp().getResponse<Response>();
    if (gate.kind === 'sign-in') {
      res.redirect(303, `/signin?next=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    res.status(403).send(this.pages.forbidden(req, res));
  }
}
