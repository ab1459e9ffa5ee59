import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../infra/clock/clock';
import { FieldCipher } from '../../infra/crypto/field-cipher';
import { insertMany, type TakenNumbers } from '../../infra/database/json-insert';
import { UnitOfWork, type Tx } from '../../infra/database/unit-of-work';
import { fieldProblem, invalidFields, Refusal } from '../../shared/domain/refusal';
import { IdempotencyService, type IdempotentCall } from '../idempotency/idempotency.service';
import { ApplicantProfile } from '../accounts/applicant-profile.entity';
import { idProofProblems } from '../accounts/domain/applicant';
import { identityIndexKey } from '../accounts/domain/identity';
import { User } from '../accounts/user.entity';
import { Agency } from '../agencies/agency.entity';
import { CounterNumbers } from '../correspondence/counter-numbers';
import { DEFAULT_DOCUMENT_WIDTH } from '../correspondence/domain';
import { acceptsChannel } from '../agencies/domain/agency';
import type { Principal } from '../access/domain/principal';
import { regimeFor } from '../deadlines/domain/regime';
import { CaseClock } from './case-clock.service';
import { CaseDeadlines } from './case-deadlines';
import { CaseLetters, type IssuedLetterNumbered } from './case-letters.service';
import type { IssuedLetter } from '../correspondence/issued-letter.entity';
import { CaseEvent } from './case-event.entity';
import { CasesRepository, eventRow, type CaseLedger } from './cases.repository';
import { receiptDate } from './domain/receipt-date';
import { REFERENCE_SEQ_WIDTH, referenceNumberAround } from './domain/reference-number';
import { contactProblems, staffIntakeProblems } from './domain/rules';
import { formatTrackingCode, trackingCodeHash } from './domain/tracking-code';
import type { RequestContentDto } from './dto/create-request.dto';
import type { StaffIntakeDto } from './dto/staff-intake.dto';
import { RequestCase } from './request-case.entity';

const EMPTY_LEDGER: CaseLedger = { consultations: [], feeNotice: null, extensions: [] };

/** A filing: the case, and what is shown only once (the tracking code, the receipt with it). */
export interface Filed {
  readonly c: RequestCase;
  readonly replayed: boolean;
  /** Null on an idempotent replay: the code was shown with the first answer only. */
  readonly trackingCode: string | null;
  readonly receiptWithTrackingCode: string | null;
  /** What the filing wrote, for its answer (null on a replay). */
  readonly fresh: FreshCase | null;
}

/** A case just filed, with what its filing wrote (`IntakeService`). */
export interface FreshCase {
  readonly c: RequestCase;
  readonly agency: Agency;
  readonly events: readonly TimelineEvent[];
  readonly letters: readonly IssuedLetter[];
}

export type TimelineEvent = Pick<
  CaseEvent,
  'at' | 'action' | 'actorRole' | 'fromStatus' | 'toStatus' | 'reason' | 'payload'
>;

type IntakeFacts = Pick<
  RequestCase,
  | 'channel'
  | 'postKind'
  | 'submittedAt'
  | 'signedAt'
  | 'confirmedAt'
  | 'applicantCategory'
  | 'applicantName'
  | 'applicantIdType'
  | 'applicantIdEnc'
  | 'applicantIdIndex'
  | 'applicantPhoneEnc'
  | 'applicantEmail'
  | 'applicantAddressEnc'
  | 'applicantPostcode'
  | 'idempotencyKey'
> &
  Partial<Pick<RequestCase, 'oralWritingDifficulty' | 'oralConfirmedAt'>>;

const keyed = (
  p: Principal,
  scope: string,
  key: string | null,
  body: unknown,
): IdempotentCall | null => (key ? { userId: p.userId, scope, key, body } : null);

/** Filing: online by applicants (idempotent) and staff intake for every other channel. */
@Injectable()
export class IntakeService {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    private readonly uow: UnitOfWork,
    private readonly cipher: FieldCipher,
    private readonly cases: CasesRepository,
    private readonly caseClock: CaseClock,
    private readonly deadlines: CaseDeadlines,
    private readonly letters: CaseLetters,
    private readonly idempotency: IdempotencyService,
  ) {}

  /** Online submission by a signed-in applicant. A retried Idempotency-Key returns the first case. */
  async fileOnline(
    principal: Principal,
    dto: RequestContentDto,
    idempotencyKey: string | null,
  ): Promise<Filed> {
    if (principal.kind !== 'applicant') throw new Refusal('staff-use-intake');
    const call = keyed(principal, 'requests.file-online', idempotencyKey, dto);
    return this.keyedOnce(call, () =>
      this.uow.run(async (tx) => {
        const agency = await this.activeAgency(tx.m, dto.agencyCode);
        if (!acceptsChannel(agency.channels, 'online')) {
          throw invalidFields([
            fieldProblem('agencyCode', 'channel-not-announced', {
              agency: agency.name,
              channel: '网上 online',
            }),
          ]);
        }
        const user = await tx.m.getRepository(User).findOneByOrFail({ id: principal.userId });
        const p = await tx.m
          .getRepository(ApplicantProfile)
          .findOneByOrFail({ userId: principal.userId });
        const contact = contactProblems(
          dto.deliveryRoute,
          { email: user.email, phone: p.phoneEnc, address: p.addressEnc, postcode: p.postcode },
          true,
          '',
          'deliveryRoute',
        );
        if (contact.length) throw invalidFields(contact);
        return this.insert(
          tx,
          agency,
          dto,
          principal.userId,
          {
            channel: 'online',
            postKind: null,
            submittedAt: this.clock.now(),
            signedAt: null,
            confirmedAt: null,
            applicantCategory: p.category,
            applicantName: p.name,
            applicantIdType: p.idType,
            applicantIdEnc: p.idNumberEnc,
            applicantIdIndex: p.idNumberIndex,
            applicantPhoneEnc: p.phoneEnc,
            applicantEmail: user.email,
            applicantAddressEnc: p.addressEnc,
            applicantPostcode: p.postcode,
            // The key lives in the idempotency store (24 h, any year), not on the case.
            idempotencyKey: null,
          },
          call,
        );
      }),
    );
  }

  /** Staff intake: the date of receipt follows the channel (Art 31, D-2, D-3). */
  async fileByStaff(
    principal: Principal,
    dto: StaffIntakeDto,
    idempotencyKey: string | null = null,
  ): Promise<Filed> {
    const problems = staffIntakeProblems(dto, this.clock.now());
    if (problems.length) throw invalidFields(problems);
    const { type: idType, number: idNumber } = idProofProblems(
      dto.applicant.category,
      dto.applicant.idType,
      dto.applicant.idNumber,
    );
    const call = keyed(principal, 'requests.intake', idempotencyKey, dto);
    return this.keyedOnce(call, () =>
      this.uow.run(async (tx) => {
        const agency = await this.activeAgency(tx.m, dto.agencyCode);
        if (!principal.can('cases.handle', agency.path))
          throw new Refusal('agency-not-found', { agency: dto.agencyCode });
        if (!acceptsChannel(agency.channels, dto.channel)) {
          throw invalidFields([
            fieldProblem('channel', 'channel-not-announced', {
              agency: agency.name,
              channel: dto.channel,
            }),
          ]);
        }
        return this.insert(
          tx,
          agency,
          dto,
          null,
          {
            channel: dto.channel,
            postKind: dto.channel === 'post' ? (dto.postKind ?? null) : null,
            submittedAt: new Date(dto.submittedAt),
            signedAt: dto.signedAt ? new Date(dto.signedAt) : null,
            confirmedAt: dto.confirmedAt ? new Date(dto.confirmedAt) : null,
            applicantCategory: dto.applicant.category,
            applicantName: dto.applicant.name,
            applicantIdType: idType,
            applicantIdEnc: this.cipher.encrypt(idNumber),
            applicantIdIndex: this.cipher.blindIndex(identityIndexKey(idType, idNumber)),
            applicantPhoneEnc: this.cipher.encryptNullable(dto.applicant.phone),
            applicantEmail: dto.applicant.email?.toLowerCase() ?? null,
            applicantAddressEnc: this.cipher.encryptNullable(dto.applicant.address),
            applicantPostcode: dto.applicant.postcode ?? null,
            idempotencyKey: null,
            ...(dto.channel === 'oral' && dto.oral
              ? {
                  oralWritingDifficulty: dto.oral.writingDifficulty,
                  oralConfirmedAt: this.clock.now(),
                }
              : {}),
          },
          call,
          principal.userId,
        );
      }),
    );
  }

  /** A keyed filing: the first result again on a retry (422 when the body differs). */
  private async keyedOnce(call: IdempotentCall | null, file: () => Promise<Filed>): Promise<Filed> {
    const r = await this.idempotency.once(call, file);
    if ('created' in r) return r.created;
    const c = await this.uow.read((m) => this.cases.findById(m, r.replayed));
    if (!c) throw new Error(`idempotency key of a case that no longer exists: ${r.replayed}`);
    return { c, replayed: true, trackingCode: null, receiptWithTrackingCode: null, fresh: null };
  }

  /**
   * Writes the filing. Every read first; the agency's counter row (reference number and, with a
   * receipt issued now, its document number) is taken in the LAST statement before COMMIT,
   * which also writes the case and what prints its number (the receipt letter, the events, the
   * e-mail): its lock, which serialises the agency's filings, is held for that statement only.
   */
  private async insert(
    tx: Tx,
    agency: Agency,
    content: RequestContentDto,
    applicantUserId: string | null,
    intake: IntakeFacts,
    call: IdempotentCall | null,
    actorId: string | null = applicantUserId,
  ): Promise<Filed> {
    const m = tx.m;
    const year = Number(this.clock.today().slice(0, 4));
    const receipt = receiptDate({ ...intake, onlineConfirmation: agency.onlineConfirmation });
    const receivedOn = 'receivedOn' in receipt ? receipt.receivedOn : null;
    const similarToId = await this.cases.earlierSimilar(
      m,
      agency.id,
      intake.applicantIdIndex,
      `${content.title} ${content.description}`,
    );
    const numbers = new CounterNumbers(agency.id, year, {
      referenceWidth: REFERENCE_SEQ_WIDTH,
      ...(receivedOn ? { documentWidth: DEFAULT_DOCUMENT_WIDTH } : {}),
    });
    const trackingCode = formatTrackingCode(randomBytes(9));
    const c = m.getRepository(RequestCase).create({
      year,
      id: randomUUID(),
      agencyId: agency.id,
      referenceNo: referenceNumberAround(agency.code, year, numbers.referenceDigits as string),
      // Computed in the last statement from the counter's RETURNING.
      seq: 0,
      applicantUserId,
      ...intake,
      receivedOn,
      regime: receivedOn ? regimeFor(receivedOn) : null,
      title: content.title,
      docNo: content.docNo ?? null,
      description: content.description,
      form: content.form,
      deliveryRoute: content.deliveryRoute,
      status: receivedOn ? 'received' : 'submitted',
      assigneeId: null,
      extensionDays: 0,
      deadlinesVersion: 0,
      source: 'live',
      trackingCodeHash: trackingCodeHash(trackingCode),
      similarToId,
      version: 1,
    });
    const cal = await this.caseClock.calendarOf(m, c);
    this.caseClock.refresh(cal, c, EMPTY_LEDGER);
    // The deadlines and the idempotency key refer to the case by id (no foreign key): written
    // before it.
    await this.deadlines.sync(tx, cal, c, EMPTY_LEDGER);
    await this.idempotency.record(tx, call, c.id);
    const filed = {
      at: this.clock.now(),
      actorId,
      actor: applicantUserId ? ('applicant' as const) : ('clerk' as const),
      action: 'file',
      fromStatus: null,
      toStatus: c.status,
      payload: { channel: c.channel, receivedOn, regime: c.regime, replyDue: c.replyDue },
    };
    // Every column the filing leaves unset given as stored (its default, else NULL), so that
    // the answer built from this row (`filedDetail`) shows what a read would.
    for (const col of m.connection.getMetadata(RequestCase).columns)
      if (col.getEntityValue(c) === undefined && !col.isCreateDate && !col.isUpdateDate)
        col.setEntityValue(c, typeof col.default === 'function' ? null : (col.default ?? null));
    const caseRow = { target: RequestCase, rows: [c], computed: { seq: 'v.last_seq' } };
    let receiptWithTrackingCode: string | null = null;
    let settled: IssuedLetterNumbered | (Omit<IssuedLetterNumbered, 'letter'> & { letter: null });
    if (!receivedOn) {
      const events = [eventRow(c, filed.at, filed)];
      const taken = await insertMany(
        m,
        [caseRow, { target: CaseEvent, rows: events }],
        numbers.numbering(),
      );
      settled = {
        letter: null,
        numbers: numbers.settle(taken),
        now: (taken as TakenNumbers).now,
        events,
      };
    } else {
      // The filing's event is written with the receipt, its event and its e-mail.
      const issued = await this.letters.issue(
        tx,
        c,
        agency,
        { kind: 'receipt_acknowledgement', trackingCode },
        {
          actorId,
          actor: filed.actor,
          numbers,
          rows: [caseRow],
          change: { events: [filed], ledger: EMPTY_LEDGER },
        },
      );
      settled = issued;
      receiptWithTrackingCode = this.letters.receiptCopy(issued.letter, trackingCode);
    }
    c.seq = settled.numbers.seq;
    c.referenceNo = settled.numbers.fill(c.referenceNo);
    // The column defaults, as PostgreSQL applied them (now(): the transaction's start).
    c.createdAt = settled.now;
    c.updatedAt = settled.now;
    return {
      c,
      replayed: false,
      trackingCode,
      receiptWithTrackingCode,
      fresh: {
        c,
        agency,
        events: settled.events as TimelineEvent[],
        letters: settled.letter ? [settled.letter] : [],
      },
    };
  }

  private async activeAgency(m: EntityManager, code: string): Promise<Agency> {
    const agency = await m.getRepository(Agency).findOneBy({ code, active: true });
    if (!agency) throw invalidFields([fieldProblem('agencyCode', 'agency-unknown-or-inactive')]);
    return agency;
  }
}
