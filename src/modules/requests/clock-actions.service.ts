import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../infra/clock/clock';
import { AppError, ErrorCode, invalidField } from '../../infra/http/domain-error';
import type { Principal } from '../auth/domain/principal';
import { REGIME_RULES } from '../deadlines/domain/regime';
import { CaseCalendar } from './case-calendar';
import { CaseConsultation } from './case-consultation.entity';
import { CaseExtension } from './case-extension.entity';
import { CaseTransitions, conflict } from './case-transitions.service';
import type { CloseConsultationDto, DecideExtensionDto, RecordDeferralDto, RequestExtensionDto, StartConsultationDto } from './dto/actions.dto';
import { openPauses } from './open-pauses';
import type { RequestCase } from './request-case.entity';
import { WorkflowService, type ActionOptions } from './workflow.service';

const invalid = invalidField;
const CONSULTATION_WD = 15; // R-TP-02

/** Clock events: consultations (pause), extension (D-5) and Art 35 deferral. */
@Injectable()
export class ClockActionsService {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    private readonly workflow: WorkflowService,
    private readonly transitions: CaseTransitions,
    private readonly calendars: CaseCalendar,
  ) {}

  startConsultation(p: Principal, id: string, dto: StartConsultationDto, o: ActionOptions = {}): Promise<RequestCase> {
    return this.workflow.withCase(p, id, o, async (m, { c }) => {
      const today = this.clock.today();
      const sentOn = dto.sentOn ?? today;
      if (sentOn > today || (c.receivedOn && sentOn < c.receivedOn)) throw invalid('sentOn', 'outside the case period · 日期不在办理期间内');
      if (dto.partyReceivedOn && (dto.partyReceivedOn < sentOn || dto.partyReceivedOn > today)) throw invalid('partyReceivedOn', 'before sending or in the future · 日期有误');
      const partyDue = await this.partyDue(m, c, dto.partyReceivedOn ?? null);
      const consultation = { id: randomUUID(), caseYear: c.year, caseId: c.id, partyKind: dto.partyKind, partyName: dto.partyName, partyAddress: dto.partyAddress ?? null, subject: dto.subject, sentOn, partyReceivedOn: dto.partyReceivedOn ?? null, partyDue, answeredOn: null, outcome: null };
      await m.insert(CaseConsultation, consultation);
      return this.transitions.apply(m, c, {
        action: 'start_consultation', actor: 'clerk', actorId: p.userId, payload: { consultationId: consultation.id, partyKind: dto.partyKind, sentOn, partyDue },
      });
    });
  }

  /** Ends a consultation: answered (consent/objection) or silence after the party's 15 WD (R-TP-04). */
  closeConsultation(p: Principal, id: string, dto: CloseConsultationDto, o: ActionOptions = {}): Promise<RequestCase> {
    return this.workflow.withCase(p, id, o, async (m, { c }) => {
      const x = await m.getRepository(CaseConsultation).findOneBy({ id: dto.consultationId, caseId: c.id });
      if (!x) throw new AppError(ErrorCode.NotFound, 'No such consultation. 未找到该征求意见记录。');
      if (x.outcome) throw conflict(c, 'This consultation is already closed. 该征求意见已结束。');
      const today = this.clock.today();
      const partyReceivedOn = dto.partyReceivedOn ?? x.partyReceivedOn;
      if (partyReceivedOn && (partyReceivedOn < x.sentOn || partyReceivedOn > today)) throw invalid('partyReceivedOn', 'before sending or in the future · 日期有误');
      const partyDue = await this.partyDue(m, c, partyReceivedOn);
      if (dto.outcome === 'silence') {
        if (!partyDue) throw invalid('partyReceivedOn', 'needed to establish the 15-working-day limit · 须填写对方收到日期');
        if (today <= partyDue) throw conflict(c, `The party may answer until ${partyDue}. 第三方答复期限尚未届满。`);
      } else if (!dto.answeredOn || dto.answeredOn < x.sentOn || dto.answeredOn > today) {
        throw invalid('answeredOn', 'required for an answer, between sending and today · 须填写答复日期');
      }
      await m.update(CaseConsultation, x.id, { partyReceivedOn, partyDue, answeredOn: dto.outcome === 'silence' ? null : (dto.answeredOn ?? null), outcome: dto.outcome });
      return this.transitions.apply(m, c, {
        action: 'close_consultation', actor: 'clerk', actorId: p.userId, openPauses: await openPauses(m, c),
        // Art 34: silence of another agency counts as consent (视为同意公开).
        payload: { consultationId: x.id, outcome: dto.outcome, deemedConsent: dto.outcome === 'silence' && x.partyKind === 'other_agency', answeredOn: dto.answeredOn ?? null, partyDue },
      });
    });
  }

  /** D-5: one extension, ≤ the regime maximum, asked on or before the current due date. */
  requestExtension(p: Principal, id: string, dto: RequestExtensionDto, o: ActionOptions = {}): Promise<RequestCase> {
    return this.workflow.withCase(p, id, o, async (m, { c }) => {
      const max = REGIME_RULES[c.regime ?? 'OGI-2019'].maxExtensionWd;
      if (dto.days > max) throw invalid('days', `at most ${max} working days under ${c.regime} · 延长不得超过${max}个工作日`);
      const previous = await m.getRepository(CaseExtension).findBy({ caseId: c.id });
      if (previous.some((e) => e.approved === true)) throw conflict(c, 'The reply period has already been extended once. 答复期限已延长过一次。');
      if (previous.some((e) => e.approved === null)) throw conflict(c, 'An extension request is already waiting for a decision. 已有待审批的延期申请。');
      const today = this.clock.today();
      if (!c.baseDue || today > c.baseDue) throw conflict(c, `Too late: the reply was due ${c.baseDue ?? '—'}. 已超过答复期限，不能申请延期。`);
      const ext = { id: randomUUID(), caseYear: c.year, caseId: c.id, days: dto.days, reason: dto.reason, requestedBy: p.userId, requestedOn: today, decidedBy: null, decidedOn: null, approved: null };
      await m.insert(CaseExtension, ext);
      return this.transitions.apply(m, c, { action: 'request_extension', actor: 'clerk', actorId: p.userId, reason: dto.reason, payload: { extensionId: ext.id, days: dto.days }, openPauses: await openPauses(m, c) });
    });
  }

  /** A supervisor approves or refuses; approval must come on or before the due date (R-DL-03). */
  decideExtension(p: Principal, id: string, dto: DecideExtensionDto, o: ActionOptions = {}): Promise<RequestCase> {
    return this.workflow.withCase(p, id, { ...o, staffPermission: 'cases.approve' }, async (m, { c }) => {
      const ext = await m.getRepository(CaseExtension).findOne({ where: { caseId: c.id }, order: { requestedOn: 'DESC' } });
      if (!ext || ext.approved !== null) throw conflict(c, 'No extension request is waiting for a decision. 没有待审批的延期申请。');
      const today = this.clock.today();
      if (dto.approve && (!c.baseDue || today > c.baseDue)) throw conflict(c, `Too late: the reply was due ${c.baseDue ?? '—'}. 已超过答复期限，不能批准延期。`);
      await m.update(CaseExtension, ext.id, { approved: dto.approve, decidedBy: p.userId, decidedOn: today });
      return this.transitions.apply(m, c, {
        action: 'decide_extension', actor: 'supervisor', actorId: p.userId, reason: dto.note ?? null, openPauses: await openPauses(m, c),
        payload: { extensionId: ext.id, approved: dto.approve, days: ext.days },
        mutate: (x) => {
          if (dto.approve) x.extensionDays = ext.days;
        },
      });
    });
  }

  /** Art 35: a reasonable delayed reply period for a large volume with reasonable grounds. */
  recordDeferral(p: Principal, id: string, dto: RecordDeferralDto, o: ActionOptions = {}): Promise<RequestCase> {
    return this.workflow.withCase(p, id, o, async (m, { c }) => {
      if (c.regime === 'OGI-2008') throw invalid('regime', 'Art 35 exists only in OGI-2019 · 2008年条例无此规定');
      if (c.replyDue && dto.deferralDue <= c.replyDue) throw invalid('deferralDue', `must be after the current due date ${c.replyDue} · 应晚于现答复期限`);
      return this.transitions.apply(m, c, {
        action: 'record_deferral', actor: 'clerk', actorId: p.userId, reason: dto.reason, payload: { deferralDue: dto.deferralDue }, openPauses: await openPauses(m, c),
        mutate: (x) => (x.deferralDue = dto.deferralDue),
      });
    });
  }

  private async partyDue(m: EntityManager, c: RequestCase, partyReceivedOn: string | null): Promise<string | null> {
    if (!partyReceivedOn || c.regime === 'OGI-2008') return null;
    const cal = await this.calendars.forAgency(c.agencyId, m);
    return cal.addWorkingDays(partyReceivedOn, CONSULTATION_WD).due;
  }
}

