import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../infra/clock/clock';
import { invalidField } from '../../infra/http/domain-error';
import type { Principal } from '../auth/domain/principal';
import { calculateFee } from '../fees/domain/fee-calculator';
import { CaseCalendar } from './case-calendar';
import { CaseFeeNotice } from './case-fee-notice.entity';
import { CaseTransitions, conflict } from './case-transitions.service';
import type { IssueFeeNoticeDto, RecordFeePaymentDto } from './dto/actions.dto';
import { openPauses } from './open-pauses';
import type { RequestCase } from './request-case.entity';
import { SystemActions } from './system-actions.service';
import { WorkflowService, type ActionOptions } from './workflow.service';

const invalid = invalidField;
const FEE_PAYMENT_WD = 20; // R-FEE-04

/** The information-processing fee of 国办函〔2020〕109号 (R-FEE-01…09, D-7, D-8). */
@Injectable()
export class FeeActionsService {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    private readonly workflow: WorkflowService,
    private readonly transitions: CaseTransitions,
    private readonly calendars: CaseCalendar,
    private readonly deemed: SystemActions,
  ) {}

  /** R-FEE-03: a fee notice within the processing period; pauses the clock (D-7). */
  issueNotice(p: Principal, id: string, dto: IssueFeeNoticeDto, o: ActionOptions = {}): Promise<RequestCase> {
    return this.workflow.withCase(p, id, o, async (m, { c }) => {
      if (!c.receivedOn || c.regime !== 'OGI-2019') throw invalid('regime', 'fees exist only under OGI-2019 · 仅适用于2019年条例');
      if (await m.getRepository(CaseFeeNotice).existsBy({ caseId: c.id })) throw conflict(c, 'A fee notice was already issued for this request. 本申请已发出收费通知。');
      if (dto.method === 'per-volume' && !dto.pages) throw invalid('pages', 'required for per-volume · 按量计收须填写页数');
      const quantity = dto.method === 'per-piece' ? await this.nthInMonth(m, c) : (dto.pages as number);
      const fee = calculateFee(dto.method === 'per-piece' ? { method: 'per-piece', nth: quantity, receivedOn: c.receivedOn } : { method: 'per-volume', pages: quantity, receivedOn: c.receivedOn });
      if (fee.amountYuan === 0) throw invalid('method', `no fee is due (${dto.method === 'per-piece' ? `${quantity}th piece this month` : `${quantity} pages`}) · 在免费范围内，不应收费`);
      const today = this.clock.today();
      const sentOn = dto.sentOn ?? today;
      if (sentOn > today || sentOn < c.receivedOn) throw invalid('sentOn', 'outside the case period · 日期不在办理期间内');
      if (c.replyDue && sentOn > c.replyDue) throw conflict(c, 'A fee notice must be sent within the processing period. 收费通知应在答复期限内发出。');
      const receivedOn = dto.receivedOn ?? null;
      if (receivedOn && (receivedOn < sentOn || receivedOn > today)) throw invalid('receivedOn', 'before sending or in the future · 日期有误');
      const notice = { id: randomUUID(), caseYear: c.year, caseId: c.id, method: fee.method, quantity, amountYuan: fee.amountYuan, sentOn, receivedOn, paymentDue: await this.paymentDue(m, c, receivedOn), paidOn: null };
      await m.insert(CaseFeeNotice, notice);
      return this.transitions.apply(m, c, { action: 'issue_fee_notice', actor: 'clerk', actorId: p.userId, payload: { feeNoticeId: notice.id, method: fee.method, quantity, amountYuan: fee.amountYuan, paymentDue: notice.paymentDue } });
    });
  }

  recordPayment(p: Principal, id: string, dto: RecordFeePaymentDto, o: ActionOptions = {}): Promise<RequestCase> {
    return this.workflow.withCase(p, id, { ...o, applicantAllowed: true }, async (m, { c, actor }) => {
      const notice = await this.unpaid(m, c);
      const today = this.clock.today();
      const paidOn = actor === 'applicant' ? today : (dto.paidOn ?? today);
      const receivedOn = notice.receivedOn ?? dto.noticeReceivedOn ?? paidOn;
      if (receivedOn < notice.sentOn || paidOn < receivedOn || paidOn > today) throw invalid('paidOn', 'dates out of order · 日期有误');
      const paymentDue = await this.paymentDue(m, c, receivedOn);
      if (paymentDue && paidOn > paymentDue) throw conflict(c, `The payment window ended ${paymentDue}; the application is deemed abandoned. 已超过缴费期限，视为放弃申请。`);
      await m.update(CaseFeeNotice, notice.id, { receivedOn, paymentDue, paidOn });
      return this.transitions.apply(m, c, { action: 'record_fee_payment', actor, actorId: p.userId, openPauses: (await openPauses(m, c)), payload: { feeNoticeId: notice.id, paidOn, amountYuan: notice.amountYuan } });
    });
  }

  /** R-FEE-05: unpaid 20 WD after receipt of the notice → deemed abandoned (row （六）2). */
  abandonUnpaid(p: Principal, id: string, o: ActionOptions = {}): Promise<RequestCase> {
    return this.workflow.withCase(p, id, o, async (m, { c }) => {
      const notYet = await this.deemed.abandonUnpaidFeeOf(m, c, { role: 'clerk', id: p.userId });
      if (notYet) throw conflict(c, notYet);
      return c;
    });
  }

  private async unpaid(m: EntityManager, c: RequestCase): Promise<CaseFeeNotice> {
    const notice = await m.getRepository(CaseFeeNotice).findOneBy({ caseId: c.id });
    if (!notice || notice.paidOn) throw conflict(c, 'No unpaid fee notice. 没有待缴费的收费通知。');
    return notice;
  }

  private async paymentDue(m: EntityManager, c: RequestCase, noticeReceivedOn: string | null): Promise<string | null> {
    if (!noticeReceivedOn) return null;
    return (await this.calendars.forAgency(c.agencyId, m)).addWorkingDays(noticeReceivedOn, FEE_PAYMENT_WD).due;
  }

  /** D-8: the k-th application of the same applicant to the same agency in the month of receipt. */
  private async nthInMonth(m: EntityManager, c: RequestCase): Promise<number> {
    const month = (c.receivedOn as string).slice(0, 7);
    const [{ n }] = await m.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM request_case
        WHERE agency_id = $1 AND applicant_id_index = $2 AND to_char(received_on, 'YYYY-MM') = $3
          AND (received_on, created_at) <= ($4::date, (SELECT created_at FROM request_case WHERE id = $5))`,
      [c.agencyId, c.applicantIdIndex, month, c.receivedOn, c.id],
    );
    return n;
  }
}
