import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AgencyScope, Principal } from '../access/domain/principal';
import { Agency } from '../agencies/agency.entity';
import { whereInScope } from '../agencies/agency-scope';
import { AuditLog } from './audit-log.entity';

/** The append-only audit log (a trigger refuses UPDATE and DELETE). */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async append(m: EntityManager | null, row: Omit<AuditLog, 'id'>): Promise<void> {
    await (m ?? this.db.manager).insert(AuditLog, row);
  }

  /** How many entries with one of `actions` came from `ip` at or after `since`. */
  countFromIpSince(actions: readonly string[], ip: string, since: Date): Promise<number> {
    return this.db
      .getRepository(AuditLog)
      .createQueryBuilder('l')
      .where('l.at >= :since AND l.ip = :ip AND l.action IN (:...actions)', {
        since,
        ip,
        actions,
      })
      .getCount();
  }

  /**
   * The entries an `audit.read` holder may see, newest first (the API's and the portal's one
   * rule): entries about agencies in reach; entries with no agency only for province-level
   * (root agency) administrators.
   */
  listVisibleTo(
    principal: Principal,
    filter: { limit?: number; action?: string } = {},
  ): Promise<AuditLog[]> {
    const scope = principal.scope('audit.read');
    const rootAdmin = scope.prefixes.some((x) => x.split('/').filter(Boolean).length === 1);
    return this.listInScope(scope, rootAdmin, filter.limit ?? 100, filter.action);
  }

  /**
   * Newest first: entries about agencies in `scope`; entries with no agency only for
   * administrators of a root agency. `action` keeps one action (`personal-data.viewed`) or a
   * family of them (`personal-data`: viewed and downloaded).
   */
  listInScope(
    scope: AgencyScope,
    includeUnattached: boolean,
    limit: number,
    action?: string,
  ): Promise<AuditLog[]> {
    const inner = whereInScope(
      this.db.getRepository(Agency).createQueryBuilder('a').select('a.id'),
      'a.path',
      scope,
    );
    const q = this.db
      .getRepository(AuditLog)
      .createQueryBuilder('l')
      .where(
        `(l.agency_id IN (${inner.getQuery()})${includeUnattached ? ' OR l.agency_id IS NULL' : ''})`,
      )
      .setParameters(inner.getParameters());
    if (action)
      q.andWhere(`(l.action = :action OR starts_with(l.action, :family))`, {
        action,
        family: `${action}.`,
      });
    return q.orderBy('l.id', 'DESC').limit(limit).getMany();
  }
}
