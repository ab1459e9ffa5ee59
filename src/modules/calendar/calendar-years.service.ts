import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../infra/clock/clock';
import { fieldProblem, Refusal } from '../../infra/http/domain-error';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../access/domain/principal';
import { isRootAdmin } from '../access/domain/root-admin';
import { CalendarChangeWriter } from './calendar-change-writer';
import { CalendarYearNotice } from './calendar-year-notice.entity';
import { nationalYearArrangements } from './domain/calendar-data';
import {
  parseYearNoticeOrThrow,
  toYearNoticeJson,
  type YearNoticeJson,
} from './domain/year-notice';

export interface YearImportResult {
  readonly year: number;
  /** False when the identical notice was already loaded: nothing was written. */
  readonly changed: boolean;
  /** What the import replaced: the bundled dataset's year, an earlier import, or nothing. */
  readonly replaced: 'national' | 'imported' | null;
  readonly noticeUrl: string;
  readonly noticeDate: string;
  /** Calendar version after the import. */
  readonly version: string;
}

/** The notice in its canonical JSON form (parseYearNotice sorts dates and fills English names). */
function canonical(notice: unknown): string {
  return JSON.stringify(toYearNoticeJson(parseYearNoticeOrThrow(notice)));
}

/**
 * Loading a new year's State Council notice (R-WD-04): until it is loaded, deadlines reaching the
 * year are PROVISIONAL. Only root administrators (or the command line) may import.
 */
@Injectable()
export class CalendarYearsService {
  constructor(
    private readonly writer: CalendarChangeWriter,
    private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * Imports a notice (object or JSON text). A year the calendar already has — from the bundled
   * dataset or an earlier import — is replaced only with `replace`; the identical notice again
   * changes nothing. `principal` null = the command line.
   */
  async importYear(
    principal: Principal | null,
    input: unknown,
    options: { replace?: boolean; ip?: string | null } = {},
  ): Promise<YearImportResult> {
    if (principal && !isRootAdmin(principal)) {
      throw new Refusal('root-admin-only');
    }
    const arrangement = parseYearNoticeOrThrow(input);
    const notice = toYearNoticeJson(arrangement) as YearNoticeJson;
    const text = JSON.stringify(notice);
    const { year } = arrangement;
    const { result, version } = await this.writer.run(async (tx) => {
      const repo = tx.getRepository(CalendarYearNotice);
      const current = await repo
        .createQueryBuilder('n')
        .where('n.year = :year AND n.superseded_at IS NULL', { year })
        .getOne();
      const base = { year, noticeUrl: notice.noticeUrl, noticeDate: notice.noticeDate };
      if (current && canonical(current.notice) === text) {
        return {
          result: { ...base, changed: false, replaced: null as YearImportResult['replaced'] },
          change: null,
        };
      }
      const replaced: YearImportResult['replaced'] = current
        ? 'imported'
        : nationalYearArrangements().some((y) => y.year === year)
          ? 'national'
          : null;
      if (replaced && !options.replace) {
        const from = replaced === 'national' ? 'the bundled national dataset' : 'an earlier import';
        throw new Refusal('calendar-year-loaded', { year, from }, [
          fieldProblem('year', 'calendar-year-loaded', { year, from }),
        ]);
      }
      const now = this.clock.now();
      if (current) await repo.update(current.id, { supersededAt: now });
      const id = randomUUID();
      await repo.insert({
        id,
        ...base,
        notice,
        importedAt: now,
        importedBy: principal?.userId ?? null,
        supersededAt: null,
      });
      const details = { noticeUrl: notice.noticeUrl, noticeDate: notice.noticeDate, replaced };
      await this.audit.record(
        {
          actorId: principal?.userId ?? null,
          action: 'calendar.year-imported',
          targetType: 'calendar_year',
          targetId: String(year),
          agencyId: null,
          ip: options.ip ?? null,
          details: { ...details, noticeId: id, via: principal ? 'api' : 'cli' },
        },
        tx,
      );
      return {
        result: { ...base, changed: true, replaced },
        change: {
          actorId: principal?.userId ?? null,
          action: 'year.imported',
          scope: 'NATIONAL',
          agencyId: null,
          year,
          overrideId: null,
          // A notice may move days of the previous December (e.g. 2018-12-29/31 by the 2019 one).
          dateFrom: `${year - 1}-12-01`,
          dateTo: `${year}-12-31`,
          affectsDeadlines: true,
          details,
        },
      };
    });
    return { ...result, version };
  }
}
