import request from 'supertest';
import { DataSource } from 'typeorm';
import { JobQueue } from '../../src/infra/queue/job-queue';
import { JOB_SCHEDULERS } from '../../src/infra/queue/job-schedulers';
import { JOB_QUEUE, JobName, QueueName } from '../../src/infra/queue/queue-names';
import { OutboxService } from '../../src/modules/notifications/outbox.service';
import { seedWorld, type World } from '../utils/fixtures';
import { freePort } from '../utils/free-port';
import { OwnRedis } from '../utils/own-redis';
import { buildDist, startNode, type RunningProcess } from '../utils/processes';
import { intake } from '../utils/requests';
import { SmtpReceiver } from '../utils/smtp-receiver';
import { bootTestApp, TEST_PII_KEY, type TestApp } from '../utils/test-app';

const CLONES = 400; // × the live deadlines of 3 cases (2 each) → 2,406 live deadlines
// One SMTP connection per e-mail: about 35 a second on a 2-core machine running the whole test.
const MAILS = 600;
const UPKEEP_MS = 2000;
/** The bound: a wipe is healed within 30 s, without a restart. */
const HEAL_MS = 30_000;

/**
 * Redis is disposable in fact: its own redis-server (never the shared one), the API in this
 * process, a real worker process (`main.js --role worker`) and a real SMTP server. FLUSHALL,
 * SIGKILL + restart and an eviction policy changed at run time must each be noticed and healed by
 * the worker's own upkeep timer, without a restart, nothing doubled, /health telling the truth.
 */
describe('Redis faults under a running api and worker', () => {
  let redis: OwnRedis;
  let smtp: SmtpReceiver;
  let t: TestApp;
  let w: World;
  let worker: RunningProcess;
  const db = () => t.app.get(DataSource);
  const queue = (q: QueueName) => t.app.get(JobQueue).queue(q);

  beforeAll(async () => {
    buildDist();
    redis = await OwnRedis.start();
    smtp = await new SmtpReceiver().start();
    t = await bootTestApp({
      ROLE: 'api',
      REDIS_URL: redis.url,
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: smtp.url,
      ACCESS_TOKEN_TTL_SECONDS: '31536000',
      RATE_LIMIT_PER_MINUTE: '100000',
    });
    w = await seedWorld(t.app);
    worker = startNode('main', ['--role', 'worker'], {
      DATABASE_URL: t.config.database.url as string,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: t.config.redis.queuePrefix,
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: smtp.url,
      PII_ENCRYPTION_KEY: TEST_PII_KEY,
      LOG_LEVEL: 'error',
      WORKER_CONCURRENCY: '8',
      UPKEEP_INTERVAL_MS: String(UPKEEP_MS),
    });
    await worker.waitForOutput(/listening on/);
  }, 120_000);
  afterAll(async () => {
    if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
    await worker.exited;
    await t.close();
    await smtp.stop();
    await redis.stop();
  });

  async function until<T>(what: string, check: () => Promise<T | false>, ms: number): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const v = await check();
      if (v !== false) return v;
      if (Date.now() > end) throw new Error(`timed out (${ms} ms) waiting until ${what}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  const health = async () =>
    (await request(t.app.getHttpServer()).get('/health')).body as {
      status: string;
      checks: Record<string, { status: string; problem?: string }>;
    };
  /** Watches /health in the background; `stop()` returns every status seen. */
  function watchHealth(): { stop(): Promise<string[]> } {
    const seen: string[] = [];
    let on = true;
    const loop = (async () => {
      while (on) {
        seen.push((await health()).status);
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    return {
      stop: async () => {
        on = false;
        await loop;
        return seen;
      },
    };
  }
  /** The deadline wake-ups in Redis (ids), and how many jobs they are. */
  async function tickJobs(): Promise<{ ids: Set<string>; count: number }> {
    const jobs = await queue(QueueName.Deadlines).getJobs(['delayed', 'waiting', 'prioritized']);
    const ids = jobs.filter((j) => j.name === JobName.DeadlineTick).map((j) => j.id as string);
    return { ids: new Set(ids), count: ids.length };
  }
  const count = async (sql: string) => (await db().query<Array<{ n: number }>>(sql))[0].n;
  const unarmed = () =>
    count(
      `SELECT count(*)::int AS n FROM deadline WHERE status = 'live' AND armed_version <> version`,
    );
  const live = () => count(`SELECT count(*)::int AS n FROM deadline WHERE status = 'live'`);
  async function schedulersPresent(): Promise<boolean> {
    for (const name of Object.keys(JOB_SCHEDULERS) as Array<keyof typeof JOB_SCHEDULERS>)
      if (!(await queue(JOB_QUEUE[name]).getJobScheduler(name))) return false;
    return true;
  }

  /** A case filed in person a minute ago (system clock): its reply and correction deadlines. */
  const fileCase = () =>
    intake(t.app, w.tokens.clerk, {
      channel: 'in_person',
      submittedAt: new Date(Date.now() - 60_000).toISOString(),
    });

  it('FLUSHALL with thousands of live deadlines and queued mail: all re-armed and sent within 30 s, nothing doubled, /health degraded meanwhile', async () => {
    for (let i = 0; i < 3; i++) await fileCase();
    await db().query(
      `INSERT INTO deadline (subject_type, subject_id, kind, ref, subject_year, agency_id, due_on, version, status, armed_version)
       SELECT d.subject_type, gen_random_uuid(), d.kind, d.ref, d.subject_year, d.agency_id, d.due_on, 1, 'live', 0
         FROM deadline d CROSS JOIN generate_series(1, $1) WHERE d.status = 'live'`,
      [CLONES],
    );
    const liveCount = await live();
    expect(liveCount).toBeGreaterThan(2000);
    // The worker's upkeep arms what was never armed (its partial reconcile).
    await until('every live deadline is armed', async () => (await unarmed()) === 0, 60_000);
    const before = await tickJobs();
    expect(before.count).toBe(liveCount);

    // Queued mail: the SMTP server refuses for now, so the send jobs wait in Redis for a retry.
    smtp.refuse(Number.MAX_SAFE_INTEGER);
    const ids = (
      await db().query<Array<{ id: string }>>(
        `INSERT INTO mail_outbox (id, template, to_address, params)
         SELECT gen_random_uuid(), 'mail-check', 'bulk-' || g || '@agency.test',
                jsonb_build_object('requestedAt', '2026-01-01T00:00:00Z', 'publicUrl', 'http://govinfo.test')
           FROM generate_series(1, $1) g RETURNING id`,
        [MAILS],
      )
    ).map((r) => r.id);
    const outbox = t.app.get(OutboxService);
    for (const id of ids) await outbox.dispatch(id);
    await until('mail jobs are queued', async () => smtp.started > 0, 10_000);

    const watch = watchHealth();
    await redis.client().flushall();
    const flushedAt = Date.now();
    smtp.refuse(0);
    // Cheap polls (counts); the job ids are compared once at the end.
    let last = {};
    let deadlinesHealedMs: number | null = null;
    const healedMs = await until(
      'every deadline is re-armed and every e-mail sent',
      async () => {
        const ticks = (await queue(QueueName.Deadlines).getJobCounts('delayed')).delayed;
        if (deadlinesHealedMs === null && ticks >= before.count)
          deadlinesHealedMs = Date.now() - flushedAt;
        const sent = await count(
          `SELECT count(*)::int AS n FROM mail_outbox WHERE status = 'sent' AND to_address LIKE 'bulk-%'`,
        );
        last = { ticks, sent, log: worker.stdout().slice(-2000) };
        return deadlinesHealedMs !== null && sent === MAILS ? Date.now() - flushedAt : false;
      },
      HEAL_MS,
    ).catch((err: Error) => {
      throw new Error(`${err.message}: ${JSON.stringify(last)}`);
    });
    const after = await tickJobs();
    expect([...before.ids].filter((id) => !after.ids.has(id))).toEqual([]);
    expect(await schedulersPresent()).toBe(true);
    // Healthy again once a round finds nothing missing.
    await until('/health is ok again', async () => (await health()).status === 'ok', 20_000);
    const statuses = await watch.stop();
    process.stdout.write(
      `FLUSHALL healed: ${liveCount} deadlines re-armed after ${deadlinesHealedMs} ms, ${MAILS} e-mails sent after ${healedMs} ms; /health: ${statuses.filter((s) => s === 'degraded').length} degraded of ${statuses.length} probes\n`,
    );
    expect(statuses).toContain('degraded');
    // Nothing doubled: one wake-up per live deadline, one message per outbox row.
    expect((await tickJobs()).count).toBe(liveCount);
    const perMessage = new Map<string, number>();
    for (const m of smtp.messages)
      perMessage.set(m.messageId ?? '', (perMessage.get(m.messageId ?? '') ?? 0) + 1);
    expect(ids.every((id) => perMessage.get(`<outbox-${id}@govinfo>`) === 1)).toBe(true);
    expect(smtp.messages.filter((m) => /^<outbox-/.test(m.messageId ?? ''))).toHaveLength(
      perMessage.size,
    );
    expect([...perMessage.values()].every((n) => n === 1)).toBe(true);
    expect(worker.child.exitCode).toBeNull();
  }, 90_000);

  it('Redis SIGKILLed and restarted empty: requests still succeed meanwhile, the worker resumes without a restart', async () => {
    const before = await tickJobs();
    await redis.kill();
    // The case is committed; its arming after commit gives up and is left to the reconcile.
    const started = Date.now();
    const c = await fileCase();
    const filedMs = Date.now() - started;
    expect(filedMs).toBeLessThan(10_000);
    expect((await health()).status).toBe('error'); // Redis down: 503
    await redis.restart();
    const restartedAt = Date.now();
    const check = await t.app.get(OutboxService).send({
      template: 'mail-check',
      to: 'after-restart@agency.test',
      params: { requestedAt: '2026-01-01T00:00:00Z', publicUrl: 'http://govinfo.test' },
    });
    await until(
      'the new case is armed and every earlier wake-up is back',
      async () => {
        const now = await tickJobs();
        return (await unarmed()) === 0 && [...before.ids].every((id) => now.ids.has(id));
      },
      HEAL_MS,
    );
    await smtp.waitForTo('after-restart@agency.test', HEAL_MS);
    const [{ status }] = await db().query<Array<{ status: string }>>(
      `SELECT status FROM mail_outbox WHERE id = $1`,
      [check],
    );
    expect(status).toBe('sent');
    expect(await schedulersPresent()).toBe(true);
    process.stdout.write(
      `Redis SIGKILL: a case filed during the outage answered in ${filedMs} ms; healed ${Date.now() - restartedAt} ms after the restart\n`,
    );
    const [{ n }] = await db().query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM deadline WHERE subject_id = $1 AND status = 'live'`,
      [c.id],
    );
    expect(n).toBeGreaterThan(0);
    expect(worker.child.exitCode).toBeNull();
  }, 90_000);

  it('eviction policy changed after start: /health degraded within a few rounds, ok again once restored', async () => {
    await until('/health is ok', async () => (await health()).status === 'ok', 30_000);
    await redis.client().config('SET', 'maxmemory-policy', 'allkeys-lru');
    const h = await until(
      '/health is degraded',
      async () => {
        const h = await health();
        return h.status === 'degraded' ? h : false;
      },
      5 * UPKEEP_MS + 5_000,
    );
    expect(h.checks.redis).toEqual(
      expect.objectContaining({ status: 'degraded', evictionPolicy: 'allkeys-lru' }),
    );
    await redis.client().config('SET', 'maxmemory-policy', 'noeviction');
    await until('/health is ok again', async () => (await health()).status === 'ok', 30_000);
    expect(worker.child.exitCode).toBeNull();
  }, 90_000);
});
