import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../infra/clock/clock';
import type { AppConfig } from '../../infra/config/app-config';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { Tx } from '../../infra/database/unit-of-work';
import type { Agency } from '../agencies/agency.entity';
import type { LocalDate } from '../calendar/domain/local-date';
import { CounterNumbers, type SettledNumbers } from '../correspondence/counter-numbers';
import {
  DEFAULT_DOCUMENT_WIDTH,
  receiptWithTrackingCode,
  type LetterInputs,
  type LetterKind,
} from '../correspondence/domain';
import { LetterIssuer } from '../correspondence/letter-issuer.service';
import { insertMany, type InsertRows, type TakenNumbers } from '../../infra/database/json-insert';
import { IssuedLetter } from '../correspondence/issued-letter.entity';
import { MailOutbox } from '../notifications/mail-outbox.entity';
import { OutboxService, type OutboxMessage } from '../notifications/outbox.service';
import { CalendarService } from '../calendar/calendar.service';
import type { WorkingCalendar } from '../calendar/domain/working-calendar';
import type { HeldChange } from './case-changes.service';
import { CaseEvent } from './case-event.entity';
import { CasesRepository, eventRow, type NewEvent } from './cases.repository';
import type { CaseConsultation } from './case-consultation.entity';
import type { CaseExtension } from './case-extension.entity';
import type { CaseFeeNotice } from './case-fee-notice.entity';
import type { Actor } from './domain/case-status';
import { replyDecisionOf } from './domain/reply-decision';
import { DELIVERY_ROUTE_LABELS } from './domain/request-fields';
import type { RequestCase } from './request-case.entity';

/** What each kind of letter needs beyond the case itself. */
export type LetterFacts =
  | {
      kind: 'receipt_acknowledgement';
      trackingCode?: string | null;
      /** A corrected receipt: the date of receipt stated before. */
      correctedFrom?: LocalDate | null;
    }
  | { kind: 'correction_notice'; what: string }
  | { kind: 'extension_notice'; extension: CaseExtension }
  | { kind: 'deferral_notice'; reason: string; originalDueOn: LocalDate | null }
  | { kind: 'reasons_request'; reasonsDueOn: LocalDate | null }
  | { kind: 'fee_notice'; notice: CaseFeeNotice }
  | { kind: 'consultation_letter'; consultation: CaseConsultation }
  | {
      kind: 'reply';
      /** Art 36(6): the earlier replied case a repeat cites. */
      previous?: { referenceNo: string; repliedOn: LocalDate | null } | null;
      feeNotice?: CaseFeeNotice | null;
    };

/** Who issues a letter, on which day, and the change that issued it (its event held). */
export interface IssueOptions {
  actorId?: string | null;
  actor?: Actor;
  issuedOn?: LocalDate;
  /** The action's change (`CaseChanges.applyHeld`): its event is written with the letter. */
  change?: HeldChange;
  /** Other new rows of the action (the fee notice, the consultation) written with the letter. */
  rows?: readonly InsertRows[];
}

/** A letter stored, numbered, and the statement's moment (`now()`, the transaction's). */
export interface IssuedLetterNumbered {
  readonly letter: IssuedLetter;
  readonly numbers: SettledNumbers;
  readonly now: Date;
  /** The events written with it, as stored. */
  readonly events: readonly Partial<CaseEvent>[];
}

type Body<K extends LetterKind> = Omit<LetterInputs[K], 'documentNumber' | 'issuedOn'>;
type AnyBody = { [K in LetterKind]: Body<K> }[LetterKind];

/**
 * R-WD-04: the years without a published holiday notice that a date printed in the letter was
 * counted over (from the letter's date to each due date it states).
 */
function provisionalYearsOf(cal: WorkingCalendar, issuedOn: LocalDate, body: AnyBody): number[] {
  const years = new Set<number>();
  const from = Number(issuedOn.slice(0, 4));
  for (const [key, value] of Object.entries(body)) {
    if (!/DueOn$/.test(key) || typeof value !== 'string') continue;
    for (let y = Math.min(from, Number(value.slice(0, 4))); y <= Number(value.slice(0, 4)); y++)
      if (!cal.covers(y)) years.add(y);
  }
  return [...years].sort((a, b) => a - b);
}

/** The page that serves a stored letter to its applicant (sign-in or tracking code). */
export function letterPageUrl(publicUrl: string, referenceNo: string, letterId: string): string {
  return `${publicUrl}/my/requests/${encodeURIComponent(referenceNo)}/letters/${letterId}`;
}

/** Plain text of a letter for the text/plain part (the HTML is the document itself). */
function textOf(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<(br|\/p|\/div|\/h\d|\/tr)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n\s*\n+/g, '\n\n')
    .trim();
}

/**
 * Issues the statutory letters of a case: builds each letter from the case's facts (every date
 * is the deadline engine's result), stores it numbered through the letter issuer, records an
 * event, and e-mails it to an applicant who chose e-mail delivery — all in the case's unit of work.
 */
@Injectable()
export class CaseLetters {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly issuer: LetterIssuer,
    private readonly outbox: OutboxService,
    private readonly cases: CasesRepository,
    private readonly calendars: CalendarService,
  ) {}

  /**
   * Issues a letter: the letter, its `letter_issued` event, the held event of the change that
   * issued it (if any), its e-mail and, for a concluding letter, its reply-history row — all in
   * ONE statement of the case's unit of work, its last, which also takes the document number
   * from the agency's counter (`CounterNumbers`: the counter row is locked from that statement
   * to COMMIT only), so they commit (or roll back) with the change itself. `numbers`: intake's,
   * which also take the reference number (and write the case in the same statement, `rows`).
   */
  async issue(
    tx: Tx,
    c: RequestCase,
    agency: Agency,
    facts: LetterFacts,
    opts: IssueOptions & { numbers?: CounterNumbers; reply?: boolean } = {},
  ): Promise<IssuedLetterNumbered> {
    const issuedOn = opts.issuedOn ?? this.clock.today();
    const numbers =
      opts.numbers ??
      new CounterNumbers(c.agencyId, Number(issuedOn.slice(0, 4)), {
        documentWidth: DEFAULT_DOCUMENT_WIDTH,
      });
    const owner = {
      caseId: c.id,
      caseYear: c.year,
      agencyId: c.agencyId,
      agencyName: agency.name,
      actorId: opts.actorId ?? null,
    };
    const toApplicant = facts.kind !== 'consultation_letter';
    const ref = facts.kind === 'consultation_letter' ? facts.consultation.id : '';
    // The stored letter never carries the tracking code (only its hash is kept).
    const body = this.body(
      c,
      agency,
      facts.kind === 'receipt_acknowledgement'
        ? { kind: facts.kind, correctedFrom: facts.correctedFrom ?? null }
        : facts,
    );
    const cal = await this.calendars.calendarFor(null, tx.m);
    const provisionalYears = provisionalYearsOf(cal, issuedOn, body);
    const letter = this.issuer.compose(
      owner,
      facts.kind,
      { ...body, issuedOn, ...(provisionalYears.length ? { provisionalYears } : {}) },
      numbers,
      { ref, toApplicant },
    );
    const issued: NewEvent = {
      actorId: opts.actorId ?? null,
      actor: opts.actor ?? (opts.actorId ? 'clerk' : 'system'),
      action: 'letter_issued',
      fromStatus: c.status,
      toStatus: c.status,
      payload: {
        letterId: letter.id,
        kind: letter.kind,
        documentNumber: letter.documentNumber,
        sha256: letter.sha256,
      },
    };
    const events = [
      ...(opts.change?.events ?? []).map((e) => eventRow(c, e.at, e)),
      eventRow(c, this.clock.now(), issued),
    ];
    const mail =
      toApplicant && c.applicantEmail
        ? this.outbox.prepare(tx, this.mailTo(c, agency, letter, facts))
        : null;
    const taken = await insertMany(
      tx.m,
      [
        ...(opts.rows ?? []),
        { target: IssuedLetter, rows: [letter], computed: { doc_seq: 'v.last_doc_seq' } },
        { target: CaseEvent, rows: events },
        { target: MailOutbox, rows: mail ? [mail] : [] },
        ...(opts.reply
          ? [this.cases.replyRow(c, { letterId: letter.id, actorId: opts.actorId ?? null })]
          : []),
      ],
      numbers.numbering(),
    );
    const settled = numbers.settle(taken);
    this.issuer.settle(letter, settled.docSeq, settled.letterSha as string, settled.fill);
    const stored = events.map((e) => ({
      ...e,
      payload: JSON.parse(settled.fill(JSON.stringify(e.payload))) as Record<string, unknown>,
    }));
    return { letter, numbers: settled, now: (taken as TakenNumbers).now, events: stored };
  }

  /**
   * Every letter to an applicant who gave an e-mail address reaches them, whatever the delivery
   * route: e-mail delivery carries the letter itself; every other route gets one notice with the
   * link to the stored letter (its formal service is recorded separately).
   */
  private mailTo(
    c: RequestCase,
    agency: Agency,
    letter: IssuedLetter,
    facts: LetterFacts,
  ): OutboxMessage {
    const to = c.applicantEmail as string;
    const link = letterPageUrl(this.config.http.publicUrl, c.referenceNo, letter.id);
    if (c.deliveryRoute === 'email') {
      // The receipt e-mailed at intake is the copy with the tracking code; it is scrubbed from
      // the outbox row once sent (the code itself is never kept).
      const code = facts.kind === 'receipt_acknowledgement' ? (facts.trackingCode ?? null) : null;
      const html = code ? receiptWithTrackingCode(letter.html, code) : letter.html;
      return {
        template: 'statutory-letter',
        to,
        caseId: c.id,
        params: {
          subject: `${letter.title}（${c.referenceNo}）· ${agency.name}`,
          html,
          text: `${textOf(html)}\n\n在线查看 / View online: ${link}`,
          ...(code ? { redactAfterSend: code } : {}),
        },
      };
    }
    const route = DELIVERY_ROUTE_LABELS[c.deliveryRoute];
    return {
      template: 'letter-notice',
      to,
      caseId: c.id,
      params: {
        referenceNo: c.referenceNo,
        agencyName: agency.name,
        title: letter.title,
        documentNumber: letter.documentNumber,
        issuedOn: letter.issuedOn,
        link,
        routeZh: route.zh,
        routeEn: route.en,
      },
    };
  }

  /** A concluding letter (reply, termination, withdrawal) and its entry in the reply history. */
  issueReply(
    tx: Tx,
    c: RequestCase,
    agency: Agency,
    facts: Extract<LetterFacts, { kind: 'reply' }>,
    opts: IssueOptions = {},
  ): Promise<IssuedLetterNumbered> {
    return this.issue(tx, c, agency, facts, { ...opts, reply: true });
  }

  /** The receipt with its tracking code, for the intake response (never stored). */
  receiptCopy(letter: IssuedLetter, trackingCode: string): string {
    return receiptWithTrackingCode(letter.html, trackingCode);
  }

  private base(c: RequestCase, agency: Agency) {
    return {
      agency: {
        name: agency.name,
        contact: {
          address: agency.address,
          postcode: agency.postcode,
          phone: agency.phone,
          email: agency.email,
          website: agency.website,
        },
        remedyBodies: { reconsiderationBody: agency.reconsiderationBody, court: agency.court },
      },
      referenceNumber: c.referenceNo,
      regime: c.regime ?? ('OGI-2019' as const),
    };
  }

  private applicantBase(c: RequestCase, agency: Agency) {
    return {
      ...this.base(c, agency),
      applicant: { name: c.applicantName },
      request: {
        title: c.title,
        docNo: c.docNo,
        description: c.description,
        receivedOn: c.receivedOn ?? this.clock.today(),
      },
    };
  }

  private body(c: RequestCase, agency: Agency, f: LetterFacts): AnyBody {
    const a = this.applicantBase(c, agency);
    switch (f.kind) {
      case 'receipt_acknowledgement':
        return {
          ...a,
          channel: c.channel,
          // The engine's due date (before any extension); never re-derived here.
          replyDueOn: (c.baseDue ?? c.replyDue) as LocalDate,
          statesFeePause: true,
          trackingCode: f.trackingCode ?? null,
          correctedFrom: f.correctedFrom ?? null,
        } satisfies Body<'receipt_acknowledgement'>;
      case 'correction_notice':
        return {
          ...a,
          items: [f.what],
          correctionDueOn: c.correctionPeriodEnd as LocalDate,
        } satisfies Body<'correction_notice'>;
      case 'extension_notice':
        return {
          ...a,
          originalDueOn: c.baseDue as LocalDate,
          extensionWorkingDays: f.extension.days,
          newDueOn: c.replyDue as LocalDate,
          reason: f.extension.reason,
        } satisfies Body<'extension_notice'>;
      case 'deferral_notice':
        return {
          ...a,
          delayedReplyOn: c.deferralDue as LocalDate,
          reason: f.reason,
          originalDueOn: f.originalDueOn,
        } satisfies Body<'deferral_notice'>;
      case 'reasons_request':
        return { ...a, reasonsDueOn: f.reasonsDueOn } satisfies Body<'reasons_request'>;
      case 'fee_notice':
        return {
          ...a,
          charge:
            f.notice.method === 'per-piece'
              ? { method: 'per-piece', cumulativePiecesInMonth: f.notice.quantity }
              : { method: 'per-volume', pages: f.notice.quantity },
          amountYuan: f.notice.amountYuan,
          // The agency's own instructions (D-21 data), else the treasury route of R-FEE-08.
          paymentMethod:
            agency.paymentInstructions ??
            `请持本通知到${agency.name}缴纳，或按本机关公布的非税收入缴款方式缴入国库（预算科目103049950其他缴入国库的行政事业性收费），凭财政部门票据办理。`,
          // R-FEE-04: from the applicant's receipt (engine); without it the period only.
          paymentDueOn: f.notice.paymentDue,
        } satisfies Body<'fee_notice'>;
      case 'consultation_letter': {
        const x = f.consultation;
        return {
          ...this.base(c, agency),
          consultee: { kind: x.partyKind, name: x.partyName },
          // The information asked for, never the applicant's own words; why the party is
          // consulted is the consultation's subject.
          request: {
            title: c.title,
            docNo: c.docNo,
            description: c.title ? null : x.subject,
            receivedOn: c.receivedOn ?? x.sentOn,
          },
          // R-TP-02: from the party's receipt (engine); without it the period only.
          replyDueOn: x.partyDue,
          reason: x.subject,
        } satisfies Body<'consultation_letter'>;
      }
      case 'reply':
        return {
          ...a,
          decision: replyDecisionOf(c, {
            previousReplyOn: f.previous?.repliedOn ?? null,
            previousReferenceNo: f.previous?.referenceNo ?? null,
            feeNoticeOn: f.feeNotice?.sentOn ?? null,
            paymentDueOn: f.feeNotice?.paymentDue ?? null,
          }),
        } satisfies Body<'reply'>;
    }
  }
}
