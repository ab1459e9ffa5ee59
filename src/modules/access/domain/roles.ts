/** Staff roles, each held in one agency (a person may hold roles in several agencies). */
export const STAFF_ROLES = ['clerk', 'supervisor', 'reporting_officer', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * Permissions a route can require. Applicants hold only `self.*`; staff permissions are
 * granted by a role in an agency and reach either that agency alone or its whole subtree.
 */
export const PERMISSIONS = [
  'self.read',
  'self.write',
  'agencies.read',
  'agencies.manage',
  'users.read',
  'users.manage',
  'audit.read',
  'calendar.manage',
  'cases.read',
  'cases.handle',
  'cases.approve',
  'reports.read',
  /** Enter the report's inputs (register, section 二 figures) and save its narrative. */
  'reports.write',
  /** Review an annual report's draft before publication. */
  'reports.review',
  /** Publish an annual report (frozen), and reopen a published one for a correction. */
  'reports.publish',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export type Reach = 'agency' | 'subtree';

/** What each staff role may do, and how far down the agency tree. */
export const ROLE_GRANTS: Record<StaffRole, Partial<Record<Permission, Reach>>> = {
  clerk: { 'agencies.read': 'agency', 'cases.read': 'agency', 'cases.handle': 'agency' },
  supervisor: {
    'agencies.read': 'subtree',
    'users.read': 'subtree',
    'cases.read': 'subtree',
    'cases.approve': 'subtree',
    'reports.read': 'subtree',
    'reports.review': 'subtree',
  },
  reporting_officer: {
    'agencies.read': 'subtree',
    'cases.read': 'subtree',
    'reports.read': 'subtree',
    'reports.write': 'subtree',
    'reports.publish': 'subtree',
  },
  admin: {
    'agencies.read': 'subtree',
    'agencies.manage': 'subtree',
    'users.read': 'subtree',
    'users.manage': 'subtree',
    'audit.read': 'subtree',
    'calendar.manage': 'subtree',
  },
};

/** Permissions every signed-in person has over their own account. */
export const SELF_PERMISSIONS: readonly Permission[] = ['self.read', 'self.write'];
