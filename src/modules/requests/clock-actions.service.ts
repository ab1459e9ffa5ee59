import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../infra/clock/clock';
import type { AppConfig } from '../../infra/config/app-config';
import { APP_CONFIG } from '../../infra/config/config.module';
import { Refusal } from '../../shared/domain/refusal';
import type { Principal } from '../access/domain/principal';
import { CaseActions, type ActionOptions } from './case-actions';
import { CaseChanges, caseRefusal, decidedFor } from './case-changes.service';
import { CaseClock } from './case-clock.service';
import { CaseConsultation } from './case-consultation.entity';
import { CaseExtension } from './case-extension.entity';
import { CaseLetters } from './case-letters.service';
import { CasesRepository } from './cases.repository';
import {
  decideConsultationClose,
  decideConsultationStart,
  decideDeferral,
  decideExtensionDecision,
  decideExtensionRequest,
  decideReasonsReceived,
  decideReasonsRequest,
} from './domain/rules';
import type {
  CloseConsultationDto,
  DecideExtensionDto,
  RecordDeferralDto,
  RecordReasonsDto,
  RequestExtensionDto,
  RequestReasonsDto,
  StartConsultationDto,
} from './dto/actions.dto';
import type { RequestCase } from './request-case.entity';

/** Clock events: consultations (pause), extension (D-5) and the Art 35 steps (D-19). */
@Injectable()
export class ClockActionsService {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    private readonly actions: CaseActions,
    private readonly changes: CaseChanges,
    private readonly cases: CasesRepository,
    private readonly caseClock: CaseClock,
    private readonly letters: CaseLetters,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Arts 32, 34: the consultation letter is issued; the clock pauses (R-TP-03). */
  startConsultation(
    p: Principal,
    id: string,
    dto: StartConsultationDto,
    o: ActionOptions = {},
  ): Promise<RequestCase> {
    return this.actions.run(p, id, 'start_consultation', o, async (tx, { c, agency, actor }) => {
      const today = this.clock.today();
      const sentOn = dto.sentOn ?? today;
      const cal = await this.caseClock.calendarOf(tx.m, c);
      const { partyDue } = decidedFor(
        c,
        decideConsultationStart(cal, c, {
          today,
          sentOn,
          partyReceivedOn: dto.partyReceivedOn ?? null,
        }),
      );
      const x: CaseConsultation = {
        id: randomUUID(),
        caseYear: c.year,
        caseId: c.id,
        partyKind: dto.partyKind,
        partyName: dto.partyName,
        partyAddress: dto.partyAddress ?? null,
        subject: dto.subject,
        sentOn,
        partyReceivedOn: dto.partyReceivedOn ?? null,
        partyDue,
        answeredOn: null,
        outcome: null,
      };
      // The consultation row is written with its letter; the ledger already counts it.
      const ledger = await this.cases.ledger(tx.m, c.id);
      const change = await this.changes.applyHeld(tx, c, {
        ledger: { ...ledger, consultations: [...ledger.consultations, x] },
        action: 'start_consultation',
        actor,
        actorId: p.userId,
        payload: { consultationId: x.id, partyKind: dto.partyKind, sentOn, partyDue },
      });
      await this.letters.issue(
        tx,
        c,
        agency,
        { kind: 'consultation_letter', consultation: x },
        {
          actorId: p.userId,
          actor,
          issuedOn: sentOn,
          change,
          rows: [{ target: CaseConsultation, rows: [x] }],
        },
      );
      return c;
    });
  }

  /** Ends a consultation: answered (consent/objection) or silence after the party's 15 WD (R-TP-04). */
  closeConsultation(
    p: Principal,
    id: string,
    dto: CloseConsultationDto,
    o: ActionOptions = {},
  ): Promise<RequestCase> {
    return this.actions.run(p, id, 'close_consultation', o, async (tx, { c, actor }) => {
      const x = await tx.m
        .getRepository(CaseConsultation)
        .findOneBy({ id: dto.consultationId, caseId: c.id });
      if (!x) throw new Refusal('consultation-not-found');
      const cal = await this.caseClock.calendarOf(tx.m, c);
      const { partyReceivedOn, partyDue, answeredOn, deemedConsent } = decidedFor(
        c,
        decideConsultationClose(cal, c, x, {
          today: this.clock.today(),
          outcome: dto.outcome,
          answeredOn: dto.answeredOn ?? null,
          partyReceivedOn: dto.partyReceivedOn ?? null,
        }),
      );
      await tx.m.update(CaseConsultation, x.id, {
        partyReceivedOn,
        partyDue,
        answeredOn,
        outcome: dto.outcome,
      });
      return this.changes.apply(tx, c, {
        action: 'close_consultation',
        actor,
        actorId: p.userId,
        // Art 34: silence of another agency counts as consent (视为同意公开).
        payload: {
          consultationId: x.id,
          outcome: dto.outcome,
          deemedConsent,
          answeredOn,
          partyDue,
        },
      });
    });
  }

  /** D-5: one extension, ≤ the regime maximum, asked on or before the current due date. */
  requestExtension(
    p: Principal,
    id: string,
    dto: RequestExtensionDto,
    o: ActionOptions = {},
  ): Promise<RequestCase> {
    return this.actions.run(p, id, 'request_extension', o, async (tx, { c, actor }) => {
      const today = this.clock.today();
      const previous = this.thisRound(c, (await this.cases.ledger(tx.m, c.id)).extensions);
      decidedFor(c, decideExtensionRequest(c, previous, { today, days: dto.days }));
      const ext = {
        id: randomUUID(),
        caseYear: c.year,
        caseId: c.id,
        days: dto.days,
        reason: dto.reason,
        requestedBy: p.userId,
        requestedOn: today,
        decidedBy: null,
        decidedOn: null,
        approved: null,
      };
      await tx.m.insert(CaseExtension, ext);
      return this.changes.apply(tx, c, {
        action: 'request_extension',
        actor,
        actorId: p.userId,
        reason: dto.reason,
        payload: { extensionId: ext.id, days: dto.days },
      });
    });
  }

  /** The OGI office head (a supervisor) decides; approval on or before the due date (R-DL-03). */
  decideExtension(
    p: Principal,
    id: string,
    dto: DecideExtensionDto,
    o: ActionOptions = {},
  ): Promise<RequestCase> {
    return this.actions.run(
      p,
      id,
      'decide_extension',
      { ...o, prefer: 'supervisor' },
      async (tx, { c, agency, actor }) => {
        const ledger = await this.cases.ledger(tx.m, c.id);
        const pending =
          this.thisRound(c, ledger.extensions).find((e) => e.approved === null) ?? null;
        const today = this.clock.today();
        decidedFor(c, decideExtensionDecision(c, pending, { today, approve: dto.approve }));
        if (!pending) throw caseRefusal(c, 'no-extension-pending');
        const decided = { approved: dto.approve, decidedBy: p.userId, decidedOn: today };
        await tx.m.update(CaseExtension, pending.id, decided);
        Object.assign(pending, decided); // the ledger's own row: the ledger stays current
        const spec = {
          ledger,
          action: 'decide_extension' as const,
          actor,
          actorId: p.userId,
          reason: dto.note ?? null,
          payload: { extensionId: pending.id, approved: dto.approve, days: pending.days },
          mutate: (x: RequestCase) => {
            if (dto.approve) x.extensionDays = pending.days;
          },
        };
        if (!dto.approve) return this.changes.apply(tx, c, spec);
        const change = await this.changes.applyHeld(tx, c, spec);
        await this.letters.issue(
          tx,
          c,
          agency,
          {
            kind: 'extension_notice',
            extension: { ...pending, approved: true, decidedOn: today },
          },
          { actorId: p.userId, actor, change },
        );
        return c;
      },
    );
  }

  /** Art 35, D-19: ask the applicant for reasons; the reply clock keeps running. */
  requestReasons(
    p: Principal,
    id: string,
    dto: RequestReasonsDto,
    o: ActionOptions = {},
  ): Promise<RequestCase> {
    return this.actions.run(p, id, 'request_reasons', o, async (tx, { c, agency, actor }) => {
      decidedFor(c, decideReasonsRequest(c));
      const today = this.clock.today();
      const change = await this.changes.applyHeld(tx, c, {
        action: 'request_reasons',
        actor,
        actorId: p.userId,
        reason: dto.why,
        payload: { reasonsDueOn: dto.reasonsDueOn ?? null },
        mutate: (x) => (x.reasonsRequestedOn = today),
      });
      await this.letters.issue(
        tx,
        c,
        agency,
        { kind: 'reasons_request', reasonsDueOn: dto.reasonsDueOn ?? null },
        { actorId: p.userId, actor, change },
      );
      return c;
    });
  }

  /** Art 35: the applicant's reasons arrive (given by the applicant, or recorded by a clerk). */
  recordReasons(
    p: Principal,
    id: string,
    dto: RecordReasonsDto,
    o: ActionOptions = {},
  ): Promise<RequestCase> {
    return this.actions.run(
      p,
      id,
      'record_reasons',
      { ...o, applicantAllowed: true },
      async (tx, { c, actor }) => {
        const today = this.clock.today();
        const receivedOn = actor === 'applicant' ? today : (dto.receivedOn ?? today);
        decidedFor(c, decideReasonsReceived(c, { today, receivedOn }));
        return this.changes.apply(tx, c, {
          action: 'record_reasons',
          actor,
          actorId: p.userId,
          reason: dto.reasons,
          payload: { receivedOn },
          mutate: (x) => (x.reasonsReceivedOn = receivedOn),
        });
      },
    );
  }

  /** Art 35: reasonable grounds → a delayed reply date, with its notice (D-19). */
  recordDeferral(
    p: Principal,
    id: string,
    dto: RecordDeferralDto,
    o: ActionOptions = {},
  ): Promise<RequestCase> {
    return this.actions.run(p, id, 'record_deferral', o, async (tx, { c, agency, actor }) => {
      decidedFor(
        c,
        decideDeferral(c, {
          today: this.clock.today(),
          deferralDue: dto.deferralDue,
          maxMonths: this.config.caseRules.deferralMaxMonths,
        }),
      );
      const originalDueOn = c.replyDue;
      const change = await this.changes.applyHeld(tx, c, {
        action: 'record_deferral',
        actor,
        actorId: p.userId,
        reason: dto.reason,
        payload: { deferralDue: dto.deferralDue, originalDueOn },
        mutate: (x) => (x.deferralDue = dto.deferralDue),
      });
      await this.letters.issue(
        tx,
        c,
        agency,
        { kind: 'deferral_notice', reason: dto.reason, originalDueOn },
        { actorId: p.userId, actor, change },
      );
      return c;
    });
  }

  /** Extensions of the current reply period (after a reopening, D-18, one more is allowed). */
  private thisRound(c: RequestCase, extensions: CaseExtension[]): CaseExtension[] {
    return c.reopenedOn
      ? extensions.filter((e) => e.requestedOn >= (c.reopenedOn as string))
      : extensions;
  }
}
