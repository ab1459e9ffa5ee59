import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../infra/clock/clock';
import type { Tx } from '../../infra/database/unit-of-work';
import type { Agency } from '../agencies/agency.entity';
import type { Refusal } from '../../shared/domain/refusal';
import { CaseChanges, type HeldChange } from './case-changes.service';
import { CaseClock } from './case-clock.service';
import { CaseConsultation } from './case-consultation.entity';
import { CaseLetters } from './case-letters.service';
import { CasesRepository, type CaseLedger } from './cases.repository';
import { decidedFor } from './case-changes.service';
import {
  decideConsultationClose,
  decideCorrectionAbandonment,
  decideFeeAbandonment,
  decideReopen,
} from './domain/rules';
import { concludedOnAfter } from './domain/rules/conclusion';
import { REPLY_TYPE_INFO, type ReplyType } from '../law/domain/reply-type';
import type { RequestCase } from './request-case.entity';

/** Who brings about a deemed outcome: the clerk recording it, or the timer. */
export interface By {
  role: 'clerk' | 'system';
  id: string | null;
}
const SYSTEM: By = { role: 'system', id: null };

/**
 * Records the outcome of a case (reply type, basis, day) and, when this is its first
 * conclusion, `concludedOn` and the type it is counted under (D-11, D-17).
 */
export function concludeWith(
  c: RequestCase,
  type: ReplyType,
  on: string,
  conclusion: Parameters<typeof concludedOnAfter>[1] | null,
): void {
  c.replyType = type;
  c.replyBasis = REPLY_TYPE_INFO[type].basis;
  c.repliedOn = on;
  if (conclusion) markConcluded(c, type, conclusion);
}

/** Sets `concludedOn` (and the counted type) once: a later conclusion never moves it. */
export function markConcluded(
  c: RequestCase,
  type: ReplyType,
  conclusion: Parameters<typeof concludedOnAfter>[1],
): void {
  const before = c.concludedOn;
  c.concludedOn = concludedOnAfter(before, conclusion);
  if (before === null && c.concludedOn !== null) c.conclusionType = type;
}

/**
 * Transitions the law makes automatic (DOMAIN §1.5, §1.7, §1.11), shared by the clerk's action
 * and the timer. Each re-checks its condition (a pure rule) on the locked case, so a late or
 * repeated wake-up changes nothing. Returns the refusal when it cannot happen (yet).
 */
@Injectable()
export class SystemActions {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    private readonly cases: CasesRepository,
    private readonly changes: CaseChanges,
    private readonly caseClock: CaseClock,
    private readonly letters: CaseLetters,
  ) {}

  /**
   * D-18: a reconsideration decision or a judgment orders a new answer. The case reopens with
   * the ordered due date, or the regime's reply period from the day the decision was received;
   * the first conclusion (concludedOn, D-17) is kept. Used by the clerk's action and by a
   * remedy's corrective decision (`remedyId` in the event).
   */
  async reopen(
    tx: Tx,
    c: RequestCase,
    by: By,
    input: {
      decisionReceivedOn: string;
      orderedDue: string | null;
      reason: string;
      remedyId?: string;
    },
  ): Promise<RequestCase> {
    decidedFor(
      c,
      decideReopen({
        today: this.clock.today(),
        decisionReceivedOn: input.decisionReceivedOn,
        orderedDue: input.orderedDue,
      }),
    );
    return this.changes.apply(tx, c, {
      action: 'reopen',
      actor: by.role,
      actorId: by.id,
      reason: input.reason,
      payload: {
        decisionReceivedOn: input.decisionReceivedOn,
        orderedDue: input.orderedDue,
        previousReplyType: c.replyType,
        ...(input.remedyId ? { remedyId: input.remedyId } : {}),
      },
      mutate: (x) =>
        Object.assign(x, {
          reopenedOn: input.decisionReceivedOn,
          orderedDue: input.orderedDue,
          extensionDays: 0,
          deferralDue: null,
          reasonsRequestedOn: null,
          reasonsReceivedOn: null,
          replyType: null,
          replyBasis: null,
          replyDetail: null,
          repliedOn: null,
          serviceMethod: null,
          servedOn: null,
          deliveredOn: null,
        }),
    });
  }

  /** R-COR-04: correction period passed without a correction → deemed abandoned (（六）1). */
  async abandonCorrectionOf(
    tx: Tx,
    c: RequestCase,
    by: By,
    agency?: Agency,
  ): Promise<Refusal | null> {
    const d = decideCorrectionAbandonment(c, this.clock.today());
    if (!d.ok) return d.refusal;
    const change = await this.changes.applyHeld(tx, c, {
      action: 'abandon_correction',
      actor: by.role,
      actorId: by.id,
      reason: `补正期限 ${d.value.periodEnd} 届满未补正`,
      payload: { periodEnd: d.value.periodEnd, concludedOn: d.value.concludedOn },
      mutate: (x) =>
        concludeWith(x, 'ABANDONED_NO_CORRECTION', this.clock.today(), {
          kind: 'abandoned',
          concludedOn: d.value.concludedOn,
        }),
    });
    await this.letters.issueReply(
      tx,
      c,
      agency ?? (await this.cases.agencyOf(tx.m, c)),
      { kind: 'reply' },
      { actorId: by.id, actor: by.role, change },
    );
    return null;
  }

  /** R-FEE-05: unpaid 20 WD after the applicant received the notice → deemed abandoned (（六）2). */
  async abandonUnpaidFeeOf(
    tx: Tx,
    c: RequestCase,
    by: By,
    known: { feeNoticeId?: string; agency?: Agency; ledger?: CaseLedger; after?: HeldChange } = {},
  ): Promise<Refusal | null> {
    const { feeNoticeId, agency } = known;
    const ledger = known.ledger ?? (await this.cases.ledger(tx.m, c.id));
    const { feeNotice } = ledger;
    const notice = feeNotice && (!feeNoticeId || feeNotice.id === feeNoticeId) ? feeNotice : null;
    const d = decideFeeAbandonment(c, notice, this.clock.today());
    if (!d.ok) return d.refusal;
    const change = await this.changes.applyHeld(
      tx,
      c,
      {
        ledger,
        action: 'abandon_unpaid_fee',
        actor: by.role,
        actorId: by.id,
        payload: {
          feeNoticeId: notice?.id,
          paymentDue: d.value.paymentDue,
          concludedOn: d.value.concludedOn,
        },
        mutate: (x) =>
          concludeWith(x, 'ABANDONED_FEE_UNPAID', this.clock.today(), {
            kind: 'abandoned',
            concludedOn: d.value.concludedOn,
          }),
      },
      { after: known.after },
    );
    await this.letters.issueReply(
      tx,
      c,
      agency ?? (await this.cases.agencyOf(tx.m, c)),
      { kind: 'reply', feeNotice: notice },
      { actorId: by.id, actor: by.role, change },
    );
    return null;
  }

  /** R-TP-04: the consulted party stayed silent past its 15 WD; the clock resumes (Art 34: deemed consent). */
  async consultationSilence(
    tx: Tx,
    c: RequestCase,
    consultationId: string,
  ): Promise<Refusal | null> {
    const x = await tx.m
      .getRepository(CaseConsultation)
      .findOneBy({ id: consultationId, caseId: c.id });
    if (!x || c.status !== 'paused') return null;
    const cal = await this.caseClock.calendarOf(tx.m, c);
    const d = decideConsultationClose(cal, c, x, {
      today: this.clock.today(),
      outcome: 'silence',
      answeredOn: null,
      partyReceivedOn: null,
    });
    if (!d.ok) return d.refusal;
    await tx.m.update(CaseConsultation, x.id, { outcome: 'silence', partyDue: d.value.partyDue });
    await this.changes.apply(tx, c, {
      action: 'close_consultation',
      actor: 'system',
      actorId: null,
      payload: {
        consultationId: x.id,
        outcome: 'silence',
        deemedConsent: d.value.deemedConsent,
        partyDue: d.value.partyDue,
      },
    });
    return null;
  }

  /** For the timers: the locked case, or null when it is gone. */
  lock(tx: Tx, caseId: string): Promise<RequestCase | null> {
    return this.cases.lockForAction(tx.m, caseId);
  }

  static readonly SYSTEM = SYSTEM;
}
