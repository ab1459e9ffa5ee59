import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { InsertRows } from '../../infra/database/json-insert';
import type { AgencyScope } from '../access/domain/principal';
import { whereInScope } from '../agencies/agency-scope';
import { CaseAttachment } from './case-attachment.entity';
import { CaseService } from './case-service.entity';
import { Agency } from '../agencies/agency.entity';
import { CaseConsultation } from './case-consultation.entity';
import { CaseEvent } from './case-event.entity';
import { CaseExtension } from './case-extension.entity';
import { CaseFeeNotice } from './case-fee-notice.entity';
import { CaseReply } from './case-reply.entity';
import type { Actor, CaseStatus } from './domain/case-status';
import { mostSimilar, REPEAT_CANDIDATES } from './domain/similarity';
import { RequestCase } from './request-case.entity';

type JsonRow = Record<string, unknown>;

/** An entity from a row given as JSON (column names), through the entity's metadata. */
function entityOf<T extends object>(m: EntityManager, target: new () => T, row: JsonRow): T {
  const meta = m.connection.getMetadata(target);
  const out = m.getRepository(target).create();
  for (const col of meta.columns) col.setEntityValue(out, row[col.databaseName] ?? null);
  return out;
}

/** The clock ledger of a case: what pauses it and what extended it. */
export interface CaseLedger {
  readonly consultations: CaseConsultation[];
  readonly feeNotice: CaseFeeNotice | null;
  readonly extensions: CaseExtension[];
}

/** Pauses still open: consultations without an outcome, an unpaid fee notice. */
export function openPauses(l: CaseLedger): number {
  return (
    l.consultations.filter((x) => !x.outcome).length + (l.feeNotice && !l.feeNotice.paidOn ? 1 : 0)
  );
}

/** The case event row of `e` (its id is the table's identity). */
export function eventRow(c: RequestCase, at: Date, e: NewEvent): Partial<CaseEvent> {
  return {
    year: c.year,
    caseId: c.id,
    at,
    actorId: e.actorId,
    actorRole: e.actor,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    reason: e.reason ?? null,
    payload: e.payload ?? {},
  };
}

export interface NewEvent {
  readonly actorId: string | null;
  readonly actor: Actor;
  readonly action: string;
  readonly fromStatus: CaseStatus | null;
  readonly toStatus: CaseStatus;
  readonly reason?: string | null;
  readonly payload?: Record<string, unknown>;
}

/**
 * Reads and writes of cases, named for what the workflow needs: on the caller's manager inside
 * a unit of work, on the pool for reads outside one.
 */
@Injectable()
export class CasesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The pool's manager for reads outside a unit of work. */
  get reader(): EntityManager {
    return this.db.manager;
  }

  /**
   * Cases with their agency (code, name) for a list: the applicant's own (`applicantUserId`) or
   * those of agencies in `scope`; the caller adds filters and order.
   */
  listQuery(
    who: { applicantUserId: string } | { scope: AgencyScope },
  ): SelectQueryBuilder<RequestCase> {
    const qb = this.db
      .getRepository(RequestCase)
      .createQueryBuilder('c')
      .innerJoin(Agency, 'a', 'a.id = c.agency_id')
      .addSelect(['a.code', 'a.name']);
    if ('applicantUserId' in who)
      qb.where('c.applicant_user_id = :me', { me: who.applicantUserId });
    else whereInScope(qb.where('true'), 'a.path', who.scope);
    return qb;
  }

  /** Live cases (imported ones are never supervised) of `scope`, optionally one subtree. */
  liveQuery(scope: AgencyScope, subtreePath?: string): SelectQueryBuilder<RequestCase> {
    const qb = this.db
      .getRepository(RequestCase)
      .createQueryBuilder('c')
      .innerJoin(Agency, 'a', 'a.id = c.agency_id')
      .addSelect(['a.code', 'a.name'])
      .where(`c.source = 'live'`);
    whereInScope(qb, 'a.path', scope);
    if (subtreePath) qb.andWhere(`a.path LIKE :sub`, { sub: `${subtreePath}%` });
    return qb;
  }

  agencyByCode(code: string): Promise<Agency | null> {
    return this.db.getRepository(Agency).findOneBy({ code });
  }

  byReference(referenceNo: string): Promise<RequestCase | null> {
    return this.db.getRepository(RequestCase).findOneBy({ referenceNo });
  }

  byReferenceAndTrackingHash(
    referenceNo: string,
    trackingCodeHash: string,
  ): Promise<RequestCase | null> {
    return this.db.getRepository(RequestCase).findOneBy({ referenceNo, trackingCodeHash });
  }

  byIdempotencyKey(applicantUserId: string, idempotencyKey: string): Promise<RequestCase | null> {
    return this.db.getRepository(RequestCase).findOneBy({ applicantUserId, idempotencyKey });
  }

  /** Everything a case page shows besides the case: its history, ledger, replies, services. */
  async detailParts(caseId: string, similarToId: string | null) {
    const m = this.db.manager;
    const [events, ledger, similar, replies, services] = await Promise.all([
      m.getRepository(CaseEvent).find({ where: { caseId }, order: { id: 'ASC' } }),
      this.ledgerOnPool(caseId),
      similarToId ? m.getRepository(RequestCase).findOneBy({ id: similarToId }) : null,
      m.getRepository(CaseReply).find({ where: { caseId }, order: { round: 'ASC' } }),
      m.getRepository(CaseService).find({ where: { caseId }, order: { recordedAt: 'ASC' } }),
    ]);
    return { events, ...ledger, similar, replies, services };
  }

  events(caseId: string): Promise<CaseEvent[]> {
    return this.db.getRepository(CaseEvent).find({ where: { caseId }, order: { id: 'ASC' } });
  }

  attachments(caseId: string): Promise<CaseAttachment[]> {
    return this.db
      .getRepository(CaseAttachment)
      .find({ where: { caseId }, order: { createdAt: 'ASC' } });
  }

  /**
   * The ledger read on the pool: the same one statement as inside a transaction (one pooled
   * connection for a case page instead of three).
   */
  ledgerOnPool(caseId: string): Promise<CaseLedger> {
    return this.ledger(this.db.manager, caseId);
  }

  /** Ids of open live cases after `after` (keyset by id), for batch recomputes. */
  async openLiveIds(after: string, limit: number, statuses: readonly string[]): Promise<string[]> {
    const rows = await this.db.query<Array<{ id: string }>>(
      `SELECT id FROM request_case WHERE status = ANY($1) AND source = 'live' AND id > $2 ORDER BY id LIMIT $3`,
      [statuses, after, limit],
    );
    return rows.map((r) => r.id);
  }

  /** The case row locked for an action (FOR UPDATE): concurrent actions queue on it. */
  lockForAction(m: EntityManager, id: string): Promise<RequestCase | null> {
    return m
      .getRepository(RequestCase)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Many case rows locked in one statement, in id order (the order every batch locks in). */
  lockManyForAction(m: EntityManager, ids: readonly string[]): Promise<RequestCase[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return m
      .getRepository(RequestCase)
      .createQueryBuilder('c')
      .where('c.id = ANY(:ids)', { ids })
      .orderBy('c.id')
      .setLock('pessimistic_write')
      .getMany();
  }

  findById(m: EntityManager, id: string): Promise<RequestCase | null> {
    return m.getRepository(RequestCase).findOneBy({ id });
  }

  /** A case of the agency by its reference number. */
  byReferenceNo(
    m: EntityManager,
    agencyId: string,
    referenceNo: string,
  ): Promise<RequestCase | null> {
    return m.getRepository(RequestCase).findOneBy({ agencyId, referenceNo });
  }

  agencyOf(m: EntityManager, c: Pick<RequestCase, 'agencyId'>): Promise<Agency> {
    return m.getRepository(Agency).findOneByOrFail({ id: c.agencyId });
  }

  /**
   * The clock ledger in one statement (each part as JSON: every column of these tables is text,
   * uuid, date, int or boolean, which JSON carries exactly), mapped to entities by their metadata.
   */
  async ledger(m: EntityManager, caseId: string): Promise<CaseLedger> {
    const [row] = await m.query<
      Array<{ consultations: JsonRow[]; fee_notice: JsonRow | null; extensions: JsonRow[] }>
    >(
      `SELECT
         (SELECT coalesce(json_agg(x ORDER BY x.sent_on, x.id), '[]') FROM case_consultation x
           WHERE x.case_id = $1) AS consultations,
         (SELECT row_to_json(f) FROM case_fee_notice f WHERE f.case_id = $1
           ORDER BY f.sent_on DESC LIMIT 1) AS fee_notice,
         (SELECT coalesce(json_agg(e ORDER BY e.requested_on, e.id), '[]') FROM case_extension e
           WHERE e.case_id = $1) AS extensions`,
      [caseId],
    );
    return {
      consultations: row.consultations.map((r) => entityOf(m, CaseConsultation, r)),
      feeNotice: row.fee_notice ? entityOf(m, CaseFeeNotice, row.fee_notice) : null,
      extensions: row.extensions.map((r) => entityOf(m, CaseExtension, r)),
    };
  }

  /**
   * Writes every column of a case already stored (locked by the caller) in one UPDATE — no read
   * of the row first, as `save` would — and takes the new version and update time back.
   */
  async update(m: EntityManager, c: RequestCase): Promise<void> {
    const meta = m.connection.getMetadata(RequestCase);
    const values: Record<string, unknown> = {};
    for (const col of meta.columns) {
      if (col.isPrimary || col.isVersion || col.isUpdateDate || col.isCreateDate) continue;
      if (col.relationMetadata) continue;
      values[col.propertyName] = col.getEntityValue(c);
    }
    const r = await m
      .createQueryBuilder()
      .update(RequestCase)
      .set(values)
      .where('year = :year AND id = :id', { year: c.year, id: c.id })
      .returning(['version', 'updated_at'])
      .execute();
    const [back] = r.raw as Array<{ version: number; updated_at: Date }>;
    c.version = back.version;
    c.updatedAt = back.updated_at;
  }

  save(m: EntityManager, c: RequestCase): Promise<RequestCase> {
    return m.getRepository(RequestCase).save(c);
  }

  async insertEvent(m: EntityManager, c: RequestCase, at: Date, e: NewEvent): Promise<void> {
    await m.insert(CaseEvent, eventRow(c, at, e) as never);
  }

  /**
   * A concluding reply appended to the case's reply history, as rows for `insertMany` (written
   * with the reply's letter in one statement); its round is computed in SQL.
   */
  replyRow(
    c: RequestCase,
    r: { letterId: string | null; actorId: string | null },
  ): InsertRows<CaseReply> {
    return {
      target: CaseReply,
      rows: [
        {
          caseYear: c.year,
          id: randomUUID(),
          caseId: c.id,
          replyType: c.replyType as NonNullable<RequestCase['replyType']>,
          basis: c.replyBasis ?? '',
          detail: c.replyDetail,
          repliedOn: c.repliedOn as string,
          dueOn: c.replyDue,
          letterId: r.letterId,
          actorId: r.actorId,
        },
      ],
      // The next round of the case's reply history (the case row is locked).
      computed: {
        round: `(SELECT coalesce(max(x.round), 0) + 1 FROM case_reply x WHERE x.case_id = r.case_id)`,
      },
    };
  }

  /** The replies of a case in order (round 1 first). */
  replies(m: EntityManager, caseId: string): Promise<CaseReply[]> {
    return m.getRepository(CaseReply).find({ where: { caseId }, order: { round: 'ASC' } });
  }

  /** The current (latest) reply of the case. */
  latestReply(m: EntityManager, caseId: string): Promise<CaseReply | null> {
    return m.getRepository(CaseReply).findOne({ where: { caseId }, order: { round: 'DESC' } });
  }

  /** D-8: the k-th application of the same applicant (blind index) to the agency in the month of receipt. */
  async nthInMonth(m: EntityManager, c: RequestCase): Promise<number> {
    const month = (c.receivedOn as string).slice(0, 7);
    const [{ n }] = await m.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM request_case
        WHERE agency_id = $1 AND applicant_id_index = $2 AND received_on >= ($3 || '-01')::date
          AND received_on < (($3 || '-01')::date + interval '1 month')
          AND (received_on, created_at) <= ($4::date, (SELECT created_at FROM request_case WHERE id = $5))`,
      [c.agencyId, c.applicantIdIndex, month, c.receivedOn, c.id],
    );
    return n;
  }

  /**
   * Art 36(6): the most similar earlier REPLIED request of the same applicant (by ID number)
   * to the same agency — the repeat a clerk may decline to process again. One bounded read on
   * the partial index of replied cases (agency, applicant index, newest first); the new text
   * is normalised once.
   */
  async earlierSimilar(
    m: EntityManager,
    agencyId: string,
    applicantIdIndex: string | null,
    text: string,
  ): Promise<string | null> {
    if (!applicantIdIndex) return null;
    const earlier = await m.query<Array<{ id: string; text: string }>>(
      `SELECT id, title || ' ' || description AS text FROM request_case
        WHERE agency_id = $1 AND applicant_id_index = $2 AND status = 'replied'
        ORDER BY created_at DESC LIMIT $3`,
      [agencyId, applicantIdIndex, REPEAT_CANDIDATES],
    );
    return mostSimilar(text, earlier);
  }

  /** The emails of the assignee, or of every clerk of the agency when unassigned. */
  async clerkEmails(
    m: EntityManager,
    agencyId: string,
    assigneeId: string | null,
  ): Promise<string[]> {
    const rows = assigneeId
      ? await m.query<Array<{ email: string }>>(
          `SELECT email FROM app_user WHERE id = $1 AND active`,
          [assigneeId],
        )
      : await m.query<Array<{ email: string }>>(
          `SELECT DISTINCT u.email FROM role_assignment r JOIN app_user u ON u.id = r.user_id AND u.active WHERE r.agency_id = $1 AND r.role = 'clerk'`,
          [agencyId],
        );
    return rows.map((r) => r.email);
  }

  /** Supervisors of the agency or of any agency above it. */
  async supervisorEmails(m: EntityManager, agencyId: string): Promise<string[]> {
    const rows = await m.query<Array<{ email: string }>>(
      `SELECT DISTINCT u.email FROM agency a JOIN agency s ON a.path LIKE s.path || '%'
         JOIN role_assignment r ON r.agency_id = s.id AND r.role = 'supervisor'
         JOIN app_user u ON u.id = r.user_id AND u.active
        WHERE a.id = $1`,
      [agencyId],
    );
    return rows.map((r) => r.email);
  }

  /** Whether the user is a clerk of the agency (who may be assigned its cases). */
  isClerkOf(m: EntityManager, userId: string, agencyId: string): Promise<boolean> {
    return m
      .query<unknown[]>(
        `SELECT 1 FROM role_assignment WHERE user_id = $1 AND agency_id = $2 AND role = 'clerk'`,
        [userId, agencyId],
      )
      .then((r) => r.length > 0);
  }
}
