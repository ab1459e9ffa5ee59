import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../infra/clock/clock';
import { computeClock, type ClockResult } from '../deadlines/domain/clock';
import { CaseCalendar } from './case-calendar';
import { CaseConsultation } from './case-consultation.entity';
import { CaseFeeNotice } from './case-fee-notice.entity';
import { clockInputOf } from './domain/case-clock';
import { isOpen } from './domain/case-status';
import type { RequestCase } from './request-case.entity';

const DERIVED = ['anchorOn', 'correctionNoticeDue', 'baseDue', 'replyDue', 'paused', 'workingDaysLeft', 'provisional'] as const;
export type DerivedDeadlines = Pick<RequestCase, (typeof DERIVED)[number]>;

/**
 * Recomputes a case's due dates from its clock ledger (receipt, correction, consultations,
 * fee notice, extension, deferral) with the deadline engine, and bumps the deadline version
 * when anything moved. Called inside the transaction of every clock change.
 */
@Injectable()
export class CaseDeadlinesService {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    private readonly calendars: CaseCalendar,
  ) {}

  async compute(m: EntityManager, c: RequestCase): Promise<ClockResult | null> {
    if (!c.receivedOn) return null;
    const [consultations, fee] = await Promise.all([
      m.getRepository(CaseConsultation).find({ where: { caseId: c.id }, order: { sentOn: 'ASC' } }),
      m.getRepository(CaseFeeNotice).findOne({ where: { caseId: c.id }, order: { sentOn: 'DESC' } }),
    ]);
    const cal = await this.calendars.forAgency(c.agencyId, m);
    return computeClock(
      cal,
      clockInputOf(
        {
          regime: c.regime,
          receivedOn: c.receivedOn,
          correctionRequestedOn: c.correctionRequestedOn,
          correctionReceivedOn: c.correctionReceivedOn,
          consultations: consultations.map((x) => ({ sentOn: x.sentOn, partyReceivedOn: x.partyReceivedOn, answeredOn: x.answeredOn })),
          feeNotice: fee ? { sentOn: fee.sentOn, receivedOn: fee.receivedOn, paidOn: fee.paidOn } : null,
          extensionDays: c.extensionDays,
          deferralDue: c.deferralDue,
        },
        this.clock.today(),
      ),
    );
  }

  /**
   * Applies the engine's result to the case (in memory). Returns the previous values when a
   * due date moved, so the caller can record the change; null when nothing changed.
   */
  async refresh(m: EntityManager, c: RequestCase): Promise<{ before: DerivedDeadlines; after: DerivedDeadlines } | null> {
    // Closed cases keep the dates they were closed with (on-time was judged against them).
    if (!isOpen(c.status)) return null;
    const result = await this.compute(m, c);
    if (!result) return null;
    const before = pick(c);
    // R-COR-03: while a correction is awaited no reply period runs; it restarts on receipt.
    const awaiting = c.status === 'correction_requested';
    Object.assign(c, {
      anchorOn: result.anchor,
      correctionNoticeDue: result.correctionNoticeDue,
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
