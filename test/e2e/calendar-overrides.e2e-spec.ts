import request from 'supertest';
import { DataSource } from 'typeorm';
import { AgenciesService } from '../../src/modules/agencies/agencies.service';
import type { CalendarChange } from '../../src/modules/calendar/calendar-change';
import { CalendarOverridesService } from '../../src/modules/calendar/calendar-overrides.service';
import { bootCalendarAdmin, calendarAudit } from '../utils/calendar-admin';
import type { Actor, World } from '../utils/fixtures';
import { bootTestApp, type TestApp } from '../utils/test-app';

const WE1 = '/api/v1/calendar/deadline?received=2024-09-13';

describe('calendar overrides', () => {
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

  describe('overrides', () => {
    let correctionId: string;
    let agencyOverrideId: string;

    it('moves a due date with a NATIONAL_CORRECTION, and back when it is removed', async () => {
      const body = {
        date: '2024-10-10',
        kind: 'CLOSED',
        scope: 'NATIONAL_CORRECTION',
        basis: '国务院办公厅补充通知（测试）',
        name: '临时停工',
      };
      await api().post('/api/v1/calendar/overrides').set(as('otherAdmin')).send(body).expect(403);
      const res = await api()
        .post('/api/v1/calendar/overrides')
        .set(as('rootAdmin'))
        .send(body)
        .expect(201);
      correctionId = res.body.id;
      expect(res.body).toMatchObject({
        date: '2024-10-10',
        kind: 'CLOSED',
        scope: 'NATIONAL_CORRECTION',
        agencyCode: null,
        scopeLabel: 'NATIONAL_CORRECTION',
        createdBy: world.ids.rootAdmin,
        deletedAt: null,
      });
      expect((await api().get(WE1)).body.replyDue).toBe('2024-10-18');
      expect(
        (await api().get('/api/v1/calendar/days?from=2024-10-10&to=2024-10-10')).body[0],
      ).toMatchObject({
        kind: 'override-closed',
        working: false,
        basis: body.basis,
        scope: 'NATIONAL_CORRECTION',
        name: '临时停工',
      });
      await api()
        .post('/api/v1/calendar/overrides')
        .set(as('rootAdmin'))
        .send({ ...body, kind: 'OPEN' })
        .expect(409);

      await api()
        .delete(`/api/v1/calendar/overrides/${correctionId}`)
        .set(as('otherAdmin'))
        .expect(403);
      const removed = await api()
        .delete(`/api/v1/calendar/overrides/${correctionId}`)
        .set(as('rootAdmin'))
        .expect(200);
      expect(removed.body).toMatchObject({
        id: correctionId,
        deletedBy: world.ids.rootAdmin,
        deletedAt: expect.any(String),
      });
      expect((await api().get(WE1)).body.replyDue).toBe('2024-10-17');
      const again = await api()
        .delete(`/api/v1/calendar/overrides/${correctionId}`)
        .set(as('rootAdmin'))
        .expect(200);
      expect(again.body.deletedAt).toBe(removed.body.deletedAt);
    });

    it('shows an agency override as a warning without applying it (R-WD-05 default)', async () => {
      const body = {
        date: '2024-10-10',
        kind: 'CLOSED',
        scope: 'AGENCY',
        agencyCode: 'DQ-GA',
        basis: '大庆市公安局关于办公楼检修的通知',
        name: '办公楼检修',
      };
      const res = await api()
        .post('/api/v1/calendar/overrides')
        .set(as('rootAdmin'))
        .send(body)
        .expect(201);
      agencyOverrideId = res.body.id;
      expect(res.body.scopeLabel).toBe('AGENCY:DQ-GA');
      expect(changes.at(-1)).toMatchObject({
        action: 'override.added',
        scope: 'AGENCY',
        affectsDeadlines: false,
        overrideId: agencyOverrideId,
      });

      const plain = await api().get(WE1).expect(200);
      expect(plain.body.replyDue).toBe('2024-10-17');
      expect(plain.body.warnings).toBeUndefined();
      const forAgency = await api().get(`${WE1}&agency=DQ-GA`).expect(200);
      expect(forAgency.body.replyDue).toBe('2024-10-17');
      expect(forAgency.body.warnings).toEqual([
        expect.objectContaining({
          date: '2024-10-10',
          kind: 'CLOSED',
          scope: 'AGENCY:DQ-GA',
          basis: body.basis,
          message: expect.stringContaining('not applied'),
        }),
      ]);
      expect((await api().get(`${WE1}&agency=DQ-JY`)).body.warnings).toEqual([]);
      const days = await api()
        .get('/api/v1/calendar/days?from=2024-10-09&to=2024-10-10&agency=DQ-GA')
        .expect(200);
      expect(days.body[0].warnings).toBeUndefined();
      expect(days.body[1]).toMatchObject({
        kind: 'workday',
        working: true,
        warnings: [expect.objectContaining({ scope: 'AGENCY:DQ-GA' })],
      });
    });

    it('answers 404 to an administrator of another agency, as for an unknown one', async () => {
      const body = {
        date: '2024-10-11',
        kind: 'CLOSED',
        scope: 'AGENCY',
        agencyCode: 'DQ-GA',
        basis: '某依据',
      };
      await api().post('/api/v1/calendar/overrides').set(as('otherAdmin')).send(body).expect(404);
      await api()
        .post('/api/v1/calendar/overrides')
        .set(as('otherAdmin'))
        .send({ ...body, agencyCode: 'NOPE' })
        .expect(404);
      await api()
        .delete(`/api/v1/calendar/overrides/${agencyOverrideId}`)
        .set(as('otherAdmin'))
        .expect(404);
      await api()
        .delete('/api/v1/calendar/overrides/00000000-0000-4000-8000-000000000000')
        .set(as('rootAdmin'))
        .expect(404);
      await api().delete('/api/v1/calendar/overrides/not-a-uuid').set(as('rootAdmin')).expect(404);
      const own = await api()
        .post('/api/v1/calendar/overrides')
        .set(as('otherAdmin'))
        .send({ ...body, agencyCode: 'DQ-JY' })
        .expect(201);
      const seen = await api().get('/api/v1/calendar/overrides').set(as('otherAdmin')).expect(200);
      expect(seen.body.map((o: { id: string }) => o.id)).toEqual([own.body.id]);
      const all = await api()
        .get('/api/v1/calendar/overrides?includeDeleted=true')
        .set(as('rootAdmin'))
        .expect(200);
      expect(all.body.map((o: { id: string }) => o.id)).toEqual([
        correctionId,
        agencyOverrideId,
        own.body.id,
      ]);
    });

    it.each([
      [
        'no legal basis',
        { date: '2024-10-11', kind: 'CLOSED', scope: 'NATIONAL_CORRECTION', basis: '   ' },
        'basis',
      ],
      [
        'an impossible date',
        { date: '2024-02-30', kind: 'CLOSED', scope: 'NATIONAL_CORRECTION', basis: 'b' },
        'date',
      ],
      [
        'an unknown kind',
        { date: '2024-10-11', kind: 'SHUT', scope: 'NATIONAL_CORRECTION', basis: 'b' },
        'kind',
      ],
      [
        'an agency scope without agency',
        { date: '2024-10-11', kind: 'CLOSED', scope: 'PROVINCE', basis: 'b' },
        'agencyCode',
      ],
      [
        'a national correction naming an agency',
        {
          date: '2024-10-11',
          kind: 'CLOSED',
          scope: 'NATIONAL_CORRECTION',
          agencyCode: 'HLJ',
          basis: 'b',
        },
        'agencyCode',
      ],
    ])('answers 400 to an override with %s', async (_case, body, field) => {
      const res = await api()
        .post('/api/v1/calendar/overrides')
        .set(as('rootAdmin'))
        .send(body)
        .expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('writes an audit entry for every change, readable within the agency subtree', async () => {
      const rows = await auditActions();
      expect(rows.map((r) => r.action)).toEqual([
        'calendar.override-added',
        'calendar.override-removed',
        'calendar.override-added',
        'calendar.override-added',
      ]);
      expect(rows[0]).toMatchObject({
        actor_id: world.ids.rootAdmin,
        agency_id: null,
        target_id: correctionId,
      });
      const ga = await t.app.get(AgenciesService).findByCode('DQ-GA');
      expect(rows[2]).toMatchObject({ target_id: agencyOverrideId, agency_id: ga?.id });
      const log = await t.app
        .get(DataSource)
        .query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM calendar_change');
      expect(log[0].n).toBe(rows.length);
    });
  });
});

describe('calendar with CALENDAR_APPLY_LOCAL_OVERRIDES=true', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootTestApp({ CALENDAR_APPLY_LOCAL_OVERRIDES: 'true' });
    const agencies = t.app.get(AgenciesService);
    await agencies.create(null, {
      code: 'HLJ',
      name: '黑龙江省人民政府',
      kind: 'government',
      parentCode: null,
    });
    await agencies.create(null, {
      code: 'DQ-GA',
      name: '大庆市公安局',
      kind: 'department',
      parentCode: 'HLJ',
    });
    await t.app.get(CalendarOverridesService).add(null, {
      date: '2024-10-10',
      kind: 'CLOSED',
      scope: 'PROVINCE',
      agencyCode: 'HLJ',
      basis: '黑龙江省人民政府通知（测试）',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it("applies a province override to the deadlines of every agency in the province's subtree", async () => {
    const api = request(t.app.getHttpServer());
    const res = await api.get(`${WE1}&agency=DQ-GA&trace=true`).expect(200);
    expect(res.body).toMatchObject({ replyDue: '2024-10-18', warnings: [] });
    expect(res.body.trace.find((d: { date: string }) => d.date === '2024-10-10')).toMatchObject({
      kind: 'override-closed',
      status: 'not-working',
    });
    expect((await api.get(WE1)).body.replyDue).toBe('2024-10-17');
    expect(
      (await api.get('/api/v1/calendar/days?from=2024-10-10&to=2024-10-10&agency=DQ-GA')).body[0],
    ).toMatchObject({ kind: 'override-closed', scope: 'PROVINCE:HLJ' });
  });
});
