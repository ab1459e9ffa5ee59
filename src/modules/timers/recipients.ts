import type { EntityManager } from 'typeorm';

/** E-mail addresses of the assignee, or of every clerk of the agency when unassigned. */
export async function clerksOf(m: EntityManager, agencyId: string, assigneeId: string | null): Promise<string[]> {
  const rows = assigneeId
    ? await m.query<Array<{ email: string }>>(`SELECT email FROM app_user WHERE id = $1 AND active`, [assigneeId])
    : await m.query<Array<{ email: string }>>(
        `SELECT DISTINCT u.email FROM role_assignment r JOIN app_user u ON u.id = r.user_id AND u.active WHERE r.agency_id = $1 AND r.role = 'clerk'`,
        [agencyId],
      );
  return rows.map((r) => r.email);
}

/** Supervisors of the agency or of any agency above it. */
export async function supervisorsOf(m: EntityManager, agencyId: string): Promise<string[]> {
  const rows = await m.query<Array<{ email: string }>>(
    `SELECT DISTINCT u.email
       FROM agency a
       JOIN agency s ON a.path LIKE s.path || '%'
       JOIN role_assignment r ON r.agency_id = s.id AND r.role = 'supervisor'
       JOIN app_user u ON u.id = r.user_id AND u.active
      WHERE a.id = $1`,
    [agencyId],
  );
  return rows.map((r) => r.email);
}
