import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../infra/clock/clock';
import { FieldCipher } from '../../infra/crypto/field-cipher';
import { UnitOfWork, type Tx } from '../../infra/database/unit-of-work';
import { fieldProblem, invalidFields, Refusal } from '../../shared/domain/refusal';
import { IdempotencyService, type IdempotentCall } from '../idempotency/idempotency.service';
import { ApplicantProfile } from '../accounts/applicant-profile.entity';
import { idProofProblems } from '../accounts/domain/applicant';
import { identityIndexKey } from '../accounts/domain/identity';
import { User } from '../accounts/user.entity';
import { Agency } from '../agencies/agency.entity';
import { acceptsChannel } from '../agencies/domain/agency';
import type { Principal } from '../access/domain/principal';
import { regimeFor } from '../deadlines/domain/regime';
import { CaseClock } from './case-clock.service';
import { CaseDeadlines } from './case-deadlines';
import { CaseLetters } from './case-letters.service';
import { CasesRepository, type CaseLedger } from './cases.repository';
import { receiptDate } from './domain/receipt-date';
import { referenceNumber } from './domain/reference-number';
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
}

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
        const filed = await this.insert(tx, agency, dto, principal.userId, {
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
        });
        await this.idempotency.record(tx, call, filed.c.id);
        return filed;
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
        const filed = await this.insert(
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
          principal.userId,
        );
        await this.idempotency.record(tx, call, filed.c.id);
        return filed;
      }),
    );
  }

  /** A keyed filing: the first result again on a retry (422 when the body differs). */
  private async keyedOnce(call: IdempotentCall | null, file: () => Promise<Filed>): Promise<Filed> {
    const r = await this.idempotency.once(call, file);
    if ('created' in r) return r.created;
    const c = await this.uow.read((m) => this.cases.findById(m, r.replayed));
    if (!c) throw new Error(`idempotency key of a case that no longer exists: ${r.replayed}`);
    return { c, replayed: true, trackingCode: null, receiptWithTrackingCode: null };
  }

  private async insert(
    tx: Tx,
    agency: Agency,
    content: RequestContentDto,
    applicantUserId: string | null,
    intake: IntakeFacts,
    actorId: string | null = applicantUserId,
  ): Promise<Filed> {
    const m = tx.m;
    const year = Number(this.clock.today().slice(0, 4));
    const receipt = receiptDate({ ...intake, onlineConfirmation: agency.onlineConfirmation });
    const receivedOn = 'receivedOn' in receipt ? receipt.receivedOn : null;
    // Every read before the counter: its row stays locked from here to COMMIT.
    const similarToId = await this.cases.earlierSimilar(
      m,
      agency.id,
      intake.applicantIdIndex,
      `${content.title} ${content.description}`,
    );
    // Reference number and (when the receipt is issued now) its document number: one statement.
    const [{ last_seq: seq, last_doc_seq: docSeq }] = await m.query<
      Array<{ last_seq: number; last_doc_seq: number }>
    >(
      `INSERT INTO reference_counter (agency_id, year, last_seq, last_doc_seq) VALUES ($1, $2, 1, $3)
       ON CONFLICT (agency_id, year) DO UPDATE SET last_seq = reference_counter.last_seq + 1,
         last_doc_seq = reference_counter.last_doc_seq + $3
       RETURNING last_seq, last_doc_seq`,
      [agency.id, year, receivedOn ? 1 : 0],
    );
    const trackingCode = formatTrackingCode(randomBytes(9));
    const c = m.getRepository(RequestCase).create({
      year,
      id: randomUUID(),
      agencyId: agency.id,
      referenceNo: referenceNumber(agency.code, year, seq),
      seq,
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
    });
    const cal = await this.caseClock.calendarOf(m, c);
    this.caseClock.refresh(cal, c, EMPTY_LEDGER);
    await m.getRepository(RequestCase).insert(c);
    await this.deadlines.sync(tx, cal, c, EMPTY_LEDGER);
    const filed = {
      at: this.clock.now(),
      actorId,
      actor: applicantUserId ? ('applicant' as const) : ('clerk' as const),
      action: 'file',
      fromStatus: null,
      toStatus: c.status,
      payload: { channel: c.channel, receivedOn, regime: c.regime, replyDue: c.replyDue },
    };
    let receiptWithTrackingCode: string | null = null;
    if (!receivedOn) await this.cases.insertEvent(m, c, filed.at, filed);
    else {
      // The filing's event is written with the receipt, its event and its e-mail.
      const letter = await this.letters.issue(
        tx,
        c,
        agency,
        { kind: 'receipt_acknowledgement', trackingCode },
        {
          actorId,
          actor: filed.actor,
          docSeq,
          change: { events: [filed], ledger: EMPTY_LEDGER },
        },
      );
      receiptWithTrackingCode = this.letters.receiptCopy(letter, trackingCode);
    }
    return { c, replayed: false, trackingCode, receiptWithTrackingCode };
  }

  private async activeAgency(m: EntityManager, code: string): Promise<Agency> {
    const agency = await m.getRepository(Agency).findOneBy({ code, active: true });
    if (!agency) throw invalidFields([fieldProblem('agencyCode', 'agency-unknown-or-inactive')]);
    return agency;
  }
}
