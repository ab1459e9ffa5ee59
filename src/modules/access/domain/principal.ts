import { ROLE_GRANTS, SELF_PERMISSIONS, type Permission, type StaffRole } from './roles';

export interface RoleHolding {
  readonly role: StaffRole;
  readonly agencyId: string;
  /** Materialised path of the agency: '/<rootId>/.../<agencyId>/'. */
  readonly agencyPath: string;
}

export type UserKind = 'applicant' | 'staff';

/** A scope for queries: agencies whose path equals one of `exact` or starts with one of `prefixes`. */
export interface AgencyScope {
  readonly exact: readonly string[];
  readonly prefixes: readonly string[];
}

/** The signed-in person and what they may do. Pure: no framework types. */
export class Principal {
  constructor(
    readonly userId: string,
    readonly kind: UserKind,
    readonly roles: readonly RoleHolding[],
  ) {}

  /** Holds `permission` anywhere (route-level check). */
  has(permission: Permission): boolean {
    if (SELF_PERMISSIONS.includes(permission)) return true;
    return this.roles.some((r) => ROLE_GRANTS[r.role][permission] !== undefined);
  }

  /** May exercise `permission` on the agency at `agencyPath`. */
  can(permission: Permission, agencyPath: string): boolean {
    return this.roles.some((r) => {
      const reach = ROLE_GRANTS[r.role][permission];
      if (reach === 'agency') return r.agencyPath === agencyPath;
      if (reach === 'subtree') return agencyPath.startsWith(r.agencyPath);
      return false;
    });
  }

  /** The agencies over which `permission` reaches, for use in WHERE clauses. */
  scope(permission: Permission): AgencyScope {
    const exact: string[] = [];
    const prefixes: string[] = [];
    for (const r of this.roles) {
      const reach = ROLE_GRANTS[r.role][permission];
      if (reach === 'agency') exact.push(r.agencyPath);
      if (reach === 'subtree') prefixes.push(r.agencyPath);
    }
    return { exact, prefixes };
  }
}

export function isEmptyScope(scope: AgencyScope): boolean {
  return scope.exact.length === 0 && scope.prefixes.length === 0;
}
