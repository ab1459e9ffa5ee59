import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../../infra/clock/clock';
import { invalidField } from '../../infra/http/domain-error';
import { shanghaiDateOf } from '../calendar/domain/local-date';
import { RoleAssignment } from '../accounts/role-assignment.entity';
import type { Principal } from '../auth/domain/principal';
import { regimeFor } from '../deadlines/domain/regime';
import { CaseAccess, type CaseHandle } from './case-access.service';
import { CaseTransitions, conflict } from './case-transitions.service';
import { CaseHooks } from './case-hooks';
import { DeadlineSync } from './deadline-sync.service';
import { SystemActions } from './system-actions.service';
import { closeCase } from './close-case';
import { OutboxService } from '../notifications/outbox.service';
import { openPauses } from './open-pauses';
import { receiptDate } from './domain/receipt-date';
import { REPLY_TYPE_INFO, requiresWithheldList } from './domain/reply-type';
import type { AssignDto, ConfirmReceiptDto, RecordCorrectionDto, RecordServiceDto, ReplyDto, RequestCorrectionDto } from './dto/actions.dto';
import type { RequestCase } from './request-case.entity';

const invalid = invalidField;

export interface ActionOptions {
  /** If-Match: the case version the caller last saw; a different current version is a 409. */
  expectedVersion?: number;
}

/** Receipt, assignment, correction, reply, service and withdrawal. */
@Injectable()
export class WorkflowService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    private readonly access: CaseAccess,
    private readonly transitions: CaseTransitions,
    private readonly sync: DeadlineSync,
    private readonly hooks: CaseHooks,
    private readonly outbox: OutboxService,
    private readonly deemed: SystemActions,
  ) {}

  /** Runs `fn` on the locked case inside one transaction. */
  async withCase<T>(principal: Principal, id: string, opts: ActionOptions & { staffPermission?: 'cases.handle' | 'cases.approve'; applicantAllowed?: boolean }, fn: (m: EntityManager, h: CaseHandle) => Promise<T>): Promise<T> {
    let tx: EntityManager | undefined;
    const result = await this.db.transaction(async (m) => {
      tx = m;
      const h = await this.access.load(m, principal, id, { lock: true, staffPermission: opts.staffPermission ?? 'cases.handle', applicantAllowed: opts.applicantAllowed ?? false });
      if (opts.expectedVersion !== undefined && opts.expectedVersion !== h.c.version) {
        throw conflict(h.c, 'The request changed since you loaded it. 申请已被他人更新，请刷新后重试。', 'version');
      }
      return fn(m, h);
    });
    // After commit: wake-up jobs for deadlines that moved (the reconcile job covers a crash here).
    await this.sync.armCase(id);
    if (tx) for (const outboxId of this.hooks.take(tx)) await this.outbox.dispatch(outboxId);
    return result;
  }

  confirmReceipt(p: Principal, id: string, dto: ConfirmReceiptDto, o: ActionOptions = {}): Promise<RequestCase> {
    return this.withCase(p, id, o, async (m, { c }) => {
      const confirmedAt = dto.confirmedAt ? new Date(dto.confirmedAt) : this.clock.now();
      if (confirmedAt < c.submittedAt) throw invalid('confirmedAt', 'before the submission · 早于提交时间');
      const r = receiptDate({ ...c, confirmedAt, onlineConfirmation: 'manual' });
      const receivedOn = 'receivedOn' in r ? r.receivedOn : shanghaiDateOf(confirmedAt);
      return this.transitions.apply(m, c, {
        action: 'confirm_receipt', actor: 'clerk', actorId: p.userId, payload: { confirmedAt: confirmedAt.toISOString(), receivedOn },
        mutate: (x) => Object.assign(x, { confirmedAt, receivedOn, regime: regimeFor(receivedOn) }),
      });
    });
  }

  assign(p: Principal, id: string, dto: AssignDto, o: ActionOptions = {}): Promise<RequestCase> {
    return this.withCase(p, id, o, async (m, { c }) => {
      const isClerk = await m.getRepository(RoleAssignment).existsBy({ userId: dto.assigneeId, agencyId: c.agencyId, role: 'clerk' });
      if (!isClerk) throw invalid('assigneeId', 'not a clerk of this agency · 不是本机关承办人');
      return this.transitions.apply(m, c, {
        action: 'assign', actor: 'clerk', actorId: p.userId, payload: { assigneeId: dto.assigneeId }, openPauses: await openPauses(m, c),
        mutate: (x) => (x.assigneeId = dto.assigneeId),
      });
    });
  }

  /** Art 30: tell the applicant once, within 7 WD of receipt, what to correct and by when. */
  requestCorrection(p: Principal, id: string, dto: RequestCorrectionDto, o: ActionOptions = {}): Promise<RequestCase> {
    return this.withCase(p, id, o, async (m, { c }) => {
      const today = this.clock.today();
      if (c.regime === 'OGI-2008') throw invalid('regime', 'OGI-2008 has no correction procedure with a restart · 2008年条例无补正程序');
      if (dto.periodEnd <= today) throw invalid('periodEnd', 'must be after today · 补正期限应晚于今天');
      const late = c.correctionNoticeDue !== null && today > c.correctionNoticeDue; // D-4: allowed, flagged
      return this.transitions.apply(m, c, {
        action: 'request_correction', actor: 'clerk', actorId: p.userId, reason: dto.what,
        payload: { what: dto.what, periodEnd: dto.periodEnd, late, noticeDue: c.correctionNoticeDue },
        mutate: (x) => Object.assign(x, { correctionRequestedOn: today, correctionPeriodEnd: dto.periodEnd, correctionReceivedOn: null }),
      });
    });
  }

  /** R-COR-03: the reply period restarts on the day the corrected application is received. */
  recordCorrection(p: Principal, id: string, dto: RecordCorrectionDto, o: ActionOptions = {}): Promise<RequestCase> {
    return this.withCase(p, id, { ...o, applicantAllowed: true }, async (m, { c, actor }) => {
      const today = this.clock.today();
      const receivedOn = actor === 'applicant' ? today : (dto.receivedOn ?? today);
      if (receivedOn > today) throw invalid('receivedOn', 'in the future · 不能晚于今天');
      if (c.correctionRequestedOn && receivedOn < c.correctionRequestedOn) throw invalid('receivedOn', 'before the correction notice · 早于补正通知');
      return this.transitions.apply(m, c, {
        action: 'record_correction', actor, actorId: p.userId, reason: dto.correction, payload: { receivedOn, correction: dto.correction },
        mutate: (x) => (x.correctionReceivedOn = receivedOn),
      });
    });
  }

  /** R-COR-04: the correction period passed without a correction → deemed abandoned. */
  abandonCorrection(p: Principal, id: string, o: ActionOptions = {}): Promise<RequestCase> {
    return this.withCase(p, id, o, async (m, { c }) => {
      const notYet = await this.deemed.abandonCorrectionOf(m, c, { role: 'clerk', id: p.userId });
      if (notYet) throw conflict(c, notYet);
      return c;
    });
  }

  reply(p: Principal, id: string, dto: ReplyDto, o: ActionOptions = {}): Promise<RequestCase> {
    return this.withCase(p, id, o, async (m, { c }) => {
      const info = REPLY_TYPE_INFO[dto.replyType];
      if (!info.clerkReply) throw invalid('replyType', 'this outcome is recorded by its own action · 该结果由相应操作产生');
      if (requiresWithheldList(dto.replyType) && !dto.withheld?.length) throw invalid('withheld', 'list what was withheld and why (Art 37) · 须列明不予公开的内容及理由');
      if (dto.replyType === 'NOT_THIS_AGENCY' && !dto.responsibleAgency) throw invalid('responsibleAgency', 'name the responsible agency when known, or write 无法确定 · 须告知负责公开的机关');
      const today = this.clock.today();
      const repliedOn = dto.repliedOn ?? today;
      if (repliedOn > today || (c.receivedOn && repliedOn < c.receivedOn)) throw invalid('repliedOn', 'outside the case period · 日期不在办理期间内');
      return this.transitions.apply(m, c, {
        action: 'reply', actor: 'clerk', actorId: p.userId, payload: { replyType: dto.replyType, repliedOn, replyDue: c.replyDue },
        mutate: (x) => {
          closeCase(x, dto.replyType, repliedOn);
          x.replyBasis = dto.basis ?? info.basis;
          x.replyDetail = { text: dto.text ?? null, withheld: dto.withheld ?? [], responsibleAgency: dto.responsibleAgency ?? null };
        },
      });
    });
  }

  /** R-DEL-03: on time is judged on the signing day, or for post the posting day. */
  recordService(p: Principal, id: string, dto: RecordServiceDto, o: ActionOptions = {}): Promise<RequestCase> {
    return this.withCase(p, id, o, async (m, { c }) => {
      if (c.repliedOn && dto.servedOn < c.repliedOn) throw invalid('servedOn', 'before the reply · 早于答复日期');
      if (dto.servedOn > this.clock.today()) throw invalid('servedOn', 'in the future · 不能晚于今天');
      return this.transitions.apply(m, c, {
        action: 'record_service', actor: 'clerk', actorId: p.userId, payload: { method: dto.method, servedOn: dto.servedOn },
        mutate: (x) => Object.assign(x, { serviceMethod: dto.method, servedOn: dto.servedOn, onTime: x.replyDue ? dto.servedOn <= x.replyDue : null }),
      });
    });
  }

  withdraw(p: Principal, id: string, reason: string | undefined, o: ActionOptions = {}): Promise<RequestCase> {
    return this.withCase(p, id, { ...o, applicantAllowed: true }, async (m, { c, actor }) =>
      this.transitions.apply(m, c, {
        action: 'withdraw', actor, actorId: p.userId, reason: reason ?? null,
        mutate: (x) => closeCase(x, 'WITHDRAWN', this.clock.today()),
      }),
    );
  }
}
