import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../infra/clock/clock';
import { Refusal } from '../../shared/domain/refusal';
import type { Principal } from '../access/domain/principal';
import { CalendarService } from '../calendar/calendar.service';
import type { WorkingCalendar } from '../calendar/domain/working-calendar';
import { REPLY_TYPE_INFO } from '../law/domain/reply-type';
import { CaseAccess } from '../requests/case-access.service';
import type { RequestCase } from '../requests/request-case.entity';
import { applicantWindows, type ApplicantWindow } from './domain/applicant-windows';
import { KIND_LABELS, RESULT_CLASS, RESULT_LABELS } from './domain/remedy';
import { remedyDates } from './domain/remedy-clocks';
import { STATUS_LABELS } from './domain/remedy-status';
import { RemediesRepository } from './remedies.repository';
import { factsOf } from './remedy-facts';
import type { Remedy } from './remedy.entity';

export interface RemedyView {
  id: string;
  caseId: string;
  kind: Remedy['kind'];
  kindLabel: string;
  status: Remedy['status'];
  statusLabel: string;
  procedure: Remedy['procedure'];
  bodyName: string;
  bodyCaseNo: string | null;
  defendants: Remedy['defendants'];
  appliedOn: string;
  bodyReceivedOn: string | null;
  acceptedOn: string | null;
  acceptedDeemed: boolean;
  docketedOn: string | null;
  copyReceivedOn: string | null;
  answeredOn: string | null;
  extensionDays: number;
  suspendedFrom: string | null;
  suspendedDays: number;
  instance: number;
  appealFiledOn: string | null;
  appealReceivedOn: string | null;
  decisions: Array<Remedy['decisions'][number] & { resultLabel: string; resultClass: string }>;
  endedOn: string | null;
  endResult: Remedy['endResult'];
  handling: string | null;
  source: Remedy['source'];
  externalRef: string | null;
  version: number;
  /** The agency's and the body's own dates (null when not running). */
  dates: {
    acceptanceDue: string | null;
    answerDue: string | null;
    decisionDue: string | null;
    complaintDue: string | null;
  };
}

/** Read side of remedies: views, events and the applicant's windows. */
@Injectable()
export class RemediesQuery {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    private readonly remedies: RemediesRepository,
    private readonly access: CaseAccess,
    private readonly calendars: CalendarService,
  ) {}

  view(cal: WorkingCalendar, r: Remedy): RemedyView {
    const d = remedyDates(cal, factsOf(r));
    return {
      id: r.id,
      caseId: r.caseId,
      kind: r.kind,
      kindLabel: KIND_LABELS[r.kind],
      status: r.status,
      statusLabel: STATUS_LABELS[r.status],
      procedure: r.procedure,
      bodyName: r.bodyName,
      bodyCaseNo: r.bodyCaseNo,
      defendants: r.defendants,
      appliedOn: r.appliedOn,
      bodyReceivedOn: r.bodyReceivedOn,
      acceptedOn: r.acceptedOn,
      acceptedDeemed: r.acceptedDeemed,
      docketedOn: r.docketedOn,
      copyReceivedOn: r.copyReceivedOn,
      answeredOn: r.answeredOn,
      extensionDays: r.extensionDays,
      suspendedFrom: r.suspendedFrom,
      suspendedDays: r.suspendedDays,
      instance: r.instance,
      appealFiledOn: r.appealFiledOn,
      appealReceivedOn: r.appealReceivedOn,
      decisions: r.decisions.map((x) => ({
        ...x,
        resultLabel: RESULT_LABELS[x.result],
        resultClass: RESULT_CLASS[x.result],
      })),
      endedOn: r.endedOn,
      endResult: r.endResult,
      handling: r.handling,
      source: r.source,
      externalRef: r.externalRef,
      version: r.version,
      dates: {
        acceptanceDue: d.acceptanceDue?.due ?? null,
        answerDue: d.answerDue?.due ?? null,
        decisionDue: d.decisionDue?.due ?? null,
        complaintDue: d.complaintDue?.due ?? null,
      },
    };
  }

  /** A remedy the principal may see (through its case), with its events. */
  async detail(p: Principal, remedyId: string) {
    const m = this.remedies.reader;
    const r = await this.remedies.byId(m, remedyId);
    if (!r) throw new Refusal('remedy-not-found');
    await this.access.load(m, p, r.caseId, { applicantAllowed: false });
    const cal = await this.calendars.calendarFor(r.agencyId);
    const events = await this.remedies.events(m, r.id);
    return {
      ...this.view(cal, r),
      events: events.map((e) => ({
        at: e.at.toISOString(),
        action: e.action,
        actorRole: e.actorRole,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        payload: e.payload,
      })),
    };
  }

  async forCase(p: Principal, caseId: string): Promise<RemedyView[]> {
    const m = this.remedies.reader;
    const { c } = await this.access.load(m, p, caseId, { applicantAllowed: false });
    const cal = await this.calendars.calendarFor(c.agencyId);
    return (await this.remedies.forCase(m, c.id)).map((r) => this.view(cal, r));
  }

  /** DOMAIN §3.4: the applicant's last day for every remedy open to them (applicants: their own cases). */
  async windows(
    p: Principal,
    caseId: string,
  ): Promise<{ today: string; windows: ApplicantWindow[] }> {
    const m = this.remedies.reader;
    const { c } = await this.access.load(m, p, caseId, { applicantAllowed: true });
    const cal = await this.calendars.calendarFor(c.agencyId);
    const remedies = await this.remedies.forCase(m, c.id);
    const today = this.clock.today();
    return { today, windows: windowsOf(cal, c, remedies, today) };
  }
}

export function windowsOf(
  cal: WorkingCalendar,
  c: RequestCase,
  remedies: readonly Remedy[],
  today: string,
): ApplicantWindow[] {
  return applicantWindows(cal, {
    today,
    reply:
      c.repliedOn && c.replyType
        ? {
            repliedOn: c.repliedOn,
            deliveredOn: c.deliveredOn,
            nonDisclosure: REPLY_TYPE_INFO[c.replyType].nonDisclosure,
            remediesStated: c.source !== 'import',
          }
        : null,
    replyDue: c.concludedOn ? null : (c.deferralDue ?? c.replyDue),
    remedies: remedies.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      decisions: r.decisions,
      decisionDue: remedyDates(cal, factsOf(r)).decisionDue?.due ?? null,
    })),
  });
}
