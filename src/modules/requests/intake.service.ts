import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { Clock } from '../../infra/clock/clock';
import { FieldCipher } from '../../infra/crypto/field-cipher';
import { AppError, ErrorCode, type FieldError } from '../../infra/http/domain-error';
import { ApplicantProfile } from '../accounts/applicant-profile.entity';
import { idProofTypeFor } from '../accounts/domain/applicant';
import { isValidIdProof } from '../accounts/domain/identity';
import { User } from '../accounts/user.entity';
import { Agency } from '../agencies/agency.entity';
import { acceptsChannel } from '../agencies/domain/agency';
import type { Principal } from '../auth/domain/principal';
import { regimeFor } from '../deadlines/domain/regime';
import { CaseDeadlinesService } from './case-deadlines.service';
import { CaseEvent } from './case-event.entity';
import { receiptDate } from './domain/receipt-date';
import { referenceNumber } from './domain/reference-number';
import type { RequestContentDto } from './dto/create-request.dto';
import type { StaffIntakeDto } from './dto/staff-intake.dto';
import { CaseHooks } from './case-hooks';
import { DeadlineSync } from './deadline-sync.service';
import { OutboxService } from '../notifications/outbox.service';
import { RepeatDetector } from './repeat-detector.service';
import { RequestCase } from './request-case.entity';

const invalid = (errors: FieldError[]) => new AppError(ErrorCode.Validation, 'The request has invalid fields. 请求字段有误。', errors);

/** Filing: online by applicants (idempotent) and staff intake for every other channel. */
@Injectable()
export class IntakeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    private readonly cipher: FieldCipher,
    private readonly deadlines: CaseDeadlinesService,
    private readonly repeats: RepeatDetector,
    private readonly sync: DeadlineSync,
    private readonly hooks: CaseHooks,
    private readonly outbox: OutboxService,
  ) {}

  /** Online submission by a signed-in applicant. A retried Idempotency-Key returns the first case. */
  async fileOnline(principal: Principal, dto: RequestContentDto, idempotencyKey: string | null): Promise<{ c: RequestCase; replayed: boolean }> {
    if (principal.kind !== 'applicant') throw new AppError(ErrorCode.Forbidden, 'Staff file requests through intake. 工作人员请使用登记接口。');
    if (idempotencyKey) {
      const existing = await this.byKey(principal.userId, idempotencyKey);
      if (existing) return { c: existing, replayed: true };
    }
    try {
      let tx: EntityManager | undefined;
      const c = await this.db.transaction(async (m) => {
        tx = m;
        const agency = await this.activeAgency(m, dto.agencyCode);
        if (!acceptsChannel(agency.channels, 'online')) {
          throw invalid([{ field: 'agencyCode', message: `${agency.name} has not announced an online channel · 该机构未公布网上申请渠道` }]);
        }
        const user = await m.getRepository(User).findOneByOrFail({ id: principal.userId });
        const p = await m.getRepository(ApplicantProfile).findOneByOrFail({ userId: principal.userId });
        const now = this.clock.now();
        return this.insert(m, agency, dto, principal.userId, {
          channel: 'online',
          postKind: null,
          submittedAt: now,
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
          idempotencyKey,
        });
      });
      await this.sync.armCase(c.id);
      if (tx) for (const id of this.hooks.take(tx)) await this.outbox.dispatch(id);
      return { c, replayed: false };
    } catch (err) {
      // Two retries racing with the same key: the loser returns the winner's case.
      if (idempotencyKey && err instanceof QueryFailedError && /request_case_idempotency_key/.test(err.message)) {
        const existing = await this.byKey(principal.userId, idempotencyKey);
        if (existing) return { c: existing, replayed: true };
      }
      throw err;
    }
  }

  /** Staff intake: the date of receipt follows the channel (Art 31, D-2, D-3). */
  async fileByStaff(principal: Principal, dto: StaffIntakeDto): Promise<RequestCase> {
    let tx: EntityManager | undefined;
    const c = await this.fileByStaffInTx(principal, dto, (m) => (tx = m));
    await this.sync.armCase(c.id);
    if (tx) for (const id of this.hooks.take(tx)) await this.outbox.dispatch(id);
    return c;
  }

  private async fileByStaffInTx(principal: Principal, dto: StaffIntakeDto, onTx: (m: EntityManager) => void): Promise<RequestCase> {
    const errors: FieldError[] = [];
    const idType = idProofTypeFor(dto.applicant.category);
    const idNumber = dto.applicant.idNumber.toUpperCase();
    if (!isValidIdProof(idType, idNumber)) errors.push({ field: 'applicant.idNumber', message: 'checksum does not match · 证件号码校验失败' });
    if (dto.channel === 'post' && !dto.postKind) errors.push({ field: 'postKind', message: 'required for post: signed or ordinary · 邮寄须注明是否签收' });
    if (dto.channel === 'post' && dto.postKind === 'signed' && !dto.signedAt) errors.push({ field: 'signedAt', message: 'required for post that was signed for · 须填写签收时间' });
    if (dto.signedAt && dto.signedAt < dto.submittedAt) errors.push({ field: 'signedAt', message: 'before submittedAt' });
    if (dto.confirmedAt && dto.confirmedAt < dto.submittedAt) errors.push({ field: 'confirmedAt', message: 'before submittedAt' });
    if (errors.length) throw invalid(errors);
    return this.db.transaction(async (m) => {
      onTx(m);
      const agency = await this.activeAgency(m, dto.agencyCode);
      if (!principal.can('cases.handle', agency.path)) throw new AppError(ErrorCode.NotFound, `No agency ${dto.agencyCode} within your reach. 未找到该机构。`);
      if (!acceptsChannel(agency.channels, dto.channel)) {
        throw invalid([{ field: 'channel', message: `${agency.name} has not announced the ${dto.channel} channel · 该机构未公布此申请渠道` }]);
      }
      return this.insert(m, agency, dto, null, {
        channel: dto.channel,
        postKind: dto.channel === 'post' ? (dto.postKind ?? null) : null,
        submittedAt: new Date(dto.submittedAt),
        signedAt: dto.signedAt ? new Date(dto.signedAt) : null,
        confirmedAt: dto.confirmedAt ? new Date(dto.confirmedAt) : null,
        applicantCategory: dto.applicant.category,
        applicantName: dto.applicant.name,
        applicantIdType: idType,
        applicantIdEnc: this.cipher.encrypt(idNumber),
        applicantIdIndex: this.cipher.blindIndex(idNumber),
        applicantPhoneEnc: this.cipher.encryptNullable(dto.applicant.phone),
        applicantEmail: dto.applicant.email?.toLowerCase() ?? null,
        applicantAddressEnc: this.cipher.encryptNullable(dto.applicant.address),
        applicantPostcode: dto.applicant.postcode ?? null,
        idempotencyKey: null,
      }, principal.userId);
    });
  }

  private async insert(
    m: EntityManager,
    agency: Agency,
    content: RequestContentDto,
    applicantUserId: string | null,
    intake: Pick<RequestCase, 'channel' | 'postKind' | 'submittedAt' | 'signedAt' | 'confirmedAt' | 'applicantCategory' | 'applicantName' | 'applicantIdType' | 'applicantIdEnc' | 'applicantIdIndex' | 'applicantPhoneEnc' | 'applicantEmail' | 'applicantAddressEnc' | 'applicantPostcode' | 'idempotencyKey'>,
    actorId: string | null = applicantUserId,
  ): Promise<RequestCase> {
    const year = Number(this.clock.today().slice(0, 4));
    const [{ last_seq: seq }] = await m.query<Array<{ last_seq: number }>>(
      `INSERT INTO reference_counter (agency_id, year, last_seq) VALUES ($1, $2, 1)
       ON CONFLICT (agency_id, year) DO UPDATE SET last_seq = reference_counter.last_seq + 1 RETURNING last_seq`,
      [agency.id, year],
    );
    const receipt = receiptDate({ ...intake, onlineConfirmation: agency.onlineConfirmation });
    const receivedOn = 'receivedOn' in receipt ? receipt.receivedOn : null;
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
      similarToId: await this.repeats.earlierSimilar(m, agency.id, intake.applicantIdIndex, `${content.title} ${content.description}`),
    });
    await this.deadlines.refresh(m, c);
    await m.getRepository(RequestCase).insert(c);
    await this.sync.sync(m, c);
    await this.hooks.run(m, c, 'file');
    await m.insert(CaseEvent, {
      year,
      caseId: c.id,
      at: this.clock.now(),
      actorId,
      actorRole: applicantUserId ? 'applicant' : 'clerk',
      action: 'file',
      fromStatus: null,
      toStatus: c.status,
      reason: null,
      payload: { channel: c.channel, receivedOn, regime: c.regime, replyDue: c.replyDue } as never,
    });
    return c;
  }

  private async activeAgency(m: EntityManager, code: string): Promise<Agency> {
    const agency = await m.getRepository(Agency).findOneBy({ code, active: true });
    if (!agency) throw invalid([{ field: 'agencyCode', message: 'unknown or inactive agency · 未找到该机构' }]);
    return agency;
  }

  private byKey(userId: string, key: string): Promise<RequestCase | null> {
    return this.db.getRepository(RequestCase).findOneBy({ applicantUserId: userId, idempotencyKey: key });
  }
}
