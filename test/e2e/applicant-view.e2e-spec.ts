import request from 'supertest';
import { seedWorld, WORLD, type World } from '../utils/fixtures';
import { act, CONTENT, setToday } from '../utils/requests';
import { bootTestApp, caseTestEnv, type TestApp } from '../utils/test-app';

const PARTY = { name: '王五贸易有限公司', address: '黑龙江省大庆市龙凤区卧里屯路88号' };
const NOTE = '承办科室人手不足不是延长理由，不予批准。';

describe("The applicant's view never shows third parties, internal approvals, supervisors' notes or staff ids", () => {
  let t: TestApp;
  let w: World;
  let id: string;
  const http = () => request(t.app.getHttpServer());
  const detail = async (token: string) =>
    JSON.stringify(
      (
        await http()
          .get(`/api/v1/requests/${id}`)
          .set('authorization', `Bearer ${token}`)
          .expect(200)
      ).body,
    );

  beforeAll(async () => {
    t = await bootTestApp({
      ...caseTestEnv('2026-09-14T09:00:00+08:00'),
    });
    w = await seedWorld(t.app);
    await http()
      .patch('/api/v1/agencies/DQ-GA')
      .set('authorization', `Bearer ${w.tokens.rootAdmin}`)
      .send({ channels: ['online'] })
      .expect(200);
    setToday(t.app, '2026-09-14');
    const filed = await http()
      .post('/api/v1/requests')
      .set('authorization', `Bearer ${w.tokens.applicant}`)
      .send(CONTENT)
      .expect(201);
    id = filed.body.id as string;
    await act(t.app, w.tokens.clerk, id, 'assign', { assigneeId: w.ids.clerk }).expect(200);
    await act(t.app, w.tokens.clerk, id, 'request-extension', {
      days: 10,
      reason: '需要会商',
    }).expect(200);
    await act(t.app, w.tokens.parentSupervisor, id, 'decide-extension', {
      approve: false,
      note: NOTE,
    }).expect(200);
    await act(t.app, w.tokens.clerk, id, 'start-consultation', {
      partyKind: 'third_party',
      partyName: PARTY.name,
      partyAddress: PARTY.address,
      subject: '商业秘密',
    }).expect(200);
  });
  afterAll(async () => {
    await t.close();
  });

  const staffIds = () =>
    (Object.keys(WORLD.staff) as Array<keyof typeof WORLD.staff>).map((k) => w.ids[k]);

  it("shows the applicant only that a consultation is under way, without the party, the refused extension, the supervisor's note or any staff id", async () => {
    const json = await detail(w.tokens.applicant);
    expect(json).toContain('正在征求第三方意见');
    expect(json).not.toContain(PARTY.name);
    expect(json).not.toContain(PARTY.address);
    expect(json).not.toContain(NOTE);
    expect(json).not.toContain('decide_extension');
    expect(json).not.toContain('request_extension');
    for (const staffId of staffIds()) expect(json).not.toContain(staffId);
    const list = await http()
      .get('/api/v1/requests')
      .set('authorization', `Bearer ${w.tokens.applicant}`)
      .expect(200);
    for (const staffId of staffIds()) expect(JSON.stringify(list.body)).not.toContain(staffId);
  });

  it('shows the clerk everything: the party, its address, the note and who handles the case', async () => {
    const json = await detail(w.tokens.clerk);
    expect(json).toContain(PARTY.name);
    expect(json).toContain(PARTY.address);
    expect(json).toContain(NOTE);
    expect(json).toContain(w.ids.clerk);
    expect(json).toContain(w.ids.parentSupervisor);
  });
});
