import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { seedWorld, type World } from '../utils/fixtures';
import { setToday } from '../utils/requests';
import { bootTestApp, caseTestEnv, type TestApp } from '../utils/test-app';

const NOTICE_2027 = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/notice-2027.json'), 'utf8'),
) as Record<string, unknown>;

describe("/health lists a warning from 1 November when next year's holiday notice is not loaded, and degrades from 15 December", () => {
  let t: TestApp;
  let w: World;
  const health = async () => (await request(t.app.getHttpServer()).get('/health')).body;

  beforeAll(async () => {
    t = await bootTestApp(caseTestEnv('2026-10-31T09:00:00+08:00'));
    w = await seedWorld(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  it('is silent on 31 October, warns on 1 November, degrades on 15 December, and is clear once the notice is imported', async () => {
    setToday(t.app, '2026-10-31');
    let h = await health();
    expect(h.checks.calendar).toEqual({ status: 'up', nextYear: 2027, nextYearLoaded: false });
    expect(h.warnings).toBeUndefined();

    setToday(t.app, '2026-11-01');
    h = await health();
    expect(h.checks.calendar.status).toBe('up');
    expect(h.warnings).toEqual([expect.stringContaining('2027年节假日安排尚未导入')]);
    expect(h.status).not.toBe('degraded');

    setToday(t.app, '2026-12-15');
    h = await health();
    expect(h.checks.calendar.status).toBe('degraded');
    expect(h.status).toBe('degraded');

    await request(t.app.getHttpServer())
      .post('/api/v1/calendar/years')
      .set('authorization', `Bearer ${w.tokens.rootAdmin}`)
      .send(NOTICE_2027)
      .expect(201);
    h = await health();
    expect(h.checks.calendar).toEqual({ status: 'up', nextYear: 2027, nextYearLoaded: true });
    expect(h.warnings).toBeUndefined();
  });
});
