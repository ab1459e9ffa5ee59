import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Refusal } from '../../shared/domain/refusal';
import { Agency } from '../agencies/agency.entity';
import type { Principal } from '../access/domain/principal';
import type { Actor } from './domain/case-status';
import { RequestCase } from './request-case.entity';

export const caseNotFound = () => new Refusal('case-not-found');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CaseHandle {
  c: RequestCase;
  agency: Agency;
  /** How the principal relates to the case (the transition table decides what that actor may do). */
  actor: Actor;
}

/**
 * Loads a case the principal may see (and locks it for update when `lock`): applicants their
 * own cases; staff the cases of agencies within their `cases.read` reach. Anything else is 404,
 * exactly like an unknown id (no IDOR). Staff act as clerks where they handle the agency's cases,
 * else as supervisors where they approve for it; a reader with neither role gets 403.
 */
@Injectable()
export class CaseAccess {
  async load(
    m: EntityManager,
    principal: Principal,
    id: string,
    opts: { lock?: boolean; applicantAllowed?: boolean; prefer?: 'clerk' | 'supervisor' } = {},
  ): Promise<CaseHandle> {
    if (!UUID.test(id)) throw caseNotFound();
    // The case and its agency in one statement; only the case row is locked.
    const qb = m
      .getRepository(RequestCase)
      .createQueryBuilder('c')
      .innerJoinAndMapOne('c.agencyOfCase', Agency, 'a', 'a.id = c.agency_id')
      .where('c.id = :id', { id });
    if (opts.lock) qb.setLock('pessimistic_write', undefined, ['c']);
    const row: (RequestCase & { agencyOfCase?: Agency }) | null = await qb.getOne();
    if (!row) throw caseNotFound();
    const agency = row.agencyOfCase as Agency;
    delete row.agencyOfCase;
    const c: RequestCase = row;
    if (principal.kind === 'applicant') {
      if (c.applicantUserId !== principal.userId || opts.applicantAllowed === false)
        throw caseNotFound();
      return { c, agency, actor: 'applicant' };
    }
    if (!principal.can('cases.read', agency.path)) throw caseNotFound();
    const clerk = principal.can('cases.handle', agency.path);
    const supervisor = principal.can('cases.approve', agency.path);
    const actor: Actor | null =
      opts.prefer === 'supervisor'
        ? supervisor
          ? 'supervisor'
          : clerk
            ? 'clerk'
            : null
        : clerk
          ? 'clerk'
          : supervisor
            ? 'supervisor'
            : null;
    if (opts.lock && actor === null)
      throw new Refusal('actor-not-allowed', { action: 'act', actionLabel: '办理' });
    return { c, agency, actor: actor ?? 'clerk' };
  }
}
