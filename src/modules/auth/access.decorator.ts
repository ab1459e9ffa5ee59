import { SetMetadata } from '@nestjs/common';
import { ACCESS_KEY } from '../../infra/http/public.decorator';
import type { Permission } from './domain/roles';

/** Declares the permission a route needs; the AuthGuard enforces it (401/403). */
export const RequirePermission = (permission: Permission): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_KEY, permission);
