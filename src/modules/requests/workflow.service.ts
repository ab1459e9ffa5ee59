import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../infra/clock/clock';
import type { AppConfig } from '../../infra/config/app-config';
import { APP_CONFIG } from '../../infra/config/config.module';
import { invalidField } from '../../shared/domain/refusal';
import type { Principal } from '../access/domain/principal';
import { CaseActions, type ActionOptions } from './case-actions';
import { CaseChanges, caseRefusal, decidedFor } from './case-changes.service';
import { CaseClock } from './case-clock.service';
import { CaseLetters } from './case-letters.service';
import { CaseService } from './case-service.entity';
import { CasesRepository } from './cases.repository';
import { replyBasis } from '../correspondence/domain';
import { REPLY_TYPE_INFO } from '../law/domain/reply-type';
import {
  complianceDay,
  decideCorrectionNotice,
  decideCorrectionReceived,
  decideReply,
  decideService,
  isOnTime,
} from './domain/rules';
import type {
  AssignDto,
  RecordCorrectionDto,
  RecordServiceDto,
  ReopenDto,
  ReplyDto,
  RequestCorrectionDto,
} from './dto/actions.dto';
import type { RequestCase } from './request-case.entity';
import { concludeWith, markConcluded, SystemActions } from './system-actions.service';

/** Assignment, correction, reply, service, withdrawal and reopening. */
@Injectable()
export class WorkflowService {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    private readonly actions: CaseActions,
    private readonly changes: CaseChanges,
    private readonly cases: CasesRepository,
    private readonly letters: CaseLetters,
    private readonly deemed: SystemActions,
    private readonly caseClock: CaseClock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Clerks and supervisors assign a case to a clerk of its agency. */
  assign(p: Principal, id: string, dto: AssignDto, o: ActionOptions = {}): Promise<RequestCase> {
    return this.actions.run(p, id, 'assign', o, async (tx, { c, actor }) => {
      if (!(await this.cases.isClerkOf(tx.m, dto.assigneeId, c.agencyId)))
        throw invalidField('assigneeId', 'assignee-not-a-clerk');
      return this.changes.apply(tx, c, {
        action: 'assign',
        actor,
        actorId: p.userId,
        payload: { assigneeId: dto.assigneeId },
        mutate: (x) => (x.assigneeId = dto.assigneeId),
      });
    });
  }

  /** Art 30: tell the applicant once, within 7 WD of receipt, what to correct and by when. */
  requestCorrection(
    p: Principal,
    id: string,
    dto: RequestCorrectionDto,
    o: ActionOptions = {},
  ): Promise<RequestCase> {
    return this.actions.run(p, id, 'request_correction', o, async (tx, { c, agency, actor }) => {
      const today = this.clock.today();
      const cal = await this.caseClock.calendarOf(tx.m, c);
      const periodWd = dto.periodEnd > today ? cal.countWorkingDays(today, dto.periodEnd) : 0;
      const { late, lateSince } = decidedFor(
        c,
        decideCorrectionNotice(c, {
          today,
          periodEnd: dto.periodEnd,
          periodWd,
          limits: this.config.caseRules.correctionPeriodWd,
        }),
      );
      const change = await this.changes.applyHeld(tx, c, {
        action: 'request_correction',
        actor,
        actorId: p.userId,
        reason: dto.what,
        payload: {
          what: dto.what,
          periodEnd: dto.periodEnd,
          late,
          noticeDue: c.correctionNoticeDue,
          lateSince,
        },
        mutate: (x) => {
          Object.assign(x, {
            correctionRequestedOn: today,
            correctionPeriodEnd: dto.periodEnd,
            correctionReceivedOn: null,
          });
          if (lateSince && !x.lateSince)
            Object.assign(x, { lateSince, lateReason: 'correction-after-due' });
        },
      });
      await this.letters.issue(
        tx,
        c,
        agency,
        { kind: 'correction_notice', what: dto.what },
        { actorId: p.userId, actor, change },
      );
      return c;
    });
  }

  /** R-COR-03: the reply period restarts on the day the corrected application is received. */
  recordCorrection(
    p: Principal,
    id: string,
    dto: RecordCorrectionDto,
    o: ActionOptions = {},
  ): Promise<RequestCase> {
    return this.actions.run(
      p,
      id,
      'record_correction',
      { ...o, applicantAllowed: true },
      async (tx, { c, actor }) => {
        const today = this.clock.today();
        const receivedOn = actor === 'applicant' ? today : (dto.receivedOn ?? today);
        decidedFor(c, decideCorrectionReceived(c, { today, receivedOn }));
        return this.changes.apply(tx, c, {
          action: 'record_correction',
          actor,
          actorId: p.userId,
          reason: dto.correction,
          payload: { receivedOn, correction: dto.correction },
          mutate: (x) => (x.correctionReceivedOn = receivedOn),
        });
      },
    );
  }

  /** R-COR-04: the correction period passed without a correction → deemed abandoned. */
  abandonCorrection(p: Principal, id: string, o: ActionOptions = {}): Promise<RequestCase> {
    return this.actions.run(p, id, 'abandon_correction', o, async (tx, { c, agency }) => {
      const by = { role: 'clerk' as const, id: p.userId };
      const refused = await this.deemed.abandonCorrectionOf(tx, c, by, agency);
      if (refused) throw caseRefusal(c, refused.code, refused.params);
      return c;
    });
  }

  /** Arts 36–39: the reply concludes the case; its letter is issued and joins the reply history. */
  reply(p: Principal, id: string, dto: ReplyDto, o: ActionOptions = {}): Promise<RequestCase> {
    return this.actions.run(p, id, 'reply', o, async (tx, { c, agency, actor }) => {
      const today = this.clock.today();
      const repliedOn = dto.repliedOn ?? today;
      const earlier =
        dto.replyType === 'REPEAT_NOT_REPROCESSED'
          ? await this.earlierCase(tx.m, c, dto.previousReferenceNo)
          : null;
      decidedFor(
        c,
        decideReply(c, {
          today,
          type: dto.replyType,
          repliedOn,
          withheldCount: dto.withheld?.length ?? 0,
          responsibleAgency: dto.responsibleAgency ?? null,
          text: dto.text ?? null,
          earlier: earlier && {
            sameAgency: earlier.agencyId === c.agencyId,
            sameApplicant:
              earlier.applicantIdIndex !== null &&
              earlier.applicantIdIndex === c.applicantIdIndex &&
              earlier.id !== c.id,
            repliedOn: earlier.repliedOn,
          },
        }),
      );
      const change = await this.changes.applyHeld(tx, c, {
        action: 'reply',
        actor,
        actorId: p.userId,
        payload: { replyType: dto.replyType, repliedOn, replyDue: c.replyDue },
        mutate: (x) => {
          concludeWith(x, dto.replyType, repliedOn, null);
          x.replyBasis =
            dto.basis ??
            (c.regime ? replyBasis(dto.replyType, c.regime) : null) ??
            REPLY_TYPE_INFO[dto.replyType].basis;
          x.replyDetail = {
            text: dto.text ?? null,
            withheld: dto.withheld ?? [],
            responsibleAgency: dto.responsibleAgency ?? null,
            previousCaseId: earlier?.id ?? null,
          };
          x.servedOn = null;
          x.deliveredOn = null;
          x.serviceMethod = null;
        },
      });
      const { feeNotice } = change.ledger;
      await this.letters.issueReply(
        tx,
        c,
        agency,
        {
          kind: 'reply',
          previous: earlier && { referenceNo: earlier.referenceNo, repliedOn: earlier.repliedOn },
          feeNotice,
        },
        { actorId: p.userId, actor, issuedOn: repliedOn, change },
      );
      return c;
    });
  }

  /** Art 36(6): the earlier case a repeat cites — named by the clerk, else the detector's find. */
  private async earlierCase(
    m: EntityManager,
    c: RequestCase,
    referenceNo: string | undefined,
  ): Promise<RequestCase | null> {
    if (referenceNo)
      return this.cases.byReferenceNo(m, c.agencyId, referenceNo.trim().toUpperCase());
    return c.similarToId ? this.cases.findById(m, c.similarToId) : null;
  }

  /**
   * R-DEL-01…03: service of the concluding letter. On time is judged on the signing day, or for
   * post the posting day (R-DL-04); the delivery day only anchors the applicant's windows. The
   * first service of the first conclusion fixes `concludedOn` and on-time for good (D-17).
   */
  recordService(
    p: Principal,
    id: string,
    dto: RecordServiceDto,
    o: ActionOptions = {},
  ): Promise<RequestCase> {
    return this.actions.run(p, id, 'record_service', o, async (tx, { c, actor }) => {
      const { deliveredOn } = decidedFor(
        c,
        decideService(c, {
          today: this.clock.today(),
          method: dto.method,
          servedOn: dto.servedOn,
          deliveredOn: dto.deliveredOn ?? null,
        }),
      );
      const reply = await this.cases.latestReply(tx.m, c.id);
      await tx.m.insert(CaseService, {
        caseYear: c.year,
        id: randomUUID(),
        caseId: c.id,
        letterId: reply?.letterId ?? null,
        replyId: reply?.id ?? null,
        method: dto.method,
        servedOn: dto.servedOn,
        deliveredOn,
        trackingNo: dto.trackingNo ?? null,
        proofAttachmentId: dto.proofAttachmentId ?? null,
        actorId: p.userId,
      });
      const complied = complianceDay({ method: dto.method, servedOn: dto.servedOn });
      return this.changes.apply(tx, c, {
        action: 'record_service',
        actor,
        actorId: p.userId,
        payload: {
          method: dto.method,
          servedOn: dto.servedOn,
          deliveredOn,
          trackingNo: dto.trackingNo ?? null,
        },
        mutate: (x) => {
          const first = x.concludedOn === null;
          Object.assign(x, {
            serviceMethod: dto.method,
            servedOn: dto.servedOn,
            deliveredOn: deliveredOn ?? x.deliveredOn,
          });
          if (x.status === 'replied' && x.replyType) {
            markConcluded(x, x.replyType, { kind: 'served', complied });
            if (first) x.onTime = isOnTime(x.replyDue, complied, x.lateSince);
          }
        },
      });
    });
  }

  /** The applicant withdraws (or a clerk records it); a case never received is never counted. */
  withdraw(
    p: Principal,
    id: string,
    reason: string | undefined,
    o: ActionOptions = {},
  ): Promise<RequestCase> {
    return this.actions.run(
      p,
      id,
      'withdraw',
      { ...o, applicantAllowed: true },
      async (tx, { c, agency, actor }) => {
        const today = this.clock.today();
        const everReceived = c.receivedOn !== null;
        const spec = {
          action: 'withdraw' as const,
          actor,
          actorId: p.userId,
          reason: reason ?? null,
          mutate: (x: RequestCase) =>
            concludeWith(x, 'WITHDRAWN', today, { kind: 'withdrawn', on: today, everReceived }),
        };
        if (!everReceived) return this.changes.apply(tx, c, spec);
        const change = await this.changes.applyHeld(tx, c, spec);
        await this.letters.issueReply(
          tx,
          c,
          agency,
          { kind: 'reply' },
          { actorId: p.userId, actor, change },
        );
        return c;
      },
    );
  }

  /**
   * D-18: a reconsideration decision or a judgment orders a new answer. The case reopens with the
   * ordered due date, or the regime's reply period from the day the decision was received; the
   * first conclusion (concludedOn, D-17) is kept.
   */
  reopen(p: Principal, id: string, dto: ReopenDto, o: ActionOptions = {}): Promise<RequestCase> {
    return this.actions.run(p, id, 'reopen', o, (tx, { c, actor }) =>
      this.deemed.reopen(
        tx,
        c,
        { role: actor === 'clerk' ? 'clerk' : 'system', id: p.userId },
        {
          decisionReceivedOn: dto.decisionReceivedOn,
          orderedDue: dto.orderedDue ?? null,
          reason: dto.reason,
        },
      ),
    );
  }
}
