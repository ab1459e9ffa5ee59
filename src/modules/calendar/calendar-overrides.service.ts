import { CalendarRepository } from './calendar.repository';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../infra/clock/clock';
import type { AppConfig } from '../../infra/config/app-config';
import { APP_CONFIG } from '../../infra/config/config.module';
import { fieldProblem, invalidField, Refusal } from '../../infra/http/domain-error';
import { Agency } from '../agencies/agency.entity';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../access/domain/principal';
import { isRootAdmin } from '../access/domain/root-admin';
import { CalendarChangeWriter, type ChangeOutcome } from './calendar-change-writer';
import { CalendarDayOverride } from './calendar-day-override.entity';
import { OverrideView } from './calendar-override.view';
import { parseLocalDate } from './domain/local-date';
import type { OverrideKind, OverrideScope } from './domain/override-scope';

export interface NewOverride {
  readonly date: string;
  readonly kind: OverrideKind;
  readonly scope: OverrideScope;
  /** Required for PROVINCE and AGENCY, absent for NATIONAL_CORRECTION. */
  readonly agencyCode?: string | null;
  readonly basis: string;
  readonly name?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notFound = (what: string) =>
  what.startsWith('agency ')
    ? new Refusal('agency-not-found', { agency: what.slice(7) })
    : new Refusal('override-not-found');
const rootOnly = () => new Refusal('root-admin-only');

/**
 * The override table (R-WD-05). NATIONAL_CORRECTION: root administrators (or the CLI). PROVINCE
 * and AGENCY: administrators whose calendar.manage reaches the agency; an agency out of reach
 * answers 404 like an unknown one. `principal` null = the command line (all rights).
 */
@Injectable()
export class CalendarOverridesService {
  constructor(
    private readonly store: CalendarRepository,
    private readonly writer: CalendarChangeWriter,
    private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** National corrections and the overrides of agencies within reach, by date. */
  async list(principal: Principal | null, includeDeleted = false): Promise<OverrideView[]> {
    const rows = await this.store.overrides(
      principal ? principal.scope('calendar.manage') : null,
      includeDeleted,
    );
    return rows.map((r) => OverrideView.of(r.o, r.agencyCode));
  }

  async add(
    principal: Principal | null,
    input: NewOverride,
    ip: string | null = null,
  ): Promise<OverrideView> {
    const date = parseLocalDate(input.date, 'date');
    const basis = input.basis.trim();
    if (basis === '') {
      throw invalidField('basis', 'override-basis-required');
    }
    const agency = await this.targetAgency(principal, input);
    const { result } = await this.writer.run(async (tx) => {
      const clash = await tx
        .getRepository(CalendarDayOverride)
        .createQueryBuilder('o')
        .where('o.date = :date AND o.scope = :scope AND o.deleted_at IS NULL', {
          date,
          scope: input.scope,
        })
        .andWhere(agency ? 'o.agency_id = :agencyId' : 'o.agency_id IS NULL', {
          agencyId: agency?.id,
        })
        .getOne();
      if (clash) {
        throw new Refusal('calendar-override-exists', { date, id: clash.id }, [
          fieldProblem('date', 'calendar-override-exists', { date, id: clash.id }),
        ]);
      }
      const row = tx.getRepository(CalendarDayOverride).create({
        id: randomUUID(),
        date,
        kind: input.kind,
        scope: input.scope,
        agencyId: agency?.id ?? null,
        basis,
        name: input.name?.trim() || null,
        createdAt: this.clock.now(),
        createdBy: principal?.userId ?? null,
        deletedAt: null,
        deletedBy: null,
      });
      await tx.getRepository(CalendarDayOverride).insert(row);
      return this.logged(tx, principal, row, agency?.code ?? null, 'added', ip);
    });
    return result;
  }

  /** Soft delete (the row and its history stay); removing a removed override changes nothing. */
  async remove(
    principal: Principal | null,
    id: string,
    ip: string | null = null,
  ): Promise<OverrideView> {
    if (!UUID.test(id)) throw notFound(`override ${id}`);
    const { result } = await this.writer.run(async (tx) => {
      const row = await tx.getRepository(CalendarDayOverride).findOneBy({ id });
      if (!row) throw notFound(`override ${id}`);
      const agency = row.agencyId
        ? await tx.getRepository(Agency).findOneBy({ id: row.agencyId })
        : null;
      if (principal) {
        if (row.scope === 'NATIONAL_CORRECTION' && !isRootAdmin(principal)) throw rootOnly();
        if (agency && !principal.can('calendar.manage', agency.path))
          throw notFound(`override ${id}`);
      }
      if (row.deletedAt)
        return { result: OverrideView.of(row, agency?.code ?? null), change: null };
      row.deletedAt = this.clock.now();
      row.deletedBy = principal?.userId ?? null;
      await tx
        .getRepository(CalendarDayOverride)
        .update(row.id, { deletedAt: row.deletedAt, deletedBy: row.deletedBy });
      return this.logged(tx, principal, row, agency?.code ?? null, 'removed', ip);
    });
    return result;
  }

  private async targetAgency(
    principal: Principal | null,
    input: NewOverride,
  ): Promise<Agency | null> {
    if (input.scope === 'NATIONAL_CORRECTION') {
      if (input.agencyCode) {
        throw invalidField('agencyCode', 'override-national-has-no-agency');
      }
      if (principal && !isRootAdmin(principal)) throw rootOnly();
      return null;
    }
    if (!input.agencyCode) {
      throw invalidField('agencyCode', 'override-scope-needs-agency');
    }
    const agency = await this.store.agencyByCode(input.agencyCode);
    if (!agency || (principal && !principal.can('calendar.manage', agency.path))) {
      throw notFound(`agency ${input.agencyCode}`);
    }
    return agency;
  }

  /** Audit entry and calendar change of an added or removed override (same transaction). */
  private async logged(
    tx: EntityManager,
    principal: Principal | null,
    row: CalendarDayOverride,
    agencyCode: string | null,
    what: 'added' | 'removed',
    ip: string | null,
  ): Promise<ChangeOutcome<OverrideView>> {
    const details = {
      date: row.date,
      kind: row.kind,
      scope: row.scope,
      agencyCode,
      basis: row.basis,
    };
    await this.audit.record(
      {
        actorId: principal?.userId ?? null,
        action: `calendar.override-${what}`,
        targetType: 'calendar_override',
        targetId: row.id,
        agencyId: row.agencyId,
        ip,
        details: { ...details, via: principal ? 'api' : 'cli' },
      },
      tx,
    );
    const national = row.scope === 'NATIONAL_CORRECTION';
    return {
      result: OverrideView.of(row, agencyCode),
      change: {
        actorId: principal?.userId ?? null,
        action: what === 'added' ? 'override.added' : 'override.removed',
        scope: national ? 'NATIONAL' : (row.scope as 'PROVINCE' | 'AGENCY'),
        agencyId: row.agencyId,
        year: null,
        overrideId: row.id,
        dateFrom: row.date,
        dateTo: row.date,
        // R-WD-05: a local override moves deadlines only where the deployment applies them.
        affectsDeadlines: national || this.config.calendar.applyLocalOverrides,
        details,
      },
    };
  }
}
