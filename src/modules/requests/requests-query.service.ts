import { Inject, Injectable } from '@nestjs/common';
import { Brackets, type SelectQueryBuilder } from 'typeorm';
import { Clock } from '../../infra/clock/clock';
import { AuditService } from '../audit/audit.service';
import { letterPageUrl } from './case-letters.service';
import { FieldCipher } from '../../infra/crypto/field-cipher';
import { maskAddress, maskIdNumber, maskPhone } from '../accounts/domain/masking';
import type { Principal } from '../access/domain/principal';
import { Refusal } from '../../shared/domain/refusal';
import type { ReasonCode } from '../../shared/domain/reason-code';
import { messageOf } from '../../shared/i18n/messages';
import { IssuedLettersRepository } from '../correspondence/issued-letters.repository';
import { trackingCodeHash } from './domain/tracking-code';
import { applicantView } from './applicant-view';
import { escapeLike } from './domain/case-search';
import { identityIndexKey } from '../accounts/domain/identity';
import { CaseAccess } from './case-access.service';
import { CASE_SQL, isOverdue } from './domain/case-queries';
import { OPEN_STATUSES, STATUS_LABELS } from './domain/case-status';
import type { ListRequestsDto } from './dto/list-requests.dto';
import { RequestCase } from './request-case.entity';
import type { Agency } from '../agencies/agency.entity';
import type { IssuedLetter } from '../correspondence/issued-letter.entity';
import type { CaseReply } from './case-reply.entity';
import type { CaseService } from './case-service.entity';
import type { CaseLedger } from './cases.repository';
import type { FreshCase, TimelineEvent } from './intake.service';
import { CasesRepository } from './cases.repository';
import type { RequestDetailView, RequestSummaryView } from './request.views';

/** What a person following a case with its tracking code sees (no personal data, no staff ids). */
export interface TrackingView {
  referenceNo: string;
  agencyName: string;
  title: string;
  status: string;
  statusLabel: string;
  receivedOn: string | null;
  replyDue: string | null;
  overdue: boolean;
  /** `path`: the letter page (`/my/requests/<ref>/letters/<id>`), opened with the tracking code. */
  letters: Array<{ title: string; documentNumber: string; issuedOn: string; path: string }>;
  timeline: Array<{ at: string; action: string; toStatus: string }>;
}

/** Lists and detail views of cases, scoped to what the principal may see. */
@Injectable()
export class RequestsQueryService {
  constructor(
    private readonly cases: CasesRepository,
    @Inject(Clock) private readonly clock: Clock,
    private readonly cipher: FieldCipher,
    private readonly access: CaseAccess,
    private readonly letters: IssuedLettersRepository,
    private readonly audit: AuditService,
  ) {}

  /** Applicants: their own cases. Staff: cases of agencies within `cases.read` reach. Sorted by due date. */
  query(principal: Principal, f: ListRequestsDto): SelectQueryBuilder<RequestCase> {
    const qb = this.cases.listQuery(
      principal.kind === 'applicant'
        ? { applicantUserId: principal.userId }
        : { scope: principal.scope('cases.read') },
    );
    if (f.status) qb.andWhere('c.status = :status', { status: f.status });
    if (f.open) qb.andWhere('c.status IN (:...openStatuses)', { openStatuses: OPEN_STATUSES });
    if (f.agencyCode)
      qb.andWhere(`a.path LIKE (SELECT path FROM agency WHERE code = :code) || '%'`, {
        code: f.agencyCode,
      });
    if (f.assigneeId) qb.andWhere('c.assignee_id = :assignee', { assignee: f.assigneeId });
    if (f.dueBefore) qb.andWhere('c.reply_due <= :dueBefore', { dueBefore: f.dueBefore });
    if (f.overdue) qb.andWhere(CASE_SQL.overdue('c', ':today'), { today: this.clock.today() });
    if (f.replyType) qb.andWhere('c.reply_type = :rt', { rt: f.replyType });
    if (f.regime) qb.andWhere('c.regime = :regime', { regime: f.regime });
    if (f.q?.trim()) this.search(qb, f.q.trim());
    return qb.orderBy('c.reply_due', 'ASC', 'NULLS LAST').addOrderBy('c.created_at', 'ASC');
  }

  /**
   * Reference number by prefix, applicant name and title by substring (ILIKE, wildcards escaped;
   * no pg_trgm), the ID number through the blind index (resident ID and USCC keep the bare number).
   */
  private search(qb: SelectQueryBuilder<RequestCase>, q: string): void {
    const like = escapeLike(q);
    const index = this.cipher.blindIndex(identityIndexKey('resident_id', q));
    qb.andWhere(
      new Brackets((w) =>
        w
          .where(`c.reference_no ILIKE :qPrefix ESCAPE '\\'`)
          .orWhere(`c.applicant_name ILIKE :qAny ESCAPE '\\'`)
          .orWhere(`c.title ILIKE :qAny ESCAPE '\\'`)
          .orWhere('c.applicant_id_index = :qIndex'),
      ),
      { qPrefix: `${like}%`, qAny: `%${like}%`, qIndex: index },
    );
  }

  async list(
    principal: Principal,
    f: ListRequestsDto,
  ): Promise<{ items: RequestSummaryView[]; total: number; page: number; pageSize: number }> {
    const page = f.page ?? 1;
    const pageSize = f.pageSize ?? 50;
    const qb = this.query(principal, f)
      .skip((page - 1) * pageSize)
      .take(pageSize);
    const [{ entities, raw }, total] = await Promise.all([
      qb.getRawAndEntities<{ a_code: string; a_name: string }>(),
      qb.getCount(),
    ]);
    return {
      items: entities.map((c, i) => {
        const s = this.summary(c, raw[i].a_code, raw[i].a_name);
        // Applicants never see staff ids.
        return principal.kind === 'applicant' ? { ...s, assigneeId: null } : s;
      }),
      total,
      page,
      pageSize,
    };
  }

  summary(c: RequestCase, agencyCode: string, agencyName: string): RequestSummaryView {
    return {
      id: c.id,
      referenceNo: c.referenceNo,
      agencyCode,
      agencyName,
      title: c.title,
      status: c.status,
      statusLabel: STATUS_LABELS[c.status],
      channel: c.channel,
      receivedOn: c.receivedOn,
      regime: c.regime,
      replyDue: c.replyDue,
      paused: c.paused,
      workingDaysLeft: c.workingDaysLeft,
      provisional: c.provisional,
      overdue: isOverdue(c, this.clock.today()),
      late: lateOf(c),
      source: c.source,
      concludedOn: c.concludedOn,
      assigneeId: c.assigneeId,
      replyType: c.replyType,
      applicantName: c.applicantName,
      applicantCategory: c.applicantCategory,
      version: c.version,
    };
  }

  /** A case by reference number and tracking code (compared by hash); 404 for any wrong pair. */
  async track(referenceNo: string, code: string): Promise<TrackingView> {
    const hash = trackingCodeHash(code);
    const c = hash
      ? await this.cases.byReferenceAndTrackingHash(referenceNo.trim().toUpperCase(), hash)
      : null;
    if (!c) throw new Refusal('tracking-code-mismatch');
    const agency = await this.cases.agencyOf(this.cases.reader, c);
    const [letters, events] = await Promise.all([
      this.letters.listForCase(c.id, false),
      this.cases.events(c.id),
    ]);
    return {
      referenceNo: c.referenceNo,
      agencyName: agency.name,
      title: c.title,
      status: c.status,
      statusLabel: STATUS_LABELS[c.status],
      receivedOn: c.receivedOn,
      replyDue: c.replyDue,
      overdue: isOverdue(c, this.clock.today()),
      letters: letters.map((l) => ({
        title: l.title,
        documentNumber: l.documentNumber,
        issuedOn: l.issuedOn,
        path: letterPageUrl('', c.referenceNo, l.id),
      })),
      timeline: events
        .filter((e) => e.action !== 'letter_issued')
        .map((e) => ({ at: e.at.toISOString(), action: e.action, toStatus: e.toStatus })),
    };
  }

  async detail(
    principal: Principal,
    id: string,
    ip: string | null = null,
  ): Promise<RequestDetailView> {
    const { c, agency } = await this.access.load(this.cases.reader, principal, id, {
      applicantAllowed: true,
    });
    const [parts, letters] = await Promise.all([
      this.cases.detailParts(c.id, principal.kind !== 'applicant' ? c.similarToId : null),
      this.letters.listForCase(c.id, principal.kind === 'staff'),
    ]);
    return this.detailOf(principal, c, agency, { ...parts, letters }, ip);
  }

  /**
   * The answer to a filing, from what the filing wrote (no read back: a new case has no
   * ledger, replies or services yet); the similar case a clerk is shown is the only read.
   */
  async filedDetail(principal: Principal, filed: FreshCase): Promise<RequestDetailView> {
    const { c } = filed;
    const similar =
      principal.kind !== 'applicant' && c.similarToId
        ? await this.cases.reader.getRepository(RequestCase).findOneBy({ id: c.similarToId })
        : null;
    return this.detailOf(principal, c, filed.agency, {
      events: filed.events,
      consultations: [],
      feeNotice: null,
      extensions: [],
      similar,
      replies: [],
      services: [],
      letters: filed.letters.filter((l) => principal.kind === 'staff' || l.toApplicant),
    });
  }

  private async detailOf(
    principal: Principal,
    c: RequestCase,
    agency: Agency,
    parts: DetailParts,
    ip: string | null = null,
  ): Promise<RequestDetailView> {
    // Personal data unmasked for the applicant and for the staff handling the case.
    const unmasked = principal.kind === 'applicant' || principal.can('cases.handle', agency.path);
    const { events, consultations, feeNotice: fee, extensions, similar, replies, services } = parts;
    const letters = parts.letters;
    const id18 = c.applicantIdEnc ? this.cipher.decrypt(c.applicantIdEnc) : null;
    const phone = this.cipher.decryptNullable(c.applicantPhoneEnc);
    const address = this.cipher.decryptNullable(c.applicantAddressEnc);
    if (principal.kind === 'staff' && unmasked) {
      const fields = [id18 && 'idNumber', phone && 'phone', address && 'address'].filter(Boolean);
      if (fields.length)
        await this.audit.record({
          actorId: principal.userId,
          action: 'personal-data.viewed',
          targetType: 'case',
          targetId: c.id,
          agencyId: c.agencyId,
          ip,
          details: { referenceNo: c.referenceNo, fields: fields.join(',') },
        });
    }
    const view: RequestDetailView = {
      ...this.summary(c, agency.code, agency.name),
      docNo: c.docNo,
      description: c.description,
      form: c.form,
      deliveryRoute: c.deliveryRoute,
      applicant: {
        category: c.applicantCategory,
        name: c.applicantName,
        idNumber: id18 && !unmasked ? maskIdNumber(id18) : id18,
        phone: phone && !unmasked ? maskPhone(phone) : phone,
        email: c.applicantEmail,
        address: address && !unmasked ? maskAddress(address) : address,
        masked: !unmasked,
      },
      deadlines: {
        anchorOn: c.anchorOn,
        correctionNoticeDue: c.correctionNoticeDue,
        correctionPeriodEnd: c.correctionPeriodEnd,
        baseDue: c.baseDue,
        replyDue: c.replyDue,
        extensionDays: c.extensionDays,
        deferralDue: c.deferralDue,
        paused: c.paused,
        workingDaysLeft: c.workingDaysLeft,
        provisional: c.provisional,
        version: c.deadlinesVersion,
      },
      oral: c.oralWritingDifficulty
        ? {
            writingDifficulty: c.oralWritingDifficulty,
            confirmedAt: c.oralConfirmedAt?.toISOString() ?? null,
          }
        : null,
      reply: c.replyType
        ? {
            type: c.replyType,
            basis: c.replyBasis,
            repliedOn: c.repliedOn,
            servedOn: c.servedOn,
            serviceMethod: c.serviceMethod,
            deliveredOn: c.deliveredOn,
            onTime: c.onTime,
            detail: c.replyDetail,
          }
        : null,
      conclusion: c.concludedOn
        ? { concludedOn: c.concludedOn, type: c.conclusionType, onTime: c.onTime }
        : null,
      replies: replies.map((r) => ({
        round: r.round,
        type: r.replyType,
        basis: r.basis,
        repliedOn: r.repliedOn,
        dueOn: r.dueOn,
        letterId: r.letterId,
      })),
      services: services.map((x) => ({
        method: x.method,
        servedOn: x.servedOn,
        deliveredOn: x.deliveredOn,
        trackingNo: x.trackingNo,
        proofAttachmentId: x.proofAttachmentId,
        letterId: x.letterId,
      })),
      letters: letters.map((l) => ({
        id: l.id,
        kind: l.kind,
        title: l.title,
        documentNumber: l.documentNumber,
        issuedOn: l.issuedOn,
        sha256: l.sha256,
      })),
      consultations,
      feeNotice: fee,
      extensions,
      similarTo: similar
        ? {
            id: similar.id,
            referenceNo: similar.referenceNo,
            title: similar.title,
            replyType: similar.replyType,
            repliedOn: similar.repliedOn,
          }
        : null,
      timeline: events.map((e) => ({
        at: e.at.toISOString(),
        action: e.action,
        actorRole: e.actorRole,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        reason: e.reason,
        payload: e.payload,
      })),
    };
    return principal.kind === 'applicant' ? applicantView(view) : view;
  }
}

/** What a case's answer shows beside the case row. */
interface DetailParts extends CaseLedger {
  readonly events: readonly TimelineEvent[];
  readonly similar: RequestCase | null;
  readonly replies: readonly CaseReply[];
  readonly services: readonly CaseService[];
  readonly letters: readonly Pick<
    IssuedLetter,
    'id' | 'kind' | 'title' | 'documentNumber' | 'issuedOn' | 'sha256'
  >[];
}

/** The list's late marker: the due date a step came after, and why (D-4). */
function lateOf(c: RequestCase): RequestSummaryView['late'] {
  if (!c.lateSince || !c.lateReason) return null;
  const reason = c.lateReason as ReasonCode;
  return { since: c.lateSince, reason, message: messageOf(reason, { since: c.lateSince }) };
}
