import request from 'supertest';
import { DataSource } from 'typeorm';
import { JobQueue } from '../../src/infra/queue/job-queue';
import { JobName, QueueName } from '../../src/infra/queue/queue-names';
import { isRedisUnavailable } from '../../src/infra/queue/redis-unavailable';
import { RECONCILE_STATE } from '../../src/modules/timers/deadline-reconciler.service';
import { WorkerStateRepository } from '../../src/modules/timers/worker-state.repository';
import { UpkeepService } from '../../src/modules/upkeep/upkeep.service';
import { seedWorld, type World } from '../utils/fixtures';
import { OwnRedis } from '../utils/own-redis';
import { intake } from '../utils/requests';
import { bootTestApp, type TestApp } from '../utils/test-app';

/**
 * The worker's upkeep round against a Redis of this file's own (it is reconfigured, stopped and
 * has jobs removed): the slow full verification, the eviction policy, the schedulers, and a Redis
 * that hangs. Rounds are called directly (UPKEEP_INTERVAL_MS stays 0 here).
 */
describe(UpkeepService.name, () => {
  let redis: OwnRedis;
  let t: TestApp;
  let w: World;
  const round = () => t.app.get(UpkeepService).round();
  const deadlines = () => t.app.get(JobQueue).queue(QueueName.Deadlines);
  const health = async () =>
    (await request(t.app.getHttpServer()).get('/health')).body as {
      status: string;
      checks: Record<string, { status: string; [k: string]: unknown }>;
    };
  /**
   * /health's status from every check but the holiday-notice one, which depends on the date the
   * test runs (from 15 December; health-calendar.e2e-spec.ts covers it on fixed dates).
   */
  const statusApartFromCalendar = async () => {
    const { checks } = await health();
    const s = Object.entries(checks)
      .filter(([name]) => name !== 'calendar')
      .map(([, c]) => c.status);
    return s.includes('down') ? 'error' : s.includes('degraded') ? 'degraded' : 'ok';
  };
  const ticks = async () =>
    (await deadlines().getDelayed()).filter((j) => j.name === JobName.DeadlineTick);
  const fileCase = () =>
    intake(t.app, w.tokens.clerk, {
      channel: 'in_person',
      submittedAt: new Date(Date.now() - 60_000).toISOString(),
    });

  beforeAll(async () => {
    redis = await OwnRedis.start();
    t = await bootTestApp({
      REDIS_URL: redis.url,
      FULL_VERIFY_INTERVAL_MS: '1000',
      REDIS_COMMAND_TIMEOUT_MS: '500',
      ACCESS_TOKEN_TTL_SECONDS: '31536000',
      RATE_LIMIT_PER_MINUTE: '100000',
    });
    w = await seedWorld(t.app);
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await redis.stop();
  });

  it('re-arms wake-ups Redis lost while its marker survived (AOF everysec) on the slow full verification', async () => {
    await fileCase();
    await round();
    const armed = await ticks();
    expect(armed.length).toBeGreaterThan(0);
    // Redis loses its last second of jobs but keeps the marker key.
    for (const j of armed) await j.remove();
    const partial = await round();
    expect(await ticks()).toHaveLength(0); // the cheap pass only looks at versions never armed
    expect(partial.errors).toEqual([]);
    await new Promise((r) => setTimeout(r, 1100)); // FULL_VERIFY_INTERVAL_MS
    await round();
    expect((await ticks()).map((j) => j.id).sort()).toEqual(armed.map((j) => j.id).sort());
    const h = await health();
    expect(h.status).toBe('degraded');
    expect(h.checks.timers).toEqual(
      expect.objectContaining({ status: 'degraded', deadlinesWithoutJob: armed.length }),
    );
    await round();
    expect(await statusApartFromCalendar()).toBe('ok');
  });

  it('finishes the healing of a worker that died mid-pass: the next pass checks every live deadline', async () => {
    await new Promise((r) => setTimeout(r, 1100));
    await round(); // a full verification just now: the next one is not due for a while
    const armed = await ticks();
    for (const j of armed) await j.remove();
    // What a worker killed while re-arming a wiped Redis leaves behind (the marker already set).
    await t.app
      .get(WorkerStateRepository)
      .record(RECONCILE_STATE, { phase: 'healing', full: true, markerMissing: true });
    await round();
    expect((await ticks()).map((j) => j.id).sort()).toEqual(armed.map((j) => j.id).sort());
  });

  it('re-creates job schedulers Redis lost, and /health says so until a round finds them all', async () => {
    await deadlines().removeJobScheduler(JobName.SupervisorDigest);
    const r = await round();
    expect(r.schedulersMissing).toEqual([JobName.SupervisorDigest]);
    expect(await deadlines().getJobScheduler(JobName.SupervisorDigest)).toBeDefined();
    expect((await health()).checks.schedulers).toEqual(
      expect.objectContaining({ status: 'degraded', missing: [JobName.SupervisorDigest] }),
    );
    await round();
    expect((await health()).checks.schedulers.status).toBe('up');
  });

  it('notices an eviction policy changed after start: /health degraded until it is noeviction again', async () => {
    await redis.client().config('SET', 'maxmemory-policy', 'allkeys-lru');
    await round();
    const h = await health();
    expect(h.status).toBe('degraded');
    expect(h.checks.redis).toEqual(
      expect.objectContaining({ status: 'degraded', evictionPolicy: 'allkeys-lru' }),
    );
    await redis.client().config('SET', 'maxmemory-policy', 'noeviction');
    await round();
    expect(await statusApartFromCalendar()).toBe('ok');
  });

  it('fails fast when Redis hangs: producers give up, a committed request still succeeds, the next round heals', async () => {
    redis.signal('SIGSTOP');
    try {
      let started = Date.now();
      const err = await t.app
        .get(JobQueue)
        .add(JobName.ReconcileOutbox, { requestedAt: new Date().toISOString() })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(isRedisUnavailable(err)).toBe(true);
      expect(Date.now() - started).toBeLessThan(5_000); // REDIS_COMMAND_TIMEOUT_MS=500, not a hang
      started = Date.now();
      const c = await fileCase(); // committed: its arming after commit gives up within 1 s
      expect(Date.now() - started).toBeLessThan(5_000);
      const [{ n }] = await t.app
        .get(DataSource)
        .query<Array<{ n: number }>>(
          `SELECT count(*)::int AS n FROM deadline WHERE subject_id = $1 AND armed_version <> version`,
          [c.id],
        );
      expect(n).toBeGreaterThan(0);
      expect((await health()).status).toBe('error');
    } finally {
      redis.signal('SIGCONT');
    }
    await round();
    const [{ n }] = await t.app
      .get(DataSource)
      .query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM deadline WHERE status = 'live' AND armed_version <> version`,
      );
    expect(n).toBe(0);
  });
});
