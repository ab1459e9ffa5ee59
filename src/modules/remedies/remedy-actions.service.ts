import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../infra/clock/clock';
import { UnitOfWork, type Tx } from '../../infra/database/unit-of-work';
import { decided, invalidField, Refusal } from '../../shared/domain/refusal';
import type { Principal } from '../access/domain/principal';
import type { Agency } from '../agencies/agency.entity';
import { CalendarService } from '../calendar/calendar.service';
import { CaseAccess } from '../requests/case-access.service';
import { CasesRepository } from '../requests/cases.repository';
import { SystemActions } from '../requests/system-actions.service';
import {
  isSuit,
  remedyBodyOf,
  KIND_LABELS,
  RESULT_LABELS,
  type Defendant,
  type RemedyKind,
} from './domain/remedy';
import { remedyDates } from './domain/remedy-clocks';
import { decideRemedyAction, type RemedyInput } from './domain/remedy-rules';
import {
  ACTION_LABELS,
  initialStatus,
  nextRemedyStatus,
  type RemedyAction,
} from './domain/remedy-status';
import { RemediesRepository } from './remedies.repository';
import { RemedyDeadlines } from './remedy-deadlines';
import { factsOf } from './remedy-facts';
import { Remedy } from './remedy.entity';

export interface NewRemedy {
  readonly kind: RemedyKind;
  readonly appliedOn: string;
  readonly bodyName?: string;
  readonly bodyCaseNo?: string;
  readonly procedure?: 'normal' | 'simplified';
  readonly bodyReceivedOn?: string;
  readonly defendants?: Defendant[];
  readonly complaintLimitWd?: number;
}

interface By {
  readonly role: 'clerk' | 'system' | 'import';
  readonly id: string | null;
}
const SYSTEM: By = { role: 'system', id: null };

/** Where a remedy goes by default (D-20): the agency's reconsideration body or court. */
function defaultBody(kind: RemedyKind, agency: Agency): string {
  if (kind === 'complaint') return '上一级行政机关或政府信息公开工作主管部门';
  return (
    remedyBodyOf(kind, agency) ??
    (kind === 'reconsideration' ? '复议机关 · reconsideration body' : '人民法院 · court')
  );
}

/**
 * Records remedies and their steps: each change is checked by the kind's transition table and
 * the pure rules, written with its event and its deadlines in one unit of work. A decision
 * ordering a new answer reopens the case in the same transaction (D-18).
 */
@Injectable()
export class RemedyActions {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    private readonly uow: UnitOfWork,
    private readonly remedies: RemediesRepository,
    private readonly deadlines: RemedyDeadlines,
    private readonly access: CaseAccess,
    private readonly cases: CasesRepository,
    private readonly system: SystemActions,
    private readonly calendars: CalendarService,
  ) {}

  create(p: Principal, caseId: string, input: NewRemedy): Promise<Remedy> {
    return this.uow.run(async (tx) => {
      const h = await this.access.load(tx.m, p, caseId, { lock: true, applicantAllowed: false });
      if (h.actor !== 'clerk')
        throw new Refusal('actor-not-allowed', { action: 'remedy', actionLabel: '登记复议诉讼' });
      return this.insert(tx, h.c, h.agency, input, { role: 'clerk', id: p.userId });
    });
  }

  /** A new remedy of `c` (live or imported) with its first event and deadlines. */
  async insert(
    tx: Tx,
    c: { year: number; id: string; agencyId: string },
    agency: Agency,
    input: NewRemedy & { source?: 'live' | 'import'; externalRef?: string | null },
    by: By,
  ): Promise<Remedy> {
    const today = this.clock.today();
    if (input.appliedOn > today) throw invalidField('appliedOn', 'date-in-future');
    const r = Object.assign(new Remedy(), {
      year: Number(input.appliedOn.slice(0, 4)),
      id: randomUUID(),
      caseYear: c.year,
      caseId: c.id,
      agencyId: c.agencyId,
      kind: input.kind,
      status: initialStatus(input.kind),
      procedure: input.procedure ?? 'normal',
      bodyName: input.bodyName ?? defaultBody(input.kind, agency),
      bodyCaseNo: input.bodyCaseNo ?? null,
      defendants:
        input.defendants ??
        (isSuit(input.kind)
          ? [{ role: 'original', name: agency.name, agencyCode: agency.code }]
          : []),
      appliedOn: input.appliedOn,
      bodyReceivedOn: input.bodyReceivedOn ?? null,
      acceptedOn: null,
      acceptedDeemed: false,
      docketedOn: null,
      copyReceivedOn: null,
      answeredOn: null,
      extensionDays: 0,
      suspendedFrom: null,
      suspendedDays: 0,
      instance: 1,
      appealFiledOn: null,
      appealReceivedOn: null,
      decisions: [],
      endedOn: null,
      endResult: null,
      handling: null,
      complaintLimitWd: input.complaintLimitWd ?? null,
      source: input.source ?? 'live',
      externalRef: input.externalRef ?? null,
      version: 1,
      createdBy: by.id,
    } satisfies Partial<Remedy>);
    await this.remedies.save(tx.m, r);
    await this.event(tx, r, by, 'create', null, { ...input });
    await this.deadlines.sync(tx, r);
    return r;
  }

  act(p: Principal, remedyId: string, action: RemedyAction, input: RemedyInput): Promise<Remedy> {
    return this.uow.run(async (tx) => {
      const r = await this.remedies.lockForAction(tx.m, remedyId);
      if (!r) throw new Refusal('remedy-not-found');
      const h = await this.access.load(tx.m, p, r.caseId, { applicantAllowed: false });
      if (h.actor !== 'clerk')
        throw new Refusal('actor-not-allowed', { action, actionLabel: ACTION_LABELS[action] });
      return this.apply(tx, r, action, input, { role: 'clerk', id: p.userId });
    });
  }

  /** One step of a locked remedy, by the clerk, the timers or an import. */
  async apply(
    tx: Tx,
    r: Remedy,
    action: RemedyAction,
    input: RemedyInput,
    by: By,
  ): Promise<Remedy> {
    const to = decided(nextRemedyStatus(factsOf(r), action));
    const change = decided(decideRemedyAction(factsOf(r), action, input, this.clock.today()));
    const from = r.status;
    Object.assign(r, change, { status: to, version: r.version + 1 });
    await this.remedies.save(tx.m, r);
    await this.event(tx, r, by, action, from, { ...input });
    await this.deadlines.sync(tx, r);
    const decision = r.decisions[r.decisions.length - 1];
    if (action === 'decide' && input.reanswerReceivedOn && decision) {
      const c = await this.cases.lockForAction(tx.m, r.caseId);
      if (c)
        await this.system.reopen(
          tx,
          c,
          { role: by.role === 'clerk' ? 'clerk' : 'system', id: by.id },
          {
            decisionReceivedOn: input.reanswerReceivedOn,
            orderedDue: input.orderedDue ?? null,
            reason: `${KIND_LABELS[r.kind]}${r.bodyCaseNo ? `（${r.bodyCaseNo}）` : ''}：${RESULT_LABELS[decision.result]}，责令重新答复`,
            remedyId: r.id,
          },
        );
    }
    return r;
  }

  /** R-RV-08: the 5 WD review ended without a refusal: deemed accepted on its last day. */
  async deemAccept(tx: Tx, r: Remedy): Promise<void> {
    if (r.kind !== 'reconsideration' || r.status !== 'applied') return;
    const cal = await this.calendars.calendarFor(r.agencyId, tx.m);
    const due = remedyDates(cal, factsOf(r)).acceptanceDue?.due;
    if (!due || due >= this.clock.today()) return;
    await this.apply(tx, r, 'accept', { on: due, deemed: true }, SYSTEM);
  }

  private event(
    tx: Tx,
    r: Remedy,
    by: By,
    action: string,
    from: Remedy['status'] | null,
    payload: Record<string, unknown>,
  ): Promise<void> {
    return this.remedies.insertEvent(tx.m, {
      year: r.year,
      remedyId: r.id,
      at: this.clock.now(),
      actorId: by.id,
      actorRole: by.role,
      action,
      fromStatus: from,
      toStatus: r.status,
      payload,
    });
  }
}
