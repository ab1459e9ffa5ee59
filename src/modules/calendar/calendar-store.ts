import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CalendarChange } from './calendar-change';
import { CalendarChangeLog } from './calendar-change.entity';
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

/** Reads the calendar tables: the version, the state the calendar is built from, the change log. */
@Injectable()
export class CalendarStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

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
