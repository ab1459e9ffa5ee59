import { SetMetadata } from '@nestjs/common';
import { ACCESS_KEY } from '../../infra/http/public.decorator';
import type { Permission } from './domain/roles';

/**
 * Declares the permission a route needs (any one of several, when more are given); the
 * AuthGuard enforces it (401/403). Who may act on a given case is then the transition table's.
 */
export const RequirePermission = (
  ...permissions: [Permission, ...Permission[]]
): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_KEY, permissions.length === 1 ? permissions[0] : permissions);
