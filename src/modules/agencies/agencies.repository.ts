import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { IsNull } from 'typeorm';
import type { AgencyScope } from '../access/domain/principal';
import { AgencyEvent } from './agency-event.entity';
import { Agency } from './agency.entity';
import { whereInScope } from './agency-scope';
import { treeOrder } from './domain/tree-order';

/** The agency tree and its history, named for what the agency services do. */
@Injectable()
export class AgenciesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private on(m?: EntityManager): EntityManager {
    return m ?? this.db.manager;
  }

  /** Agencies in `scope` (tree order, siblings by code), optionally only active ones or the children of one. */
  async listInScope(
    scope: AgencyScope,
    filter: { parentCode?: string; includeInactive?: boolean },
  ): Promise<Array<{ agency: Agency; parentCode: string | null }>> {
    const qb = this.db
      .getRepository(Agency)
      .createQueryBuilder('a')
      .leftJoin(Agency, 'p', 'p.id = a.parent_id')
      .addSelect('p.code', 'parent_code');
    whereInScope(qb, 'a.path', scope);
    if (!filter.includeInactive) qb.andWhere('a.active');
    if (filter.parentCode) qb.andWhere('p.code = :pc', { pc: filter.parentCode });
    qb.orderBy('a.path');
    const { entities, raw } = await qb.getRawAndEntities<{ parent_code: string | null }>();
    return treeOrder(
      entities.map((agency, i) => ({ agency, parentCode: raw[i].parent_code })),
      (x) => x.agency,
    );
  }

  /** Every active agency with its parent's code, in tree order (siblings by code). */
  async activeWithParents(): Promise<Array<{ agency: Agency; parentCode: string | null }>> {
    const rows = await this.db.query<Array<{ id: string; parent_code: string | null }>>(
      `SELECT a.id, p.code AS parent_code FROM agency a LEFT JOIN agency p ON p.id = a.parent_id WHERE a.active ORDER BY a.path`,
    );
    const byId = new Map(
      (await this.db.getRepository(Agency).findBy({ active: true })).map((a) => [a.id, a]),
    );
    return treeOrder(
      rows.map((r) => ({ agency: byId.get(r.id) as Agency, parentCode: r.parent_code })),
      (x) => x.agency,
    );
  }

  byCode(code: string, m?: EntityManager): Promise<Agency | null> {
    return this.on(m).getRepository(Agency).findOneBy({ code });
  }

  byId(id: string, m?: EntityManager): Promise<Agency | null> {
    return this.on(m).getRepository(Agency).findOneBy({ id });
  }

  /** The root agencies (provinces or cities at the top of their tree). */
  roots(): Promise<Agency[]> {
    return this.db.getRepository(Agency).find({ where: { parentId: IsNull() } });
  }

  allCodes(): Promise<Array<Pick<Agency, 'id' | 'code'>>> {
    return this.db.getRepository(Agency).find({ select: { id: true, code: true } });
  }

  lockByCode(m: EntityManager, code: string): Promise<Agency | null> {
    return m
      .getRepository(Agency)
      .findOne({ where: { code }, lock: { mode: 'pessimistic_write' } });
  }

  build(m: EntityManager, fields: Partial<Agency>): Agency {
    return m.getRepository(Agency).create(fields);
  }

  async insert(m: EntityManager, agency: Agency): Promise<void> {
    await m.getRepository(Agency).insert(agency);
  }

  async save(m: EntityManager, agency: Agency): Promise<void> {
    await m.getRepository(Agency).save(agency);
  }

  /** Moves a subtree: every path under `oldPath` now starts with `newPath`, depths shifted. */
  async moveSubtree(
    m: EntityManager,
    agencyId: string,
    parentId: string,
    oldPath: string,
    newPath: string,
    shift: number,
  ): Promise<void> {
    await m.query(
      `UPDATE agency SET path = $2 || substr(path, length($1) + 1), depth = depth + $3, updated_at = now() WHERE path LIKE $4`,
      [oldPath, newPath, shift, `${oldPath}%`],
    );
    await m.update(Agency, agencyId, { parentId });
  }

  activeChildren(m: EntityManager, agencyId: string): Promise<number> {
    return m.getRepository(Agency).countBy({ parentId: agencyId, active: true });
  }

  events(agencyId: string): Promise<AgencyEvent[]> {
    return this.db.getRepository(AgencyEvent).find({ where: { agencyId }, order: { id: 'ASC' } });
  }

  async addEvent(m: EntityManager, e: Omit<AgencyEvent, 'id'>): Promise<void> {
    await m.getRepository(AgencyEvent).save(e);
  }
}
