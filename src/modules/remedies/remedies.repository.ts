import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AgencyScope } from '../access/domain/principal';
import { whereInScope } from '../agencies/agency-scope';
import { Agency } from '../agencies/agency.entity';
import { RequestCase } from '../requests/request-case.entity';
import { OPEN_REMEDY_STATUSES } from './domain/remedy-status';
import { RemedyEvent } from './remedy-event.entity';
import { Remedy } from './remedy.entity';

/** A remedy with what section 四 needs: the case agency's code and path. */
export interface RemedyForCount {
  readonly r: Remedy;
  /** The case's agency (the original actor). */
  readonly agencyCode: string;
  /** Paths of the agencies involved, by code. */
  readonly pathOf: ReadonlyMap<string, string>;
}

@Injectable()
export class RemediesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  get reader(): EntityManager {
    return this.db.manager;
  }

  byId(m: EntityManager, id: string): Promise<Remedy | null> {
    return m.getRepository(Remedy).findOneBy({ id });
  }

  /** The remedy locked for a change (the timers lock it before its deadlines, like cases). */
  lockForAction(m: EntityManager, id: string): Promise<Remedy | null> {
    return m.getRepository(Remedy).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  forCase(m: EntityManager, caseId: string): Promise<Remedy[]> {
    return m
      .getRepository(Remedy)
      .find({ where: { caseId }, order: { appliedOn: 'ASC', createdAt: 'ASC' } });
  }

  byExternalRef(m: EntityManager, agencyId: string, externalRef: string): Promise<Remedy | null> {
    return m.getRepository(Remedy).findOneBy({ agencyId, externalRef });
  }

  async save(m: EntityManager, r: Remedy): Promise<Remedy> {
    return m.getRepository(Remedy).save(r);
  }

  async insertEvent(m: EntityManager, e: Omit<RemedyEvent, 'id' | 'remedy'>): Promise<void> {
    await m.getRepository(RemedyEvent).insert({ ...e, payload: e.payload as never });
  }

  events(m: EntityManager, remedyId: string): Promise<RemedyEvent[]> {
    return m.getRepository(RemedyEvent).find({ where: { remedyId }, order: { id: 'ASC' } });
  }

  /** Ids of live remedies still running (for a calendar recompute), in pages. */
  async openLiveIds(after: string, limit: number): Promise<string[]> {
    const rows = await this.db.query<Array<{ id: string }>>(
      `SELECT id FROM remedy WHERE source = 'live' AND status = ANY($1) AND id > $2 ORDER BY id LIMIT $3`,
      [OPEN_REMEDY_STATUSES, after, limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Remedies that may count in `year` (applied for or docketed then, complaints excepted) for
   * an agency within `scope`: by the case's agency, or — for a suit against the
   * reconsideration body alone (D-20) — by that body's agency. With both agencies' code and
   * path, so the caller applies R-AR-21 and the scope to the one that counts.
   */
  async forSectionFour(scope: AgencyScope, year: number): Promise<RemedyForCount[]> {
    const inScope = (alias: string) =>
      whereInScope(
        this.db.getRepository(Agency).createQueryBuilder(alias).select(`${alias}.id`),
        `${alias}.path`,
        scope,
        alias,
      );
    const own = inScope('s1');
    const body = inScope('s2');
    const qb = this.db
      .getRepository(Remedy)
      .createQueryBuilder('r')
      .innerJoin(Agency, 'a', 'a.id = r.agency_id')
      .addSelect('a.code', 'a_code')
      .addSelect('a.path', 'a_path')
      .where(`r.kind <> 'complaint'`)
      .andWhere(`extract(year FROM coalesce(r.docketed_on, r.applied_on)) = :year`, { year })
      .andWhere(
        `(r.agency_id IN (${own.getQuery()}) OR EXISTS (
           SELECT 1 FROM jsonb_array_elements(r.defendants) d JOIN agency b ON b.code = d->>'agencyCode'
            WHERE b.id IN (${body.getQuery()})))`,
      )
      .setParameters({ ...own.getParameters(), ...body.getParameters() });
    const { entities, raw } = await qb
      .orderBy('r.applied_on')
      .getRawAndEntities<{ a_code: string; a_path: string }>();
    const codes = [
      ...new Set(entities.flatMap((r) => r.defendants.map((d) => d.agencyCode).filter(Boolean))),
    ] as string[];
    const bodies = codes.length
      ? await this.db.getRepository(Agency).find({ where: codes.map((code) => ({ code })) })
      : [];
    const pathOf = new Map([
      ...raw.map((x) => [x.a_code, x.a_path] as const),
      ...bodies.map((b) => [b.code, b.path] as const),
    ]);
    return entities.map((r, i) => ({ r, agencyCode: raw[i].a_code, pathOf }));
  }

  /** The agencies (code → id, path) a reconsideration body named as defendant may be. */
  agencyByCode(m: EntityManager, code: string): Promise<Agency | null> {
    return m.getRepository(Agency).findOneBy({ code });
  }

  agencyById(m: EntityManager, id: string): Promise<Agency> {
    return m.getRepository(Agency).findOneByOrFail({ id });
  }

  caseByReference(m: EntityManager, referenceNo: string): Promise<RequestCase | null> {
    return m.getRepository(RequestCase).findOneBy({ referenceNo });
  }
}
