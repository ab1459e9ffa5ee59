import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { JobQueue } from '../../src/infra/queue/job-queue';
import { QueueName } from '../../src/infra/queue/queue-names';
import { RedisClient } from '../../src/infra/queue/redis-client';
import { DeadlinesRepository } from '../../src/modules/timers/deadlines.repository';
import { tickJobId } from '../../src/modules/timers/deadline-book.service';
import {
  DeadlineReconciler,
  FULL_VERIFY_STATE,
} from '../../src/modules/timers/deadline-reconciler.service';
import type { Deadline } from '../../src/modules/timers/deadline.entity';
import { seedWorld } from '../utils/fixtures';
import { setToday } from '../utils/requests';
import { bootTestApp, caseTestEnv, type TestApp } from '../utils/test-app';
import { deleteRedisPrefix } from '../utils/test-services';

/** More than two reconcile pages (500), so page boundaries and the keyset are exercised. */
const N = 1_234;

describe(`${DeadlineReconciler.name} in batches`, () => {
  let t: TestApp;
  const db = () => t.app.get(DataSource);
  const queue = () => t.app.get(JobQueue).queue(QueueName.Deadlines);

  beforeAll(async () => {
    t = await bootTestApp(caseTestEnv('2026-09-14T09:00:00+08:00'));
    await seedWorld(t.app);
    const [{ id: agencyId }] = await db().query<Array<{ id: string }>>(
      `SELECT id FROM agency ORDER BY code LIMIT 1`,
    );
    // Live deadlines written as the case workflow writes them, never armed; some resolved.
    const ids = Array.from({ length: N }, () => randomUUID());
    await db().query(
      `INSERT INTO deadline (subject_type, subject_id, kind, ref, subject_year, agency_id, due_on, version, status, armed_version)
       SELECT 'case', i, 'reply', '', 2026, $2, DATE '2026-10-20' + (n % 40)::int, 1 + (n % 3)::int,
              CASE WHEN n % 10 = 0 THEN 'resolved' ELSE 'live' END, 0
         FROM unnest($1::uuid[]) WITH ORDINALITY AS u(i, n)`,
      [ids, agencyId],
    );
  }, 60_000);
  afterAll(() => t.close());

  it('arms every live deadline exactly once after a wipe, across pages, and nothing on the next pass', async () => {
    setToday(t.app, '2026-09-14', '10:00');
    await deleteRedisPrefix(t.config.redis.queuePrefix);
    const first = await t.app.get(DeadlineReconciler).reconcile();
    const live = await db().query<Array<Deadline & { armed: number }>>(
      `SELECT subject_type AS "subjectType", subject_id AS "subjectId", kind, ref, version,
              due_on::text AS "dueOn", armed_version AS armed
         FROM deadline WHERE status = 'live'`,
    );
    expect(live.length).toBe(N - Math.floor(N / 10));
    expect(first.rearmed).toBe(live.length);
    expect(live.filter((d) => d.armed !== d.version)).toEqual([]);

    const delayed = await queue().getDelayed(0, -1);
    expect(delayed).toHaveLength(live.length);
    const key = (x: { subjectId: string; version: number }) => `${x.subjectId}/${x.version}`;
    const jobs = new Map(delayed.map((j) => [key(j.data as Deadline), j]));
    for (const d of live) {
      const job = jobs.get(key(d));
      expect(job?.id).toBe(tickJobId(d, new Date((job?.data as { at: string }).at)));
      // A tick carries no retry policy of its own (JOB_OPTIONS): its retry is the reconcile.
      expect(job?.opts).toEqual({ jobId: job?.id, delay: job?.opts.delay, attempts: 1 });
    }

    expect((await t.app.get(DeadlineReconciler).reconcile()).rearmed).toBe(0);
    expect(await queue().getDelayedCount()).toBe(live.length);

    // A full verification with Redis intact but one job lost re-arms exactly that one.
    await delayed[7].remove();
    await db().query(`DELETE FROM worker_state WHERE name = $1`, [FULL_VERIFY_STATE]);
    const full = await t.app.get(DeadlineReconciler).reconcile();
    expect(full.record).toMatchObject({ full: true, checked: live.length, missing: 1, rearmed: 1 });
    expect(await queue().getJob(delayed[7].id!)).toBeDefined();

    // A tick that failed (its one attempt) has its version marked unarmed by the processor; the
    // next partial pass removes the failed job and arms the version again.
    const failed = delayed[11];
    const hash = queue().toKey(failed.id!);
    await t.app.get(RedisClient).redis.hset(hash, 'finishedOn', Date.now(), 'failedReason', 'x');
    await t.app.get(DeadlinesRepository).markUnarmed(failed.data as Deadline);
    const partial = await t.app.get(DeadlineReconciler).reconcile();
    expect(partial.record).toMatchObject({ full: false, rearmed: 1 });
    expect(await t.app.get(RedisClient).redis.hget(hash, 'finishedOn')).toBeNull();
    expect(await queue().getDelayedCount()).toBe(live.length);
  }, 120_000);
});
