import request from 'supertest';
import { DataSource } from 'typeorm';
import { seedWorld, type World } from '../utils/fixtures';
import { act, caseView, intake } from '../utils/requests';
import { bootTestApp, caseTestEnv, type TestApp } from '../utils/test-app';

describe('Deactivating an agency with open cases is refused unless a successor agency is named', () => {
  let t: TestApp;
  let w: World;
  const admin = () => ({ authorization: `Bearer ${w.tokens.rootAdmin}` });
  const deactivate = (code: string, body: object = {}) =>
    request(t.app.getHttpServer())
      .post(`/api/v1/agencies/${code}/deactivate`)
      .set(admin())
      .send(body);

  beforeAll(async () => {
    t = await bootTestApp(caseTestEnv('2026-09-14T09:00:00+08:00'));
    w = await seedWorld(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses without a successor, moves the open cases to the named one with an event each, keeping reference numbers and dates', async () => {
    const open = await intake(t.app, w.tokens.clerk, { submittedAt: '2026-09-14T09:00:00+08:00' });
    const done = await intake(t.app, w.tokens.clerk, { submittedAt: '2026-09-14T09:00:00+08:00' });
    await act(t.app, w.tokens.clerk, done.id, 'reply', { replyType: 'DISCLOSED' }).expect(200);
    const before = await caseView(t.app, w.tokens.parentSupervisor, open.id);

    const refused = await deactivate('DQ-GA').expect(409);
    expect(refused.body.code).toBe('agency-has-open-cases');
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'successorCode', code: 'agency-has-open-cases' }),
    ]);
    const unknown = await deactivate('DQ-GA', { successorCode: 'DQ-XX' }).expect(400);
    expect(unknown.body.errors).toEqual([
      expect.objectContaining({ field: 'successorCode', code: 'agency-not-found' }),
    ]);
    const itself = await deactivate('DQ-GA', { successorCode: 'DQ-GA' }).expect(400);
    expect(itself.body.errors).toEqual([
      expect.objectContaining({ field: 'successorCode', code: 'agency-successor-invalid' }),
    ]);
    // Nothing was half-done by the refusals.
    expect((await caseView(t.app, w.tokens.parentSupervisor, open.id)).agencyCode).toBe('DQ-GA');

    await deactivate('DQ-GA', { successorCode: 'DQ-JY' }).expect(200);
    const after = await caseView(t.app, w.tokens.parentSupervisor, open.id);
    expect(after.agencyCode).toBe('DQ-JY');
    expect(after.referenceNo).toBe(before.referenceNo);
    expect(after.deadlines).toEqual(before.deadlines);
    expect(after.status).toBe(before.status);
    expect(after.timeline).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'transferred',
          reason: expect.stringContaining('大庆市教育局'),
        }),
      ]),
    );
    // The concluded case stays where it was concluded (the report counts it there).
    expect((await caseView(t.app, w.tokens.parentSupervisor, done.id)).agencyCode).toBe('DQ-GA');
    const deadlines = await t.app
      .get(DataSource)
      .query<Array<{ code: string }>>(
        `SELECT DISTINCT a.code FROM deadline d JOIN agency a ON a.id = d.agency_id WHERE d.subject_id = $1`,
        [open.id],
      );
    expect(deadlines).toEqual([{ code: 'DQ-JY' }]);
    const history = await request(t.app.getHttpServer())
      .get('/api/v1/agencies/DQ-GA/history')
      .set(admin())
      .expect(200);
    expect(history.body[history.body.length - 1]).toEqual(
      expect.objectContaining({
        action: 'deactivated',
        after: expect.objectContaining({ successorCode: 'DQ-JY', moved: { cases: 1 } }),
      }),
    );
  });
});
