import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../infra/clock/clock';
import type { Principal } from '../access/domain/principal';
import { CaseActions, type ActionOptions } from './case-actions';
import { CaseChanges, caseRefusal, decidedFor } from './case-changes.service';
import { CaseClock } from './case-clock.service';
import { CaseFeeNotice } from './case-fee-notice.entity';
import { CaseLetters } from './case-letters.service';
import { CasesRepository } from './cases.repository';
import {
  decideFeeNotice,
  decideFeePayment,
  decidePaymentRejection,
  decidePaymentReport,
  paymentDueOf,
} from './domain/rules';
import type {
  IssueFeeNoticeDto,
  RecordFeePaymentDto,
  RejectFeePaymentDto,
  ReportFeePaymentDto,
} from './dto/actions.dto';
import type { RequestCase } from './request-case.entity';
import { SystemActions } from './system-actions.service';

/** The information-processing fee of 国办函〔2020〕109号 (R-FEE-01…09, D-7, D-8). */
@Injectable()
export class FeeActionsService {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    private readonly actions: CaseActions,
    private readonly changes: CaseChanges,
    private readonly cases: CasesRepository,
    private readonly caseClock: CaseClock,
    private readonly letters: CaseLetters,
    private readonly deemed: SystemActions,
  ) {}

  /** R-FEE-03: a fee notice within the processing period; it pauses the clock (D-7). */
  issueNotice(
    p: Principal,
    id: string,
    dto: IssueFeeNoticeDto,
    o: ActionOptions = {},
  ): Promise<RequestCase> {
    return this.actions.run(p, id, 'issue_fee_notice', o, async (tx, { c, agency, actor }) => {
      const today = this.clock.today();
      const sentOn = dto.sentOn ?? today;
      const ledger = await this.cases.ledger(tx.m, c.id);
      const { feeNotice } = ledger;
      const nthInMonth =
        dto.method === 'per-piece' && c.receivedOn && c.applicantIdIndex
          ? await this.cases.nthInMonth(tx.m, c)
          : 0;
      const { quantity, amountYuan } = decidedFor(
        c,
        decideFeeNotice(c, {
          today,
          alreadyIssued: feeNotice !== null,
          method: dto.method,
          pages: dto.pages ?? null,
          nthInMonth,
          sentOn,
          receivedOn: dto.receivedOn ?? null,
        }),
      );
      const cal = await this.caseClock.calendarOf(tx.m, c);
      const receivedOn = dto.receivedOn ?? null;
      const notice: CaseFeeNotice = {
        id: randomUUID(),
        caseYear: c.year,
        caseId: c.id,
        method: dto.method,
        quantity,
        amountYuan,
        sentOn,
        receivedOn,
        // R-FEE-04: the engine's window, from the applicant's receipt (unknown until recorded).
        paymentDue: paymentDueOf(cal, { sentOn, receivedOn }),
        paidOn: null,
        reportedOn: null,
        reportedPaidOn: null,
        rejectedOn: null,
        rejectionReason: null,
      };
      // The notice row is written with its letter; the ledger already counts it.
      const change = await this.changes.applyHeld(tx, c, {
        ledger: { ...ledger, feeNotice: notice },
        action: 'issue_fee_notice',
        actor,
        actorId: p.userId,
        payload: {
          feeNoticeId: notice.id,
          method: dto.method,
          quantity,
          amountYuan,
          paymentDue: notice.paymentDue,
        },
      });
      await this.letters.issue(
        tx,
        c,
        agency,
        { kind: 'fee_notice', notice },
        {
          actorId: p.userId,
          actor,
          issuedOn: sentOn,
          change,
          rows: [{ target: CaseFeeNotice, rows: [notice] }],
        },
      );
      return c;
    });
  }

  /** D-7: the applicant (or a clerk for them) reports a payment; the clerk decides on it. */
  reportPayment(
    p: Principal,
    id: string,
    dto: ReportFeePaymentDto,
    o: ActionOptions = {},
  ): Promise<RequestCase> {
    return this.actions.run(
      p,
      id,
      'report_fee_payment',
      { ...o, applicantAllowed: true },
      async (tx, { c, actor }) => {
        const { feeNotice } = await this.cases.ledger(tx.m, c.id);
        const today = this.clock.today();
        const cal = await this.caseClock.calendarOf(tx.m, c);
        decidedFor(c, decidePaymentReport(cal, feeNotice, { today, paidOn: dto.paidOn }));
        const notice = feeNotice as CaseFeeNotice;
        await tx.m.update(CaseFeeNotice, notice.id, {
          reportedOn: today,
          reportedPaidOn: dto.paidOn,
        });
        return this.changes.apply(tx, c, {
          action: 'report_fee_payment',
          actor,
          actorId: p.userId,
          reason: dto.note,
          payload: { feeNoticeId: notice.id, paidOn: dto.paidOn },
        });
      },
    );
  }

  /**
   * D-7, R-FEE-05: the clerk does not confirm a reported payment; the original deadline stands,
   * and once it has passed the case is deemed abandoned at once, with its letter.
   */
  rejectPayment(
    p: Principal,
    id: string,
    dto: RejectFeePaymentDto,
    o: ActionOptions = {},
  ): Promise<RequestCase> {
    return this.actions.run(p, id, 'reject_fee_payment', o, async (tx, { c, agency, actor }) => {
      const ledger = await this.cases.ledger(tx.m, c.id);
      const { feeNotice } = ledger;
      const today = this.clock.today();
      const { abandonNow } = decidedFor(c, decidePaymentRejection(feeNotice, today));
      const notice = feeNotice as CaseFeeNotice;
      const rejected = {
        reportedOn: null,
        reportedPaidOn: null,
        rejectedOn: today,
        rejectionReason: dto.reason,
      };
      await tx.m.update(CaseFeeNotice, notice.id, rejected);
      Object.assign(notice, rejected); // the ledger's own row: the ledger stays current
      const spec = {
        ledger,
        action: 'reject_fee_payment' as const,
        actor,
        actorId: p.userId,
        reason: dto.reason,
        payload: { feeNoticeId: notice.id, paymentDue: notice.paymentDue, abandonNow },
      };
      if (!abandonNow) return this.changes.apply(tx, c, spec);
      // The abandonment follows at once: it saves the case and issues the letter for both.
      const after = await this.changes.applyHeld(tx, c, spec, { save: false });
      const by = { role: 'clerk' as const, id: p.userId };
      const refused = await this.deemed.abandonUnpaidFeeOf(tx, c, by, { agency, ledger, after });
      if (refused) throw caseRefusal(c, refused.code, refused.params);
      return c;
    });
  }

  /**
   * The clerk confirms a payment (reported or seen): the pause ends on the payment day, however
   * late the confirmation (D-7); the payment must fall within 20 WD of the applicant's receipt.
   */
  recordPayment(
    p: Principal,
    id: string,
    dto: RecordFeePaymentDto,
    o: ActionOptions = {},
  ): Promise<RequestCase> {
    return this.actions.run(p, id, 'record_fee_payment', o, async (tx, { c, actor }) => {
      const { feeNotice } = await this.cases.ledger(tx.m, c.id);
      const today = this.clock.today();
      const paidOn = dto.paidOn ?? feeNotice?.reportedPaidOn ?? today;
      const cal = await this.caseClock.calendarOf(tx.m, c);
      const { receivedOn, paymentDue } = decidedFor(
        c,
        decideFeePayment(cal, feeNotice, {
          today,
          paidOn,
          noticeReceivedOn: dto.noticeReceivedOn ?? null,
        }),
      );
      const notice = feeNotice as CaseFeeNotice;
      await tx.m.update(CaseFeeNotice, notice.id, {
        receivedOn,
        paymentDue,
        paidOn,
        reportedOn: null,
        reportedPaidOn: null,
      });
      return this.changes.apply(tx, c, {
        action: 'record_fee_payment',
        actor,
        actorId: p.userId,
        payload: { feeNoticeId: notice.id, paidOn, amountYuan: notice.amountYuan },
      });
    });
  }

  /** R-FEE-05: unpaid 20 WD after receipt of the notice → deemed abandoned (row （六）2). */
  abandonUnpaid(p: Principal, id: string, o: ActionOptions = {}): Promise<RequestCase> {
    return this.actions.run(p, id, 'abandon_unpaid_fee', o, async (tx, { c, agency }) => {
      const by = { role: 'clerk' as const, id: p.userId };
      const refused = await this.deemed.abandonUnpaidFeeOf(tx, c, by, { agency });
      if (refused) throw caseRefusal(c, refused.code, refused.params);
      return c;
    });
  }
}
