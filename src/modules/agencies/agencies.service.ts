import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../../infra/clock/clock';
import { fieldProblem, Refusal } from '../../infra/http/domain-error';
import type { Principal } from '../auth/domain/principal';
import { AgencyEvent, type AgencyAction } from './agency-event.entity';
import { Agency } from './agency.entity';
import { whereInScope } from './agency-scope';
import type { AgencyImportRecord } from './domain/agency-import';

export type AgencyChanges = Partial<Omit<AgencyImportRecord, 'code' | 'parentCode'>>;

const notFound = (code: string) => new Refusal('agency-not-found', { agency: code });

/** The agency tree: create, update, move, deactivate, with a history row for each change. */
@Injectable()
export class AgenciesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Agencies the principal may read, optionally only the children of one. */
  async list(
    principal: Principal,
    filter: { parentCode?: string; includeInactive?: boolean } = {},
  ): Promise<Array<{ agency: Agency; parentCode: string | null }>> {
    const qb = this.db
      .getRepository(Agency)
      .createQueryBuilder('a')
      .leftJoin(Agency, 'p', 'p.id = a.parent_id')
      .addSelect('p.code', 'parent_code');
    whereInScope(qb, 'a.path', principal.scope('agencies.read'));
    if (!filter.includeInactive) qb.andWhere('a.active');
    if (filter.parentCode) qb.andWhere('p.code = :pc', { pc: filter.parentCode });
    qb.orderBy('a.path');
    const { entities, raw } = await qb.getRawAndEntities<{ parent_code: string | null }>();
    return entities.map((agency, i) => ({ agency, parentCode: raw[i].parent_code }));
  }

  /** Active agencies for citizens choosing where to apply (no scope: public information). */
  async directory(): Promise<Array<{ agency: Agency; parentCode: string | null }>> {
    const rows = await this.db.query<Array<{ id: string; parent_code: string | null }>>(
      `SELECT a.id, p.code AS parent_code FROM agency a LEFT JOIN agency p ON p.id = a.parent_id WHERE a.active ORDER BY a.path`,
    );
    const byId = new Map(
      (await this.db.getRepository(Agency).findBy({ active: true })).map((a) => [a.id, a]),
    );
    return rows.map((r) => ({ agency: byId.get(r.id) as Agency, parentCode: r.parent_code }));
  }

  /** One agency, if it exists and the principal may exercise `permission` on it; else 404. */
  async getVisible(
    principal: Principal,
    code: string,
    permission: 'agencies.read' | 'agencies.manage' = 'agencies.read',
  ): Promise<{ agency: Agency; parentCode: string | null }> {
    const agency = await this.db.getRepository(Agency).findOneBy({ code });
    if (!agency || !principal.can(permission, agency.path)) throw notFound(code);
    return { agency, parentCode: await this.parentCode(agency) };
  }

  async findByCode(code: string, m: EntityManager = this.db.manager): Promise<Agency | null> {
    return m.getRepository(Agency).findOneBy({ code });
  }

  async parentCode(agency: Agency): Promise<string | null> {
    if (!agency.parentId) return null;
    return (await this.db.getRepository(Agency).findOneBy({ id: agency.parentId }))?.code ?? null;
  }

  /** Creates an agency under a parent the principal manages (principal null: CLI, may create roots). */
  async create(
    principal: Principal | null,
    rec: AgencyImportRecord,
    m?: EntityManager,
  ): Promise<Agency> {
    const run = async (tx: EntityManager) => {
      if (await this.findByCode(rec.code, tx)) {
        throw new Refusal('agency-code-taken', { code: rec.code }, [
          fieldProblem('code', 'agency-code-taken', { code: rec.code }),
        ]);
      }
      let parent: Agency | null = null;
      if (rec.parentCode) {
        parent = await this.findByCode(rec.parentCode, tx);
        if (!parent || (principal && !principal.can('agencies.manage', parent.path)))
          throw notFound(rec.parentCode);
        if (!parent.active)
          throw new Refusal('agency-parent-inactive', {}, [
            fieldProblem('parentCode', 'agency-parent-inactive'),
          ]);
      } else if (principal) {
        throw new Refusal('validation-failed', {}, [fieldProblem('parentCode', 'field-required')]);
      }
      const id = randomUUID();
      const agency = tx.getRepository(Agency).create({
        id,
        code: rec.code,
        name: rec.name,
        kind: rec.kind,
        parentId: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
        depth: (parent?.depth ?? -1) + 1,
        channels: rec.channels ?? ['in_person', 'post'],
        onlineConfirmation: rec.onlineConfirmation ?? 'automatic',
        address: rec.address ?? null,
        postcode: rec.postcode ?? null,
        phone: rec.phone ?? null,
        email: rec.email ?? null,
        website: rec.website ?? null,
        reconsiderationBody: rec.reconsiderationBody ?? null,
        court: rec.court ?? null,
        active: true,
        deactivatedAt: null,
      });
      await tx.getRepository(Agency).insert(agency);
      await this.event(tx, principal, id, 'created', null, snapshot(agency));
      return agency;
    };
    return m ? run(m) : this.db.transaction(run);
  }

  async update(
    principal: Principal | null,
    code: string,
    changes: AgencyChanges,
    m?: EntityManager,
  ): Promise<Agency> {
    const run = async (tx: EntityManager) => {
      const agency = await this.lockManaged(tx, principal, code);
      const before = snapshot(agency);
      const changed = Object.entries(changes).filter(
        ([k, v]) => v !== undefined && JSON.stringify(before[k]) !== JSON.stringify(v),
      );
      if (changed.length === 0) return agency;
      Object.assign(agency, Object.fromEntries(changed));
      await tx.getRepository(Agency).save(agency);
      await this.event(
        tx,
        principal,
        agency.id,
        'updated',
        pick(
          before,
          changed.map(([k]) => k),
        ),
        Object.fromEntries(changed),
      );
      return agency;
    };
    return m ? run(m) : this.db.transaction(run);
  }

  /** Moves an agency (and its subtree) under another parent; never into its own subtree. */
  async move(
    principal: Principal | null,
    code: string,
    parentCode: string,
    m?: EntityManager,
  ): Promise<Agency> {
    const run = async (tx: EntityManager) => {
      const agency = await this.lockManaged(tx, principal, code);
      const parent = await this.findByCode(parentCode, tx);
      if (!parent || (principal && !principal.can('agencies.manage', parent.path)))
        throw notFound(parentCode);
      if (parent.path.startsWith(agency.path)) {
        throw new Refusal('agency-cycle', {}, [fieldProblem('parentCode', 'agency-cycle')]);
      }
      if (parent.id === agency.parentId) return agency;
      const oldPath = agency.path;
      const newPath = `${parent.path}${agency.id}/`;
      const shift = parent.depth + 1 - agency.depth;
      await tx.query(
        `UPDATE agency SET path = $2 || substr(path, length($1) + 1), depth = depth + $3, updated_at = now()
          WHERE path LIKE $4`,
        [oldPath, newPath, shift, `${oldPath}%`],
      );
      await tx.update(Agency, agency.id, { parentId: parent.id });
      await this.event(
        tx,
        principal,
        agency.id,
        'moved',
        { parentId: agency.parentId },
        { parentId: parent.id, parentCode },
      );
      return (await tx.getRepository(Agency).findOneBy({ id: agency.id })) as Agency;
    };
    return m ? run(m) : this.db.transaction(run);
  }

  /** Deactivates an agency with no active children; its code stays reserved. */
  async deactivate(principal: Principal | null, code: string): Promise<Agency> {
    return this.db.transaction(async (tx) => {
      const agency = await this.lockManaged(tx, principal, code);
      if (!agency.active) return agency;
      const children = await tx
        .getRepository(Agency)
        .countBy({ parentId: agency.id, active: true });
      if (children > 0) {
        throw new Refusal('agency-has-children', { children });
      }
      agency.active = false;
      agency.deactivatedAt = this.clock.now();
      await tx.getRepository(Agency).save(agency);
      await this.event(
        tx,
        principal,
        agency.id,
        'deactivated',
        { active: true },
        { active: false },
      );
      return agency;
    });
  }

  async history(principal: Principal, code: string): Promise<AgencyEvent[]> {
    const { agency } = await this.getVisible(principal, code);
    return this.db
      .getRepository(AgencyEvent)
      .find({ where: { agencyId: agency.id }, order: { id: 'ASC' } });
  }

  private async lockManaged(
    tx: EntityManager,
    principal: Principal | null,
    code: string,
  ): Promise<Agency> {
    const agency = await tx
      .getRepository(Agency)
      .findOne({ where: { code }, lock: { mode: 'pessimistic_write' } });
    if (!agency || (principal && !principal.can('agencies.manage', agency.path)))
      throw notFound(code);
    return agency;
  }

  private async event(
    tx: EntityManager,
    principal: Principal | null,
    agencyId: string,
    action: AgencyAction,
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
  ): Promise<void> {
    await tx.getRepository(AgencyEvent).save({
      agencyId,
      at: this.clock.now(),
      actorId: principal?.userId ?? null,
      action,
      before,
      after,
    });
  }
}

const FIELDS = [
  'name',
  'kind',
  'channels',
  'onlineConfirmation',
  'address',
  'postcode',
  'phone',
  'email',
  'website',
  'reconsiderationBody',
  'court',
] as const;

function snapshot(a: Agency): Record<string, unknown> {
  const entries: Array<[string, unknown]> = [
    ['code', a.code],
    ...FIELDS.map((f): [string, unknown] => [f, a[f]]),
  ];
  return Object.fromEntries(entries);
}

function pick(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, o[k]]));
}
