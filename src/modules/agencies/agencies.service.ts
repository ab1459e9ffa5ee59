import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../infra/clock/clock';
import { UnitOfWork } from '../../infra/database/unit-of-work';
import { fieldProblem, Refusal } from '../../infra/http/domain-error';
import type { Principal } from '../access/domain/principal';
import { AgencySuccession } from './agency-succession';
import { AgenciesRepository } from './agencies.repository';
import type { AgencyAction, AgencyEvent } from './agency-event.entity';
import type { Agency } from './agency.entity';
import type { AgencyImportRecord } from './domain/agency-import';
import { AGENCY_DETAIL_FIELDS, type AgencyDetailField } from './domain/agency';

export type AgencyChanges = Partial<Omit<AgencyImportRecord, 'code' | 'parentCode'>>;

const notFound = (code: string) => new Refusal('agency-not-found', { agency: code });

/** The agency tree: create, update, move, deactivate, with a history row for each change. */
@Injectable()
export class AgenciesService {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    private readonly agencies: AgenciesRepository,
    private readonly uow: UnitOfWork,
    private readonly succession: AgencySuccession,
  ) {}

  private inTx<T>(
    m: EntityManager | undefined,
    run: (tx: EntityManager) => Promise<T>,
  ): Promise<T> {
    return m ? run(m) : this.uow.run((tx) => run(tx.m));
  }

  /** Agencies the principal may read, optionally only the children of one. */
  async list(
    principal: Principal,
    filter: { parentCode?: string; includeInactive?: boolean } = {},
  ): Promise<Array<{ agency: Agency; parentCode: string | null }>> {
    return this.agencies.listInScope(principal.scope('agencies.read'), filter);
  }

  /** Active agencies for citizens choosing where to apply (no scope: public information). */
  async directory(): Promise<Array<{ agency: Agency; parentCode: string | null }>> {
    return this.agencies.activeWithParents();
  }

  /** One agency, if it exists and the principal may exercise `permission` on it; else 404. */
  async getVisible(
    principal: Principal,
    code: string,
    permission: 'agencies.read' | 'agencies.manage' = 'agencies.read',
  ): Promise<{ agency: Agency; parentCode: string | null }> {
    const agency = await this.agencies.byCode(code);
    if (!agency || !principal.can(permission, agency.path)) throw notFound(code);
    return { agency, parentCode: await this.parentCode(agency) };
  }

  findByCode(code: string, m?: EntityManager): Promise<Agency | null> {
    return this.agencies.byCode(code, m);
  }

  async parentCode(agency: Agency): Promise<string | null> {
    if (!agency.parentId) return null;
    return (await this.agencies.byId(agency.parentId))?.code ?? null;
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
      const agency = this.agencies.build(tx, {
        id,
        code: rec.code,
        name: rec.name,
        kind: rec.kind,
        parentId: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
        depth: (parent?.depth ?? -1) + 1,
        channels: rec.channels ?? ['in_person', 'post'],
        onlineConfirmation: rec.onlineConfirmation ?? 'automatic',
        ...detailsOf(rec),
        active: true,
        deactivatedAt: null,
      });
      await this.agencies.insert(tx, agency);
      await this.event(tx, principal, id, 'created', null, snapshot(agency));
      return agency;
    };
    return this.inTx(m, run);
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
      await this.agencies.save(tx, agency);
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
    return this.inTx(m, run);
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
      await this.agencies.moveSubtree(tx, agency.id, parent.id, oldPath, newPath, shift);
      await this.event(
        tx,
        principal,
        agency.id,
        'moved',
        { parentId: agency.parentId },
        { parentId: parent.id, parentCode },
      );
      return (await this.agencies.byId(agency.id, tx)) as Agency;
    };
    return this.inTx(m, run);
  }

  /**
   * Deactivates an agency with no active children; its code stays reserved. An agency with open
   * cases is refused unless a successor is named: the open cases then move to the successor
   * (reference numbers and dates kept, an event on each case), recorded in the agency history.
   */
  async deactivate(
    principal: Principal | null,
    code: string,
    successorCode?: string | null,
  ): Promise<Agency> {
    return this.uow.run(async (t) => {
      const tx = t.m;
      const agency = await this.lockManaged(tx, principal, code);
      if (!agency.active) return agency;
      const children = await this.agencies.activeChildren(tx, agency.id);
      if (children > 0) {
        throw new Refusal('agency-has-children', { children });
      }
      const open = await this.succession.openWork(t, agency.id);
      const openCases = Object.values(open).reduce((a, b) => a + b, 0);
      let moved: Record<string, number> = {};
      let successor: Agency | null = null;
      if (successorCode) {
        successor = await this.lockSuccessor(tx, principal, agency, successorCode);
        moved = await this.succession.transfer(t, agency, successor, principal?.userId ?? null);
      } else if (openCases > 0) {
        throw new Refusal('agency-has-open-cases', { count: openCases }, [
          fieldProblem('successorCode', 'agency-has-open-cases', { count: openCases }),
        ]);
      }
      agency.active = false;
      agency.deactivatedAt = this.clock.now();
      await this.agencies.save(tx, agency);
      await this.event(
        tx,
        principal,
        agency.id,
        'deactivated',
        { active: true },
        { active: false, ...(successor ? { successorCode: successor.code, moved } : {}) },
      );
      return agency;
    });
  }

  /** The agency taking over the open work: active, another one, and managed by the caller. */
  private async lockSuccessor(
    tx: EntityManager,
    principal: Principal | null,
    agency: Agency,
    successorCode: string,
  ): Promise<Agency> {
    const successor = await this.agencies.lockByCode(tx, successorCode);
    const invalid = (code: 'agency-not-found' | 'agency-successor-invalid') =>
      new Refusal('validation-failed', {}, [
        fieldProblem('successorCode', code, { agency: successorCode }),
      ]);
    if (!successor || (principal && !principal.can('agencies.manage', successor.path)))
      throw invalid('agency-not-found');
    if (!successor.active || successor.id === agency.id) throw invalid('agency-successor-invalid');
    return successor;
  }

  async history(principal: Principal, code: string): Promise<AgencyEvent[]> {
    const { agency } = await this.getVisible(principal, code);
    return this.agencies.events(agency.id);
  }

  private async lockManaged(
    tx: EntityManager,
    principal: Principal | null,
    code: string,
  ): Promise<Agency> {
    const agency = await this.agencies.lockByCode(tx, code);
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
    await this.agencies.addEvent(tx, {
      agencyId,
      at: this.clock.now(),
      actorId: principal?.userId ?? null,
      action,
      before,
      after,
    });
  }
}

const FIELDS = ['name', 'kind', 'channels', 'onlineConfirmation', ...AGENCY_DETAIL_FIELDS] as const;

/** Every detail field of a new agency, null where the record leaves it out. */
function detailsOf(rec: Partial<Record<AgencyDetailField, string | null>>) {
  return Object.fromEntries(AGENCY_DETAIL_FIELDS.map((f) => [f, rec[f] ?? null])) as Record<
    AgencyDetailField,
    string | null
  >;
}

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
