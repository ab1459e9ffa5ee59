import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../infra/clock/clock';
import { CalendarService } from '../calendar/calendar.service';
import type { WorkingCalendar } from '../calendar/domain/working-calendar';
import { computeClock, type ClockInput, type ClockResult } from '../deadlines/domain/clock';
import { traceClock, type DeadlineTrace } from '../deadlines/domain/trace';
import type { CaseLedger } from './cases.repository';
import { clockInputOf } from './domain/case-clock';
import { isOpen } from './domain/case-status';
import type { RequestCase } from './request-case.entity';

const DERIVED = [
  'anchorOn',
  'correctionNoticeDue',
  'baseDue',
  'replyDue',
  'paused',
  'workingDaysLeft',
  'provisional',
] as const;
export type DerivedDeadlines = Pick<RequestCase, (typeof DERIVED)[number]>;

/**
 * The deadline engine applied to a case: its due dates from its clock ledger (receipt,
 * correction, consultations, fee notice, extension, deferral, reopening). The derived dates
 * stored on the case are always the engine's results, never re-derived elsewhere.
 */
@Injectable()
export class CaseClock {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    private readonly calendars: CalendarService,
  ) {}

  /** The agency's calendar, read on the caller's connection `m` (inside a transaction). */
  calendarOf(m: EntityManager, c: Pick<RequestCase, 'agencyId'>): Promise<WorkingCalendar> {
    return this.calendars.calendarFor(c.agencyId, m);
  }

  compute(cal: WorkingCalendar, c: RequestCase, l: CaseLedger): ClockResult | null {
    return c.receivedOn ? computeClock(cal, this.inputOf(c, l)) : null;
  }

  /** The engine's result together with the day-by-day trace of the reply count (same inputs). */
  trace(
    cal: WorkingCalendar,
    c: RequestCase,
    l: CaseLedger,
  ): { clock: ClockResult; trace: DeadlineTrace } | null {
    return c.receivedOn ? traceClock(cal, this.inputOf(c, l)) : null;
  }

  private inputOf(c: RequestCase, l: CaseLedger): ClockInput {
    return clockInputOf(
      {
        regime: c.regime,
        receivedOn: c.receivedOn as string,
        correctionRequestedOn: c.correctionRequestedOn,
        correctionReceivedOn: c.correctionReceivedOn,
        consultations: l.consultations.map((x) => ({
          sentOn: x.sentOn,
          partyReceivedOn: x.partyReceivedOn,
          answeredOn: x.answeredOn,
        })),
        feeNotice: l.feeNotice
          ? {
              sentOn: l.feeNotice.sentOn,
              receivedOn: l.feeNotice.receivedOn,
              paidOn: l.feeNotice.paidOn,
            }
          : null,
        extensionDays: c.extensionDays,
        deferralDue: c.deferralDue,
        reopenedOn: c.reopenedOn,
        orderedDue: c.orderedDue,
      },
      this.clock.today(),
    );
  }

  /**
   * Applies the engine's result to the case (in memory). Returns the previous and new values
   * when a due date moved (the caller records them), null when nothing changed. Closed cases
   * keep the dates they were closed with (on time was judged against them).
   */
  refresh(
    cal: WorkingCalendar,
    c: RequestCase,
    l: CaseLedger,
  ): { before: DerivedDeadlines; after: DerivedDeadlines } | null {
    if (!isOpen(c.status)) return null;
    const result = this.compute(cal, c, l);
    if (!result) return null;
    const before = pick(c);
    // R-COR-03: while a correction is awaited no reply period runs; it restarts on receipt.
    const awaiting = c.status === 'correction_requested';
    Object.assign(c, {
      anchorOn: result.anchor,
      // D-18: a reopened case has no new correction stage.
      correctionNoticeDue: c.reopenedOn ? null : result.correctionNoticeDue,
      baseDue: awaiting ? null : result.baseDue,
      replyDue: awaiting ? null : result.replyDue,
      paused: awaiting ? false : result.paused,
      workingDaysLeft: awaiting ? null : result.workingDaysLeft,
      provisional: result.provisional,
    });
    const after = pick(c);
    if (JSON.stringify(before) === JSON.stringify(after)) return null;
    c.deadlinesVersion += 1;
    return { before, after };
  }
}

function pick(c: RequestCase): DerivedDeadlines {
  return Object.fromEntries(DERIVED.map((k) => [k, c[k]])) as DerivedDeadlines;
}
