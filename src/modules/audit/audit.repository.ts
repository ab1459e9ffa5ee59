import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AgencyScope } from '../access/domain/principal';
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
   * Newest first: entries about agencies in `scope`; entries with no agency only for
   * administrators of a root agency.
   */
  listInScope(scope: AgencyScope, includeUnattached: boolean, limit: number): Promise<AuditLog[]> {
    const inner = whereInScope(
      this.db.getRepository(Agency).createQueryBuilder('a').select('a.id'),
      'a.path',
      scope,
    );
    return this.db
      .getRepository(AuditLog)
      .createQueryBuilder('l')
      .where(
        `(l.agency_id IN (${inner.getQuery()})${includeUnattached ? ' OR l.agency_id IS NULL' : ''})`,
      )
      .setParameters(inner.getParameters())
      .orderBy('l.id', 'DESC')
      .limit(limit)
      .getMany();
  }
}
