import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../infra/clock/clock';
import { CaseConsultation } from './case-consultation.entity';
import { CaseFeeNotice } from './case-fee-notice.entity';
import { CaseTransitions } from './case-transitions.service';
import { openPauses } from './open-pauses';
import { closeCase } from './close-case';
import { RequestCase } from './request-case.entity';

export type SystemOutcome = 'done' | 'not-applicable';

/** Who brings about a deemed outcome: the clerk recording it, or the timer. */
export interface By {
  role: 'clerk' | 'system';
  id: string | null;
}
const SYSTEM: By = { role: 'system', id: null };

/**
 * Transitions the law makes automatic (DOMAIN §1.5, §1.7, §1.11), run by the timers inside the
 * effect's transaction. Each re-checks its condition on the locked case, so a late or repeated
 * wake-up changes nothing.
 */
@Injectable()
export class SystemActions {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    private readonly transitions: CaseTransitions,
  ) {}

  private async lock(m: EntityManager, caseId: string): Promise<RequestCase | null> {
    return m.getRepository(RequestCase).findOne({ where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * R-COR-04: correction period passed without a correction → deemed abandoned (（六）1).
   * Shared by the clerk's action and the timer; returns why it cannot happen yet, or null when done.
   */
  async abandonCorrectionOf(m: EntityManager, c: RequestCase, by: By): Promise<string | null> {
    const today = this.clock.today();
    if (c.status !== 'correction_requested') return `The request is not awaiting a correction. 该申请不在补正期间。`;
    if (!c.correctionPeriodEnd || today <= c.correctionPeriodEnd) return `The correction period runs until ${c.correctionPeriodEnd ?? '—'}. 补正期限尚未届满。`;
    await this.transitions.apply(m, c, {
      action: 'abandon_correction', actor: by.role, actorId: by.id, reason: `补正期限 ${c.correctionPeriodEnd} 届满未补正`,
      mutate: (x) => closeCase(x, 'ABANDONED_NO_CORRECTION', today),
    });
    return null;
  }

  async abandonCorrection(m: EntityManager, caseId: string): Promise<SystemOutcome> {
    const c = await this.lock(m, caseId);
    return c && (await this.abandonCorrectionOf(m, c, SYSTEM)) === null ? 'done' : 'not-applicable';
  }

  /** R-TP-04: the consulted party stayed silent past its 15 WD; the clock resumes (Art 34: deemed consent). */
  async consultationSilence(m: EntityManager, caseId: string, consultationId: string): Promise<SystemOutcome> {
    const c = await this.lock(m, caseId);
    const x = await m.getRepository(CaseConsultation).findOneBy({ id: consultationId, caseId });
    if (!c || !x || x.outcome || !x.partyDue || this.clock.today() <= x.partyDue || c.status !== 'paused') return 'not-applicable';
    await m.update(CaseConsultation, x.id, { outcome: 'silence' });
    await this.transitions.apply(m, c, {
      action: 'close_consultation', actor: 'system', actorId: null, openPauses: await openPauses(m, c),
      payload: { consultationId: x.id, outcome: 'silence', deemedConsent: x.partyKind === 'other_agency', partyDue: x.partyDue },
    });
    return 'done';
  }

  /** R-FEE-05: unpaid 20 WD after the applicant received the notice → deemed abandoned (（六）2). */
  async abandonUnpaidFeeOf(m: EntityManager, c: RequestCase, by: By, feeNoticeId?: string): Promise<string | null> {
    const f = await m.getRepository(CaseFeeNotice).findOneBy(feeNoticeId ? { id: feeNoticeId, caseId: c.id } : { caseId: c.id });
    const today = this.clock.today();
    if (!f || f.paidOn || c.status !== 'paused') return 'No unpaid fee notice. 没有待缴费的收费通知。';
    if (!f.paymentDue || today <= f.paymentDue) return `The applicant may pay until ${f.paymentDue ?? '(receipt of the notice unknown)'}. 缴费期限尚未届满。`;
    await this.transitions.apply(m, c, {
      action: 'abandon_unpaid_fee', actor: by.role, actorId: by.id, payload: { feeNoticeId: f.id, paymentDue: f.paymentDue },
      mutate: (x) => closeCase(x, 'ABANDONED_FEE_UNPAID', today),
    });
    return null;
  }

  async abandonUnpaidFee(m: EntityManager, caseId: string, feeNoticeId: string): Promise<SystemOutcome> {
    const c = await this.lock(m, caseId);
    return c && (await this.abandonUnpaidFeeOf(m, c, SYSTEM, feeNoticeId)) === null ? 'done' : 'not-applicable';
  }
}
