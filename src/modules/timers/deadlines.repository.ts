import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Deadline } from './deadline.entity';
import type { DeadlineKind, DeadlineSubject } from '../../shared/domain/deadline-kind';

export type DeadlineKey = Pick<Deadline, 'subjectType' | 'subjectId' | 'kind' | 'ref'>;
export type Cursor = readonly [string, string, string, string];
export const FIRST_CURSOR: Cursor = ['', '00000000-0000-0000-0000-000000000000', '', ''];

const keyOf = (d: DeadlineKey) => ({
  subjectType: d.subjectType,
  subjectId: d.subjectId,
  kind: d.kind,
  ref: d.ref,
});

/** The key of a deadline version in `firedEffectsOfMany`. */
export const effectsKey = (
  d: Pick<Deadline, 'subjectType' | 'subjectId' | 'kind' | 'ref' | 'version'>,
): string => `${d.subjectType}/${d.subjectId}/${d.kind}/${d.ref}/${d.version}`;

/** The deadline rows and their effects, named for what the timers do with them. */
@Injectable()
export class DeadlinesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  ofSubject(m: EntityManager, type: DeadlineSubject, id: string): Promise<Deadline[]> {
    return m.getRepository(Deadline).findBy({ subjectType: type, subjectId: id });
  }

  async insert(m: EntityManager, d: Omit<Deadline, 'updatedAt'>): Promise<void> {
    await m.insert(Deadline, d);
  }

  async update(
    m: EntityManager,
    key: DeadlineKey,
    changes: Partial<Pick<Deadline, 'dueOn' | 'status' | 'agencyId' | 'version'>>,
  ): Promise<void> {
    await m.update(Deadline, keyOf(key), changes);
  }

  /**
   * Makes a subject's deadline rows what is desired, in one statement: a new one is inserted
   * (version 1); one whose date, agency or status differs gets the next version; a live one no
   * longer desired is resolved (next version). Returns how many rows changed.
   */
  async syncSubject(
    m: EntityManager,
    s: { type: DeadlineSubject; id: string; year: number; agencyId: string },
    desired: ReadonlyArray<{ kind: DeadlineKind; ref: string; dueOn: string }>,
  ): Promise<number> {
    const [{ changed }] = await m.query<Array<{ changed: number }>>(
      `WITH want AS (
         SELECT * FROM unnest($5::text[], $6::text[], $7::date[]) AS w(kind, ref, due_on)
       ), upserted AS (
         INSERT INTO deadline (subject_type, subject_id, kind, ref, subject_year, agency_id, due_on,
                               version, status, armed_version)
         SELECT $1, $2, kind, ref, $3, $4, due_on, 1, 'live', 0 FROM want
         ON CONFLICT (subject_type, subject_id, kind, ref) DO UPDATE
           SET due_on = EXCLUDED.due_on, status = 'live', agency_id = EXCLUDED.agency_id,
               version = deadline.version + 1, updated_at = now()
           WHERE deadline.due_on <> EXCLUDED.due_on OR deadline.status <> 'live'
              OR deadline.agency_id <> EXCLUDED.agency_id
         RETURNING 1
       ), resolved AS (
         UPDATE deadline d SET status = 'resolved', version = d.version + 1, updated_at = now()
          WHERE d.subject_type = $1 AND d.subject_id = $2 AND d.status = 'live'
            AND NOT EXISTS (SELECT 1 FROM want w WHERE w.kind = d.kind AND w.ref = d.ref)
         RETURNING 1
       )
       SELECT ((SELECT count(*) FROM upserted) + (SELECT count(*) FROM resolved))::int AS changed`,
      [
        s.type,
        s.id,
        s.year,
        s.agencyId,
        desired.map((d) => d.kind),
        desired.map((d) => d.ref),
        desired.map((d) => d.dueOn),
      ],
    );
    return changed;
  }

  /** The row of a wake-up, locked for its effects (after the subject's lock, see the tick). */
  lockForTick(m: EntityManager, key: DeadlineKey): Promise<Deadline | null> {
    return m
      .getRepository(Deadline)
      .findOne({ where: keyOf(key), lock: { mode: 'pessimistic_write' } });
  }

  find(key: DeadlineKey): Promise<Deadline | null> {
    return this.db.getRepository(Deadline).findOneBy(keyOf(key));
  }

  /** Live deadlines of a subject whose current version has no job yet. */
  unarmedOfSubject(type: DeadlineSubject, id: string): Promise<Deadline[]> {
    return this.db
      .getRepository(Deadline)
      .createQueryBuilder('d')
      .where('d.subject_type = :type AND d.subject_id = :id', { type, id })
      .andWhere(`d.status = 'live' AND d.armed_version <> d.version`)
      .getMany();
  }

  async markArmed(
    d: Pick<Deadline, 'subjectType' | 'subjectId' | 'kind' | 'ref' | 'version'>,
  ): Promise<void> {
    await this.db
      .getRepository(Deadline)
      .update({ ...keyOf(d), version: d.version }, { armedVersion: d.version });
  }

  /**
   * The version's wake-up failed: recorded as not armed, so the next reconcile pass (it checks
   * the unarmed versions) removes the failed job and arms the version again — the tick's retry.
   */
  async markUnarmed(
    d: Pick<Deadline, 'subjectType' | 'subjectId' | 'kind' | 'ref' | 'version'>,
  ): Promise<void> {
    await this.db.query(
      `UPDATE deadline SET armed_version = 0, updated_at = now()
        WHERE subject_type = $1 AND subject_id = $2 AND kind = $3 AND ref = $4
          AND version = $5 AND armed_version = $5`,
      [d.subjectType, d.subjectId, d.kind, d.ref, d.version],
    );
  }

  /** `markArmed` for many deadline versions in one statement (the reconcile's batches). */
  async markArmedMany(
    ds: ReadonlyArray<Pick<Deadline, 'subjectType' | 'subjectId' | 'kind' | 'ref' | 'version'>>,
  ): Promise<void> {
    if (ds.length === 0) return;
    await this.db.query(
      `UPDATE deadline d SET armed_version = k.v, updated_at = now()
         FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::int[]) AS k(t, i, k, r, v)
        WHERE d.subject_type = k.t AND d.subject_id = k.i AND d.kind = k.k AND d.ref = k.r
          AND d.version = k.v`,
      [
        ds.map((d) => d.subjectType),
        ds.map((d) => d.subjectId),
        ds.map((d) => d.kind),
        ds.map((d) => d.ref),
        ds.map((d) => d.version),
      ],
    );
  }

  /** Effects of this version that already happened (sent, performed or superseded). */
  async firedEffects(
    d: Pick<Deadline, 'subjectType' | 'subjectId' | 'kind' | 'ref' | 'version'>,
  ): Promise<Set<string>> {
    const rows = await this.db.query<Array<{ effect: string }>>(
      `SELECT effect FROM deadline_effect WHERE subject_type = $1 AND subject_id = $2 AND kind = $3 AND ref = $4 AND version = $5`,
      [d.subjectType, d.subjectId, d.kind, d.ref, d.version],
    );
    return new Set(rows.map((r) => r.effect));
  }

  /** `firedEffects` for a page of deadlines in one query, keyed by `effectsKey`. */
  async firedEffectsOfMany(ds: readonly Deadline[]): Promise<Map<string, Set<string>>> {
    const out = new Map<string, Set<string>>(ds.map((d) => [effectsKey(d), new Set<string>()]));
    if (ds.length === 0) return out;
    const rows = await this.db.query<
      Array<{
        subject_type: string;
        subject_id: string;
        kind: string;
        ref: string;
        version: number;
        effect: string;
      }>
    >(
      `SELECT e.subject_type, e.subject_id, e.kind, e.ref, e.version, e.effect
         FROM deadline_effect e
         JOIN unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::int[]) AS k(t, i, k, r, v)
           ON e.subject_type = k.t AND e.subject_id = k.i AND e.kind = k.k AND e.ref = k.r AND e.version = k.v`,
      [
        ds.map((d) => d.subjectType),
        ds.map((d) => d.subjectId),
        ds.map((d) => d.kind),
        ds.map((d) => d.ref),
        ds.map((d) => d.version),
      ],
    );
    for (const r of rows) {
      out.get(`${r.subject_type}/${r.subject_id}/${r.kind}/${r.ref}/${r.version}`)?.add(r.effect);
    }
    return out;
  }

  /** Records an effect once: false when it had already happened (the unique key). */
  async recordEffect(
    m: EntityManager,
    d: Pick<Deadline, 'subjectType' | 'subjectId' | 'kind' | 'ref' | 'version'>,
    e: { effect: string; at: Date; lateSeconds: number; outcome: 'done' | 'superseded' },
  ): Promise<boolean> {
    const inserted = await m.query<Array<{ effect: string }>>(
      `INSERT INTO deadline_effect (subject_type, subject_id, kind, ref, version, effect, at, late_seconds, outcome)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING effect`,
      [
        d.subjectType,
        d.subjectId,
        d.kind,
        d.ref,
        d.version,
        e.effect,
        e.at,
        e.lateSeconds,
        e.outcome,
      ],
    );
    return inserted.length > 0;
  }

  /**
   * A page of live deadlines after `after` in primary-key order (keyset paging: linear in the
   * number of live deadlines); `unarmedOnly` — only those whose current version has no job.
   */
  livePage(after: Cursor, limit: number, unarmedOnly: boolean): Promise<Deadline[]> {
    // Raw rows named as the entity's properties: a page of 1,000 needs no entity hydration.
    return this.db.query<Deadline[]>(
      `SELECT subject_type AS "subjectType", subject_id AS "subjectId", kind, ref,
              subject_year AS "subjectYear", agency_id AS "agencyId", due_on::text AS "dueOn",
              version, status, armed_version AS "armedVersion", updated_at AS "updatedAt"
         FROM deadline
        WHERE status = 'live'${unarmedOnly ? ' AND armed_version <> version' : ''}
          AND (subject_type, subject_id, kind, ref) > ($1, $2, $3, $4)
        ORDER BY subject_type, subject_id, kind, ref
        LIMIT $5`,
      [after[0], after[1], after[2], after[3], limit],
    );
  }

  /** Live deadlines by kind (a gauge). */
  async liveByKind(): Promise<Array<{ kind: DeadlineKind; n: number }>> {
    return this.db.query(
      `SELECT kind, count(*)::int AS n FROM deadline WHERE status = 'live' GROUP BY kind`,
    );
  }
}
