import request from 'supertest';
import { seedWorld, type World } from '../utils/fixtures';
import { UpkeepService } from '../../src/modules/upkeep/upkeep.service';
import { bootTestApp, type TestApp } from '../utils/test-app';
import { SEASON_FREE } from '../utils/test-services';

describe('Operations endpoints', () => {
  let t: TestApp;

  beforeAll(async () => {
    // A fixed day outside the holiday-notice season (see health-calendar.e2e-spec.ts).
    t = await bootTestApp({ ...SEASON_FREE, RATE_LIMIT_PER_MINUTE: '20' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('reports database, Redis, queues and outbox as up on GET /health', async () => {
    // Queue counts come from what the worker's upkeep recorded, not from a Redis scan per probe.
    await t.app.get(UpkeepService).round();
    const res = await request(t.app.getHttpServer()).get('/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.checks.database.status).toBe('up');
    expect(res.body.checks.redis.status).toBe('up');
    expect(res.body.checks.queues.mail).toEqual(
      expect.objectContaining({ waiting: expect.any(Number) }),
    );
    expect(res.body.checks.outbox).toEqual(expect.objectContaining({ status: 'up', pending: 0 }));
  });

  it('serves Prometheus metrics including HTTP timings by route', async () => {
    await request(t.app.getHttpServer()).get('/health');
    const res = await request(t.app.getHttpServer()).get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toContain('govinfo_process_cpu_user_seconds_total');
    expect(res.text).toMatch(
      /govinfo_http_request_duration_seconds_count\{method="GET",route="\/health",status="200"\} \d+/,
    );
    expect(res.text).toMatch(/govinfo_outbox_lag_seconds 0/);
    expect(res.text).toContain('govinfo_deadlines_live');
  });

  it('serves what the upkeep and reconciles recorded, and the database pool, as metrics', async () => {
    await t.app.get(UpkeepService).round();
    const res = await request(t.app.getHttpServer()).get('/metrics').expect(200);
    expect(res.text).toMatch(/^govinfo_deadlines_without_job 0$/m);
    expect(res.text).toMatch(/^govinfo_outbox_without_job 0$/m);
    for (const name of [
      'reconcile-deadlines',
      'reconcile-outbox',
      'supervisor-digest',
      'supervisor-weekly',
    ])
      expect(res.text).toContain(`govinfo_job_scheduler_present{scheduler="${name}"} 1`);
    expect(res.text).toMatch(
      /^govinfo_reconcile_last_duration_seconds\{pass="(full|partial)"\} [\d.e-]+$/m,
    );
    expect(res.text).toMatch(/^govinfo_reconcile_last_rearmed \d+$/m);
    expect(res.text).toMatch(
      /^govinfo_reconcile_duration_seconds_count\{reconcile="deadlines",pass="(full|partial)"\} [1-9]/m,
    );
    expect(res.text).toMatch(/^govinfo_reconcile_repaired_total\{reconcile="outbox"\} 0$/m);
    expect(res.text).toMatch(/^govinfo_db_pool_connections\{state="in_use"\} \d+$/m);
    expect(res.text).toMatch(/^govinfo_db_pool_connections\{state="waiting"\} \d+$/m);
  });

  it('serves the OpenAPI UI at /api/docs and the document as JSON', async () => {
    const ui = await request(t.app.getHttpServer()).get('/api/docs/').expect(200);
    expect(ui.text).toContain('swagger-ui');
    const doc = await request(t.app.getHttpServer()).get('/api/docs-json').expect(200);
    expect(doc.body.info.title).toBe('govinfo API');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/health', '/metrics']));
  });

  it('sets helmet security headers and echoes a request id', async () => {
    const res = await request(t.app.getHttpServer())
      .get('/')
      .set('x-request-id', 'abc-123')
      .expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-request-id']).toBe('abc-123');
    expect(res.text).toContain('政府信息公开申请');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('generates a request id when the caller sends none or an unsafe one', async () => {
    const res = await request(t.app.getHttpServer())
      .get('/')
      .set('x-request-id', 'bad id with spaces and {braces}')
      .expect(200);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown routes with RFC 9457 problem details', async () => {
    const res = await request(t.app.getHttpServer()).get('/no/such/route').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual(expect.objectContaining({ status: 404, instance: '/no/such/route' }));
    expect(res.body.title).toContain('未找到');
  });

  it('rate-limits a client that exceeds the limit, but never /health', async () => {
    const server = t.app.getHttpServer();
    let limited: request.Response | undefined;
    for (let i = 0; i < 25 && !limited; i++) {
      const res = await request(server).get('/');
      if (res.status === 429) limited = res;
    }
    expect(limited?.status).toBe(429);
    expect(limited?.headers['content-type']).toMatch(/^application\/problem\+json/);
    await request(server).get('/health').expect(200);
  });
});

describe('bull-board at /admin/queues', () => {
  let t: TestApp;
  let world: World;
  beforeAll(async () => {
    t = await bootTestApp();
    world = await seedWorld(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  it('is closed (404) to anonymous callers and to staff who are not root administrators', async () => {
    await request(t.app.getHttpServer()).get('/admin/queues').expect(404);
    await request(t.app.getHttpServer())
      .get('/admin/queues')
      .set('authorization', `Bearer ${world.tokens.otherAdmin}`)
      .expect(404);
    await request(t.app.getHttpServer())
      .get('/admin/queues')
      .set('authorization', `Bearer ${world.tokens.clerk}`)
      .expect(404);
  });

  it('opens for a signed-in administrator of a root agency', async () => {
    const res = await request(t.app.getHttpServer())
      .get('/admin/queues')
      .set('authorization', `Bearer ${world.tokens.rootAdmin}`)
      .expect(200);
    expect(res.text).toContain('Bull Dashboard');
  });

  it('is not mounted at all when BULL_BOARD_ENABLED=false', async () => {
    const off = await bootTestApp({ BULL_BOARD_ENABLED: 'false' });
    try {
      const admin = await seedWorld(off.app);
      await request(off.app.getHttpServer())
        .get('/admin/queues')
        .set('authorization', `Bearer ${admin.tokens.rootAdmin}`)
        .expect(404);
    } finally {
      await off.close();
    }
  });
});
