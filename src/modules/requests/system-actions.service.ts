import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../infra/clock/clock';
import { CaseConsultation } from './case-consultation.entity';
import { CaseFeeNotice } from './case-fee-notice.entity';
import { CaseTransitions } from './case-transitions.service';
import { openPauses } from './open-pauses';
import { RequestCase } from './request-case.entity';

export type SystemOutcome = 'done' | 'not-applicable';

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

  /** R-COR-04: correction period passed without a correction → deemed abandoned (（六）1). */
  async abandonCorrection(m: EntityManager, caseId: string): Promise<SystemOutcome> {
    const c = await this.lock(m, caseId);
    const today = this.clock.today();
    if (!c || c.status !== 'correction_requested' || !c.correctionPeriodEnd || today <= c.correctionPeriodEnd) return 'not-applicable';
    await this.transitions.apply(m, c, {
      action: 'abandon_correction', actor: 'system', actorId: null, reason: `补正期限 ${c.correctionPeriodEnd} 届满未补正`,
      mutate: (x) => Object.assign(x, { replyType: 'ABANDONED_NO_CORRECTION', replyBasis: '《政府信息公开条例》第三十条', repliedOn: today }),
    });
    return 'done';
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
  async abandonUnpaidFee(m: EntityManager, caseId: string, feeNoticeId: string): Promise<SystemOutcome> {
    const c = await this.lock(m, caseId);
    const f = await m.getRepository(CaseFeeNotice).findOneBy({ id: feeNoticeId, caseId });
    const today = this.clock.today();
    if (!c || !f || f.paidOn || !f.paymentDue || today <= f.paymentDue || c.status !== 'paused') return 'not-applicable';
    await this.transitions.apply(m, c, {
      action: 'abandon_unpaid_fee', actor: 'system', actorId: null, payload: { feeNoticeId: f.id, paymentDue: f.paymentDue },
      mutate: (x) => Object.assign(x, { replyType: 'ABANDONED_FEE_UNPAID', replyBasis: '《政府信息公开信息处理费管理办法》', repliedOn: today }),
    });
    return 'done';
  }
}
