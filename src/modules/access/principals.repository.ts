import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../infra/clock/clock';
import { Principal, type RoleHolding, type UserKind } from './domain/principal';
import type { StaffRole } from './domain/roles';
import { hashToken } from './tokens';

export interface Authenticated {
  principal: Principal;
  sessionId: string;
}

/** Turns a bearer token or session cookie into a Principal (one query), or null. */
@Injectable()
export class PrincipalsRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async fromToken(token: string): Promise<Authenticated | null> {
    const rows = await this.db.query<
      Array<{
        session_id: string;
        user_id: string;
        kind: UserKind;
        role: StaffRole | null;
        agency_id: string | null;
        path: string | null;
      }>
    >(
      `SELECT s.id AS session_id, u.id AS user_id, u.kind, r.role, r.agency_id, a.path
         FROM auth_session s
         JOIN app_user u ON u.id = s.user_id AND u.active
         LEFT JOIN role_assignment r ON r.user_id = u.id
         LEFT JOIN agency a ON a.id = r.agency_id AND a.active
        WHERE s.access_hash = $1 AND s.revoked_at IS NULL AND s.access_expires_at > $2`,
      [hashToken(token), this.clock.now()],
    );
    if (rows.length === 0) return null;
    const roles: RoleHolding[] = rows
      .filter((r) => r.role && r.agency_id && r.path)
      .map((r) => ({
        role: r.role as StaffRole,
        agencyId: r.agency_id as string,
        agencyPath: r.path as string,
      }));
    return {
      principal: new Principal(rows[0].user_id, rows[0].kind, roles),
      sessionId: rows[0].session_id,
    };
  }
}
