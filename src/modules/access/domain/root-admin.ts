import type { Principal } from './principal';

/** An administrator of a root agency (a whole province or city tree). */
export function isRootAdmin(principal: Principal): boolean {
  return principal.roles.some(
    (r) => r.role === 'admin' && r.agencyPath.split('/').filter(Boolean).length === 1,
  );
}
