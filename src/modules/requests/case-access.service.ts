import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError, ErrorCode } from '../../infra/http/domain-error';
import { Agency } from '../agencies/agency.entity';
import type { Principal } from '../auth/domain/principal';
import type { Permission } from '../auth/domain/roles';
import type { Actor } from './domain/case-status';
import { RequestCase } from './request-case.entity';

export const caseNotFound = () => new AppError(ErrorCode.NotFound, 'No such request. 未找到该申请。');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CaseHandle {
  c: RequestCase;
  agency: Agency;
  /** How the principal relates to the case. */
  actor: Actor;
}

/**
 * Loads a case the principal may see (and lock it for update when `lock`): applicants their
 * own cases; staff cases of agencies within their reach. Anything else is 404, exactly like
 * an unknown id (no IDOR).
 */
@Injectable()
export class CaseAccess {
  async load(m: EntityManager, principal: Principal, id: string, opts: { lock?: boolean; staffPermission?: Permission; applicantAllowed?: boolean } = {}): Promise<CaseHandle> {
    if (!UUID.test(id)) throw caseNotFound();
    const c = await m.getRepository(RequestCase).findOne({ where: { id }, ...(opts.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!c) throw caseNotFound();
    const agency = await m.getRepository(Agency).findOneByOrFail({ id: c.agencyId });
    if (principal.kind === 'applicant') {
      if (c.applicantUserId !== principal.userId || opts.applicantAllowed === false) throw caseNotFound();
      return { c, agency, actor: 'applicant' };
    }
    const permission = opts.staffPermission ?? 'cases.read';
    if (!principal.can(permission, agency.path)) {
      // Visible but not actionable with this permission: still 404 unless the case can be read.
      if (principal.can('cases.read', agency.path) && permission !== 'cases.read') {
        throw new AppError(ErrorCode.Forbidden, 'Your role cannot do this on this request. 您的角色不能对该申请执行此操作。');
      }
      throw caseNotFound();
    }
    const actor: Actor = permission === 'cases.approve' ? 'supervisor' : 'clerk';
    return { c, agency, actor };
  }
}
