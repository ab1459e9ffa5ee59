import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../../infra/clock/clock';
import { AppError, ErrorCode } from '../../infra/http/domain-error';
import { Agency } from '../agencies/agency.entity';
import type { Principal } from '../auth/domain/principal';
import { CaseAccess } from '../requests/case-access.service';
import { CaseCalendar } from '../requests/case-calendar';
import { CaseConsultation } from '../requests/case-consultation.entity';
import { CaseEvent } from '../requests/case-event.entity';
import { CaseExtension } from '../requests/case-extension.entity';
import { CaseFeeNotice } from '../requests/case-fee-notice.entity';
import { RequestCase } from '../requests/request-case.entity';
import { LETTER_TITLES, renderLetter, type LetterBase, type LetterKind, type RenderedLetter } from './domain';
import { replyDecisionOf } from './reply-decision';

const unavailable = (kind: LetterKind) => new AppError(ErrorCode.NotFound, `No ${kind} letter exists for this request yet. 该申请尚无此文书。`);

/** Renders the statutory letters of a case from its recorded facts (printable A4 HTML). */
@Injectable()
export class LettersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    private readonly access: CaseAccess,
    private readonly calendars: CaseCalendar,
  ) {}

  /** The letters that exist for the case at this point of its life. */
  async available(principal: Principal, id: string): Promise<Array<{ kind: LetterKind; title: string; consultationId?: string }>> {
    const { c } = await this.access.load(this.db.manager, principal, id, { applicantAllowed: true });
    const out: Array<{ kind: LetterKind; title: string; consultationId?: string }> = [];
    const add = (kind: LetterKind, consultationId?: string) => out.push({ kind, title: LETTER_TITLES[kind], ...(consultationId ? { consultationId } : {}) });
    if (c.receivedOn) add('receipt_acknowledgement');
    if (c.correctionRequestedOn) add('correction_notice');
    if (await this.db.getRepository(CaseExtension).existsBy({ caseId: c.id, approved: true })) add('extension_notice');
    if (c.deferralDue) add('deferral_notice');
    if (await this.db.getRepository(CaseFeeNotice).existsBy({ caseId: c.id })) add('fee_notice');
    if (principal.kind === 'staff') for (const x of await this.db.getRepository(CaseConsultation).findBy({ caseId: c.id })) add('consultation_letter', x.id);
    if (c.replyType) add('reply');
    return out;
  }

  async render(principal: Principal, id: string, kind: LetterKind, consultationId?: string): Promise<RenderedLetter> {
    const { c, agency } = await this.access.load(this.db.manager, principal, id, { applicantAllowed: kind !== 'consultation_letter' });
    return this.renderCase(this.db.manager, c, agency, kind, consultationId);
  }

  /** Renders a letter of a case with the given manager (inside a transaction: sees its changes). */
  async renderCase(m: EntityManager, c: RequestCase, agency: Agency, kind: LetterKind, consultationId?: string): Promise<RenderedLetter> {
    const base = this.base(c, agency);
    const applicantBase = { ...base, applicant: { name: c.applicantName }, request: { title: c.title, docNo: c.docNo, description: c.description, receivedOn: c.receivedOn ?? this.clock.today() } };
    const cal = await this.calendars.forAgency(c.agencyId, m);
    switch (kind) {
      case 'receipt_acknowledgement':
        if (!c.receivedOn) throw unavailable(kind);
        return renderLetter(kind, { ...applicantBase, issuedOn: c.receivedOn, channel: c.channel, replyDueOn: c.baseDue ?? c.replyDue ?? cal.addWorkingDays(c.receivedOn, 20).due ?? c.receivedOn, statesFeePause: true });
      case 'correction_notice': {
        if (!c.correctionRequestedOn || !c.correctionPeriodEnd) throw unavailable(kind);
        const asked = await m.getRepository(CaseEvent).findOne({ where: { caseId: c.id, action: 'request_correction' }, order: { id: 'DESC' } });
        return renderLetter(kind, { ...applicantBase, issuedOn: c.correctionRequestedOn, items: [asked?.reason ?? '请补正申请内容'], correctionDueOn: c.correctionPeriodEnd });
      }
      case 'extension_notice': {
        const ext = await m.getRepository(CaseExtension).findOneBy({ caseId: c.id, approved: true });
        if (!ext || !c.baseDue || !c.replyDue) throw unavailable(kind);
        return renderLetter(kind, { ...applicantBase, issuedOn: ext.decidedOn ?? ext.requestedOn, originalDueOn: c.baseDue, extensionWorkingDays: ext.days, newDueOn: c.replyDue, reason: ext.reason });
      }
      case 'deferral_notice': {
        if (!c.deferralDue) throw unavailable(kind);
        const ev = await m.getRepository(CaseEvent).findOne({ where: { caseId: c.id, action: 'record_deferral' }, order: { id: 'DESC' } });
        return renderLetter(kind, { ...applicantBase, issuedOn: shanghaiDay(ev?.at) ?? this.clock.today(), delayedReplyOn: c.deferralDue, reason: ev?.reason ?? '', originalDueOn: c.baseDue });
      }
      case 'fee_notice': {
        const fee = await m.getRepository(CaseFeeNotice).findOneBy({ caseId: c.id });
        if (!fee) throw unavailable(kind);
        // The printed date assumes receipt on the day of issue when the receipt is not yet known.
        const paymentDueOn = fee.paymentDue ?? cal.addWorkingDays(fee.sentOn, 20).due ?? fee.sentOn;
        return renderLetter(kind, {
          ...applicantBase,
          issuedOn: fee.sentOn,
          charge: fee.method === 'per-piece' ? { method: 'per-piece', cumulativePiecesInMonth: fee.quantity } : { method: 'per-volume', pages: fee.quantity },
          amountYuan: fee.amountYuan,
          paymentMethod: `请持本通知到${agency.name}缴纳，或按本机关公布的非税收入缴款方式缴入国库（预算科目103049950其他缴入国库的行政事业性收费），凭财政部门票据办理。`,
          paymentDueOn,
        });
      }
      case 'consultation_letter': {
        const x = consultationId ? await m.getRepository(CaseConsultation).findOneBy({ id: consultationId, caseId: c.id }) : null;
        if (!x) throw unavailable(kind);
        const replyDueOn = x.partyDue ?? cal.addWorkingDays(x.sentOn, 15).due ?? x.sentOn;
        return renderLetter(kind, { ...base, issuedOn: x.sentOn, consultee: { kind: x.partyKind, name: x.partyName }, request: { title: c.title, docNo: c.docNo, description: x.subject, receivedOn: c.receivedOn ?? x.sentOn }, replyDueOn, reason: x.subject });
      }
      case 'reply': {
        if (!c.replyType || !c.repliedOn) throw unavailable(kind);
        const fee = await m.getRepository(CaseFeeNotice).findOneBy({ caseId: c.id });
        const previous = c.similarToId ? await m.getRepository(RequestCase).findOneBy({ id: c.similarToId }) : null;
        const decision = replyDecisionOf(c, { previousReplyOn: previous?.repliedOn, feeNoticeOn: fee?.sentOn, paymentDueOn: fee?.paymentDue });
        return renderLetter(kind, { ...applicantBase, issuedOn: c.repliedOn, decision });
      }
    }
  }

  private base(c: RequestCase, agency: Agency): Omit<LetterBase, 'issuedOn'> & { issuedOn: string } {
    return {
      agency: {
        name: agency.name,
        contact: { address: agency.address, postcode: agency.postcode, phone: agency.phone, email: agency.email, website: agency.website },
        remedyBodies: { reconsiderationBody: agency.reconsiderationBody, court: agency.court },
      },
      documentNumber: { prefix: agency.name, year: c.year, seq: c.seq },
      referenceNumber: c.referenceNo,
      issuedOn: this.clock.today(),
      regime: c.regime ?? 'OGI-2019',
    };
  }
}

function shanghaiDay(at: Date | undefined): string | null {
  return at ? new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10) : null;
}
