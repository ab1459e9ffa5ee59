import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { JobQueue } from '../../src/infra/queue/job-queue';
import { JobName, type JobPayloads, QueueName } from '../../src/infra/queue/queue-names';
import { seedWorld, type World } from '../utils/fixtures';
import { freePort } from '../utils/free-port';
import { buildDist, startNode, type RunningProcess } from '../utils/processes';
import { act, intake } from '../utils/requests';
import { bootTestApp, TEST_PII_KEY, type TestApp } from '../utils/test-app';
import { testRedisUrl } from '../utils/test-services';

/**
 * A deadline's effects happen once, whatever the queue does: the same wake-up delivered twice
 * to two worker processes at the same moment, and a wake-up whose worker was killed in the
 * middle of its effect and which BullMQ hands to another worker once the lock expired.
 * The API runs in this process (fixed clock at filing time); the workers are real `main.js
 * --role worker` processes whose fixed clock is the reply due date (2026-03-30).
 */
describe('deadline effects happen exactly once', () => {
  let t: TestApp;
  let w: World;
  const workers: RunningProcess[] = [];
  const db = () => t.app.get(DataSource);

  beforeAll(async () => {
    buildDist();
    t = await bootTestApp({
      ROLE: 'api',
      CLOCK: 'fixed',
      CLOCK_FIXED_AT: '2026-03-02T10:00:00+08:00',
      ACCESS_TOKEN_TTL_SECONDS: '31536000',
      RATE_LIMIT_PER_MINUTE: '100000',
    });
    w = await seedWorld(t.app);
  }, 120_000);
  afterEach(async () => {
    // A failed test must not leave its workers to take the next test's jobs.
    for (const p of workers.splice(0)) {
      if (p.child.exitCode === null) p.child.kill('SIGKILL');
      await p.exited;
    }
  });
  afterAll(async () => {
    await t.close();
  });

  async function startWorker(): Promise<RunningProcess> {
    const p = startNode('main', ['--role', 'worker'], {
      DATABASE_URL: t.config.database.url as string,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: t.config.redis.queuePrefix,
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      MAIL_TRANSPORT: 'memory',
      PII_ENCRYPTION_KEY: TEST_PII_KEY,
      CLOCK: 'fixed',
      CLOCK_FIXED_AT: '2026-03-30T10:00:00+08:00',
      LOG_LEVEL: 'warn',
      WORKER_CONCURRENCY: '1',
      WORKER_LOCK_MS: '1000',
      DB_LOCK_TIMEOUT_MS: '60000',
    });
    workers.push(p);
    await p.waitForOutput(/listening on/);
    return p;
  }

  /** A case assigned on 03-02 (reply due 03-30) and the wake-up of its reply deadline. */
  async function caseDueToday(): Promise<{
    id: string;
    referenceNo: string;
    tick: JobPayloads[typeof JobName.DeadlineTick];
  }> {
    // Pickup: no e-mail to the applicant, so the outbox gate holds only the effect's reminder.
    const c = await intake(t.app, w.tokens.clerk, {
      channel: 'in_person',
      submittedAt: '2026-03-02T09:00:00+08:00',
      deliveryRoute: 'pickup',
    });
    await act(t.app, w.tokens.clerk, c.id, 'assign', { assigneeId: w.ids.clerk }).expect(200);
    expect(c.replyDue).toBe('2026-03-30');
    const [{ version }] = await db().query<Array<{ version: number }>>(
      `SELECT version FROM deadline WHERE subject_type = 'case' AND subject_id = $1 AND kind = 'reply'`,
      [c.id],
    );
    return {
      id: c.id,
      referenceNo: c.referenceNo as string,
      tick: {
        subjectType: 'case',
        subjectId: c.id,
        kind: 'reply',
        ref: '',
        version,
        at: '2026-03-30T02:00:00.000Z',
      },
    };
  }

  const effects = async (caseId: string) =>
    db().query<Array<{ effect: string; outcome: string; n: number }>>(
      `SELECT effect, outcome, count(*)::int AS n FROM deadline_effect
        WHERE subject_type = 'case' AND subject_id = $1 AND kind = 'reply'
        GROUP BY effect, outcome ORDER BY effect`,
      [caseId],
    );
  const reminders = async (referenceNo: string) =>
    (
      await db().query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM mail_outbox
          WHERE template = 'deadline-reminder' AND params->>'referenceNo' = $1`,
        [referenceNo],
      )
    )[0].n;
  /** On the due date remind-5 and remind-2 are past (superseded) and remind-0 is sent. */
  const ONCE_EACH = [
    { effect: 'remind-0', outcome: 'done', n: 1 },
    { effect: 'remind-2', outcome: 'superseded', n: 1 },
    { effect: 'remind-5', outcome: 'superseded', n: 1 },
  ];

  /** Holds a lock that stops any worker writing mail_outbox rows until `release()`. */
  async function blockOutbox(): Promise<{ release(): Promise<void> }> {
    const pg = new Client({ connectionString: t.config.database.url });
    await pg.connect();
    await pg.query('BEGIN');
    await pg.query('LOCK TABLE mail_outbox IN SHARE MODE');
    return {
      release: async () => {
        await pg.query('COMMIT');
        await pg.end();
      },
    };
  }
  const waitingOnOutbox = async () =>
    (
      await db().query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND relation = 'mail_outbox'::regclass`,
      )
    )[0].n;
  async function until(what: string, check: () => Promise<boolean>, ms = 30_000) {
    const end = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const deadlinesQueue = () => t.app.get(JobQueue).queue(QueueName.Deadlines);
  const stateOf = async (id: string) => (await deadlinesQueue().getJob(id))?.getState();

  it('two jobs for the same wake-up, run at once by two workers: one effect row each, one reminder', async () => {
    const c = await caseDueToday();
    const gate = await blockOutbox();
    const a = await startWorker();
    const b = await startWorker();
    const jobs = t.app.get(JobQueue);
    await jobs.add(JobName.DeadlineTick, c.tick, { jobId: `twice-a-${c.id}` });
    await jobs.add(JobName.DeadlineTick, c.tick, { jobId: `twice-b-${c.id}` });
    // Each worker runs one job at a time: two active jobs means one on each worker, the first
    // inside its effect (waiting to write the reminder), the second waiting for the case lock.
    await until(
      'both jobs are active',
      async () => (await deadlinesQueue().getActiveCount()) === 2,
    );
    await until('a worker is inside the effect', async () => (await waitingOnOutbox()) > 0);
    await gate.release();
    await until('both jobs completed', async () =>
      (await Promise.all([`twice-a-${c.id}`, `twice-b-${c.id}`].map(stateOf))).every(
        (s) => s === 'completed',
      ),
    );
    expect(await effects(c.id)).toEqual(ONCE_EACH);
    expect(await reminders(c.referenceNo)).toBe(1);
    const fired = await Promise.all(
      [`twice-a-${c.id}`, `twice-b-${c.id}`].map(
        async (id) =>
          ((await deadlinesQueue().getJob(id))?.returnvalue as { fired: string[] }).fired,
      ),
    );
    expect(fired.sort()).toEqual([[], ['remind-0']]);
    for (const p of [a, b]) p.child.kill('SIGTERM');
    expect(await Promise.all([a.exited, b.exited])).toEqual([0, 0]);
  }, 120_000);

  it('a worker killed in the middle of an effect: the job is redelivered after its lock expires and the effect happens once', async () => {
    const c = await caseDueToday();
    const gate = await blockOutbox();
    const doomed = await startWorker();
    const id = `killed-${c.id}`;
    await t.app.get(JobQueue).add(JobName.DeadlineTick, c.tick, { jobId: id });
    // The worker's start-up reconcile also arms this deadline under its own job id, and either
    // job may be the one inside the effect; and other jobs (the mail reconcile) also wait on the
    // locked outbox. The one to follow is the tick of this case that stays active while the
    // outbox is locked: a tick has nothing else to wait for.
    const tickActive = async () =>
      (await deadlinesQueue().getActive()).filter((j) => j.data.subjectId === c.id);
    await until(
      'a tick of the case is inside its effect',
      async () => (await tickActive()).length === 1 && (await waitingOnOutbox()) > 0,
    );
    await new Promise((r) => setTimeout(r, 1_500));
    const active = await tickActive();
    expect(active).toHaveLength(1);
    const stalled = active[0].id as string;
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    // Its transaction never committed: no effect is recorded.
    expect(await effects(c.id)).toEqual([]);
    await gate.release();
    const heir = await startWorker();
    await until('the jobs are completed by the second worker', async () =>
      (await Promise.all([...new Set([id, stalled])].map(stateOf))).every((s) => s === 'completed'),
    );
    const job = await deadlinesQueue().getJob(stalled);
    expect(job?.stalledCounter).toBe(1); // BullMQ moved it back once after the lock expired
    expect(await effects(c.id)).toEqual(ONCE_EACH);
    expect(await reminders(c.referenceNo)).toBe(1);
    heir.child.kill('SIGTERM');
    expect(await heir.exited).toBe(0);
  }, 120_000);
});
