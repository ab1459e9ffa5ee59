import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { CalendarChange } from '../../src/modules/calendar/calendar-change';
import { bootCalendarAdmin, calendarAudit } from '../utils/calendar-admin';
import type { Actor, World } from '../utils/fixtures';
import type { TestApp } from '../utils/test-app';

const NOTICE_2027 = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/notice-2027.json'), 'utf8'),
) as Record<string, unknown>;
const WE1 = '/api/v1/calendar/deadline?received=2024-09-13';
const REACHES_2027 = '/api/v1/calendar/deadline?received=2026-12-10';

describe('calendar year notices', () => {
  let t: TestApp;
  let world: World;
  const changes: CalendarChange[] = [];
  const api = () => request(t.app.getHttpServer());
  const as = (actor: Actor) => ({ authorization: `Bearer ${world.tokens[actor]}` });
  const auditActions = () => calendarAudit(t);

  beforeAll(async () => {
    ({ t, world } = await bootCalendarAdmin(changes));
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses anonymous callers (401) and staff without calendar.manage (403)', async () => {
    const calls = [
      api().get('/api/v1/calendar/overrides'),
      api().post('/api/v1/calendar/overrides').send({}),
      api().delete('/api/v1/calendar/overrides/00000000-0000-4000-8000-000000000000'),
      api().post('/api/v1/calendar/years').send(NOTICE_2027),
    ];
    for (const call of calls) expect((await call).status).toBe(401);
    const clerk = [
      api().get('/api/v1/calendar/overrides').set(as('clerk')),
      api().post('/api/v1/calendar/overrides').set(as('clerk')).send({}),
      api().post('/api/v1/calendar/years').set(as('parentSupervisor')).send(NOTICE_2027),
    ];
    for (const call of clerk) expect((await call).status).toBe(403);
  });

  describe('year notices', () => {
    it('imports a 2027 notice: a deadline reaching 2027 stops being provisional and moves', async () => {
      const before = await api().get(REACHES_2027).expect(200);
      expect(before.body).toMatchObject({ replyDue: '2027-01-07', provisional: true });

      await api()
        .post('/api/v1/calendar/years')
        .set(as('otherAdmin'))
        .send(NOTICE_2027)
        .expect(403);
      const res = await api()
        .post('/api/v1/calendar/years')
        .set(as('rootAdmin'))
        .send(NOTICE_2027)
        .expect(201);
      expect(res.body).toEqual({
        year: 2027,
        changed: true,
        replaced: null,
        noticeUrl: NOTICE_2027.noticeUrl,
        noticeDate: '2026-11-05',
        version: expect.stringMatching(/^\d+$/),
      });

      const after = await api()
        .get(REACHES_2027)
        .set('if-none-match', before.headers.etag)
        .expect(200);
      expect(after.body).toMatchObject({ replyDue: '2027-01-08', provisional: false });
      expect(after.headers.etag).not.toBe(before.headers.etag);
      const years = await api().get('/api/v1/calendar/years').expect(200);
      expect(years.body.at(-1)).toMatchObject({
        year: 2027,
        source: 'imported',
        noticeUrl: NOTICE_2027.noticeUrl,
        workingDays: 255,
        importedAt: expect.any(String),
      });
      expect(changes.at(-1)).toMatchObject({
        action: 'year.imported',
        year: 2027,
        scope: 'NATIONAL',
        affectsDeadlines: true,
        dateFrom: '2026-12-01',
        dateTo: '2027-12-31',
        actorId: world.ids.rootAdmin,
      });
    });

    it('changes nothing when the identical notice is imported again', async () => {
      const etag = (await api().get(WE1)).headers.etag;
      const count = changes.length;
      const res = await api()
        .post('/api/v1/calendar/years')
        .set(as('rootAdmin'))
        .send(NOTICE_2027)
        .expect(200);
      expect(res.body).toMatchObject({ year: 2027, changed: false });
      expect((await api().get(WE1)).headers.etag).toBe(etag);
      expect(changes).toHaveLength(count);
    });

    it('replaces a loaded year only with replace=true', async () => {
      const amended = { ...NOTICE_2027, noticeDate: '2026-12-01', workdays: [] };
      const refused = await api()
        .post('/api/v1/calendar/years')
        .set(as('rootAdmin'))
        .send(amended)
        .expect(409);
      expect(refused.body.errors).toEqual([
        {
          field: 'year',
          code: 'calendar-year-loaded',
          message: expect.stringContaining('replace=true'),
        },
      ]);
      const national = {
        ...NOTICE_2027,
        year: 2024,
        noticeDate: '2023-10-25',
        holidays: [{ name: '元旦', off: ['2024-01-01'] }],
        workdays: [],
      };
      expect(
        (await api().post('/api/v1/calendar/years').set(as('rootAdmin')).send(national).expect(409))
          .body.detail,
      ).toContain('national dataset');
      const res = await api()
        .post('/api/v1/calendar/years?replace=true')
        .set(as('rootAdmin'))
        .send(amended)
        .expect(201);
      expect(res.body).toMatchObject({ changed: true, replaced: 'imported' });
      const rows = await t.app
        .get(DataSource)
        .query<Array<{ current: boolean }>>(
          `SELECT superseded_at IS NULL AS current FROM calendar_year_notice WHERE year = 2027 ORDER BY imported_at`,
        );
      expect(rows).toEqual([{ current: false }, { current: true }]);
      expect(
        (await api().get('/api/v1/calendar/days?from=2027-01-31&to=2027-01-31')).body[0],
      ).toMatchObject({ kind: 'weekend', working: false });
    });

    it('answers 400 with the field errors of an invalid notice', async () => {
      const bad = {
        ...NOTICE_2027,
        noticeUrl: 'ftp://x',
        holidays: [{ name: '元旦', off: ['2027-02-30'] }],
        extra: 1,
      };
      const res = await api()
        .post('/api/v1/calendar/years')
        .set(as('rootAdmin'))
        .send(bad)
        .expect(400);
      expect(res.body.code).toBe('invalid-year-notice');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(['noticeUrl', 'holidays[0].off[0]', 'extra']),
      );
      await api()
        .post('/api/v1/calendar/years?replace=maybe')
        .set(as('rootAdmin'))
        .send(NOTICE_2027)
        .expect(400);
    });
  });

  it('writes an audit entry and a calendar change for each import that changed something', async () => {
    const rows = await auditActions();
    expect(rows.map((r) => [r.action, r.actor_id, r.agency_id, r.target_id])).toEqual([
      ['calendar.year-imported', world.ids.rootAdmin, null, '2027'],
      ['calendar.year-imported', world.ids.rootAdmin, null, '2027'],
    ]);
    const log = await t.app
      .get(DataSource)
      .query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM calendar_change');
    expect(log[0].n).toBe(2);
  });
});
