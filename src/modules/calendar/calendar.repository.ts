import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CalendarChange } from './calendar-change';
import { CalendarChangeLog } from './calendar-change.entity';
import type { AgencyScope } from '../access/domain/principal';
import { Agency } from '../agencies/agency.entity';
import { whereInScope } from '../agencies/agency-scope';
import { CalendarDayOverride } from './calendar-day-override.entity';
import { CalendarYearNotice } from './calendar-year-notice.entity';
import type { CalendarState } from './domain/effective-calendar';
import {
  scopeLabel,
  type OverrideKind,
  type OverrideScope,
  type ScopedOverride,
} from './domain/override-scope';
import { parseYearNoticeOrThrow } from './domain/year-notice';

interface OverrideRow {
  id: string;
  date: string;
  kind: OverrideKind;
  scope: OverrideScope;
  agency_id: string | null;
  agency_code: string | null;
  basis: string;
  name: string | null;
}

/** Arbitrary, fixed key: calendar changes are serialised, so change ids increase in commit order. */
const CALENDAR_LOCK_KEY = 72_616_002;

/**
 * The calendar tables: the version, the state the calendar is built from, the change log, the
 * overrides, and the agencies the calendar is asked about.
 */
@Injectable()
export class CalendarRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * One calendar change: a transaction holding the calendar lock (which also makes max(id) of
   * calendar_change grow in commit order — the version).
   */
  inChange<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [CALENDAR_LOCK_KEY]);
      return work(tx);
    });
  }

  /** Appends the change row whose id becomes the new calendar version. */
  async appendChange(
    tx: EntityManager,
    change: Omit<CalendarChangeLog, 'id'>,
  ): Promise<CalendarChangeLog> {
    const row = tx.getRepository(CalendarChangeLog).create(change);
    await tx.getRepository(CalendarChangeLog).insert(row);
    return row;
  }

  agencyById(m: EntityManager | undefined, id: string): Promise<Agency | null> {
    return (m ?? this.db.manager).getRepository(Agency).findOneBy({ id });
  }

  agencyByCode(code: string): Promise<Agency | null> {
    return this.db.getRepository(Agency).findOneBy({ code });
  }

  /** National corrections and the overrides of agencies in `scope` (all when null), by date. */
  async overrides(
    scope: AgencyScope | null,
    includeDeleted: boolean,
  ): Promise<Array<{ o: CalendarDayOverride; agencyCode: string | null }>> {
    const qb = this.db
      .getRepository(CalendarDayOverride)
      .createQueryBuilder('o')
      .leftJoin(Agency, 'a', 'a.id = o.agency_id')
      .addSelect('a.code', 'agency_code');
    if (!includeDeleted) qb.andWhere('o.deleted_at IS NULL');
    if (scope) {
      const inReach = whereInScope(
        this.db.getRepository(Agency).createQueryBuilder('s').select('s.id'),
        's.path',
        scope,
      );
      qb.andWhere(`(o.agency_id IS NULL OR o.agency_id IN (${inReach.getQuery()}))`);
      qb.setParameters(inReach.getParameters());
    }
    qb.orderBy('o.date').addOrderBy('o.created_at').addOrderBy('o.id');
    const { entities, raw } = await qb.getRawAndEntities<{ agency_code: string | null }>();
    return entities.map((o, i) => ({ o, agencyCode: raw[i].agency_code }));
  }

  /** The calendar version: id of the latest calendar_change row ('0' before any change). */
  async version(m: EntityManager = this.db.manager): Promise<string> {
    const rows = await m.query<Array<{ v: string }>>(
      'SELECT COALESCE(max(id), 0)::text AS v FROM calendar_change',
    );
    return rows[0].v;
  }

  /**
   * Version, current year notices and active overrides, read from one snapshot — or, inside a
   * caller's transaction `m`, on its connection with the version read first (so the state is
   * never older than the version it is cached under).
   */
  async loadState(m?: EntityManager): Promise<CalendarState> {
    return m
      ? this.readState(m)
      : this.db.transaction('REPEATABLE READ', (tx) => this.readState(tx));
  }

  private async readState(tx: EntityManager): Promise<CalendarState> {
    {
      const version = await this.version(tx);
      const notices = await tx
        .getRepository(CalendarYearNotice)
        .createQueryBuilder('n')
        .where('n.superseded_at IS NULL')
        .orderBy('n.year')
        .getMany();
      const rows = await tx.query<OverrideRow[]>(
        `SELECT o.id, o.date::text AS date, o.kind, o.scope, o.agency_id, a.code AS agency_code,
                o.basis, o.name
           FROM calendar_override o LEFT JOIN agency a ON a.id = o.agency_id
          WHERE o.deleted_at IS NULL
          ORDER BY o.date, o.created_at, o.id`,
      );
      return {
        version,
        importedYears: notices.map((n) => ({
          arrangement: parseYearNoticeOrThrow(n.notice),
          importedAt: n.importedAt.toISOString(),
        })),
        overrides: rows.map(toScopedOverride),
      };
    }
  }

  /** Changes after `afterId`, oldest first: the durable feed for consumers that keep a cursor. */
  async changesSince(afterId: string, limit = 100): Promise<CalendarChange[]> {
    const rows = await this.db
      .getRepository(CalendarChangeLog)
      .createQueryBuilder('c')
      .where('c.id > :afterId', { afterId })
      .orderBy('c.id')
      .limit(Math.min(Math.max(limit, 1), 1000))
      .getMany();
    return rows.map(toChange);
  }
}

function toScopedOverride(r: OverrideRow): ScopedOverride {
  return {
    id: r.id,
    date: r.date,
    kind: r.kind,
    scope: scopeLabel(r.scope, r.agency_code),
    scopeKind: r.scope,
    agencyId: r.agency_id,
    agencyCode: r.agency_code,
    basis: r.basis,
    ...(r.name ? { name: r.name } : {}),
  };
}

export function toChange(c: CalendarChangeLog): CalendarChange {
  return {
    id: c.id,
    at: c.at.toISOString(),
    actorId: c.actorId,
    action: c.action,
    scope: c.scope,
    agencyId: c.agencyId,
    year: c.year,
    overrideId: c.overrideId,
    dateFrom: c.dateFrom,
    dateTo: c.dateTo,
    affectsDeadlines: c.affectsDeadlines,
  };
}
