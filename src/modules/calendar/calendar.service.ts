import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../infra/clock/clock';
import type { AppConfig } from '../../infra/config/app-config';
import { APP_CONFIG } from '../../infra/config/config.module';
import { fieldProblem, Refusal } from '../../infra/http/domain-error';
import type { CalendarChange } from './calendar-change';
import { CalendarRepository } from './calendar.repository';
import { EffectiveCalendar, type AgencyCalendar } from './domain/effective-calendar';
import type { AgencyRef } from './domain/override-scope';
import type { WorkingCalendar } from './domain/working-calendar';

/**
 * How long a process trusts its cached calendar before comparing versions again. Another
 * process's change is seen within this time; a change made by this process at once.
 */
export const CALENDAR_VERSION_TTL_MS = 5_000;

export interface CalendarView extends AgencyCalendar {
  readonly effective: EffectiveCalendar;
  readonly agency: AgencyRef | null;
}

/**
 * The effective working calendar (national dataset + imported notices + NATIONAL_CORRECTION
 * overrides; local overrides per R-WD-05), cached in memory. Multi-process safe by a cheap
 * version check: the version is the largest id of the calendar_change log, read at most once per
 * CALENDAR_VERSION_TTL_MS (by the injected Clock); when it moved, the tables are reloaded.
 */
@Injectable()
export class CalendarService {
  private cached: EffectiveCalendar | null = null;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private loading: Promise<EffectiveCalendar> | null = null;
  /** Bumped by invalidate(): a load started before a local change must not be trusted. */
  private generation = 0;

  constructor(
    private readonly store: CalendarRepository,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The effective calendar at the latest version (re-checked at most every TTL). Inside a
   * transaction pass its manager `m`: the check then runs on that connection, never on a
   * second pooled one.
   */
  async current(m?: EntityManager): Promise<EffectiveCalendar> {
    const now = this.clock.now().getTime();
    if (this.cached && now - this.checkedAt < CALENDAR_VERSION_TTL_MS) return this.cached;
    if (m) return this.refresh(now, m);
    if (!this.loading) {
      const loading = this.refresh(now).finally(() => {
        if (this.loading === loading) this.loading = null;
      });
      this.loading = loading;
    }
    return this.loading;
  }

  /** The calendar last loaded, without touching the database (null before the first load). */
  lastLoaded(): EffectiveCalendar | null {
    return this.cached ?? null;
  }

  /** Makes the next use compare versions (called after this process changed the calendar). */
  invalidate(): void {
    this.generation++;
    this.checkedAt = Number.NEGATIVE_INFINITY;
    this.loading = null;
  }

  /**
   * The calendar for one agency's statutory deadlines (the national one for null). Inside a
   * transaction pass its manager `m`, so that no second pooled connection is taken.
   */
  async calendarFor(agencyId: string | null, m?: EntityManager): Promise<WorkingCalendar> {
    const effective = await this.current(m);
    // Without local calendars every agency counts on the national one: no agency read.
    if (agencyId === null || !effective.hasLocalCalendars) return effective.national;
    const agency = await this.store.agencyById(m, agencyId);
    if (!agency) throw new Refusal('agency-not-found', { agency: agencyId });
    return effective.forAgency(agency).calendar;
  }

  /**
   * The calendar and warnings for a public question, optionally about one agency by code
   * (its local overrides: applied or warned, R-WD-05). An unknown code is a 400 on `field`.
   */
  async view(agencyCode?: string, field = 'agency'): Promise<CalendarView> {
    const effective = await this.current();
    if (agencyCode === undefined) return { effective, agency: null, ...effective.forAgency(null) };
    const agency = await this.store.agencyByCode(agencyCode);
    if (!agency) {
      throw new Refusal('validation-failed', {}, [
        fieldProblem(field, 'agency-not-found', { agency: agencyCode }),
      ]);
    }
    const ref: AgencyRef = { id: agency.id, code: agency.code, path: agency.path };
    return { effective, agency: ref, ...effective.forAgency(ref) };
  }

  /** Committed changes after `afterId` (a cursor), oldest first — see CalendarChanges. */
  async changesSince(afterId: string, limit = 100): Promise<CalendarChange[]> {
    return this.store.changesSince(afterId, limit);
  }

  private async refresh(now: number, m?: EntityManager): Promise<EffectiveCalendar> {
    const generation = this.generation;
    const version = await this.store.version(m);
    let effective = this.cached;
    if (!effective || effective.version !== version) {
      // Version first, then the state (itself one snapshot): the state is never older than the
      // version it is cached under, so a concurrent change is at worst reloaded once more.
      effective = new EffectiveCalendar(
        await this.store.loadState(m),
        this.config.calendar.applyLocalOverrides,
      );
    }
    if (generation === this.generation) {
      this.cached = effective;
      this.checkedAt = now;
    }
    return effective;
  }
}
