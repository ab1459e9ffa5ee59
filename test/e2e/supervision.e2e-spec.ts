import request from 'supertest';
import { seedWorld, type World } from '../utils/fixtures';
import { act, intake, setToday } from '../utils/requests';
import { bootTestApp, type TestApp } from '../utils/test-app';

describe('Supervision API', () => {
  let t: TestApp;
  let w: World;
  const get = (who: keyof World['tokens'], path: string) =>
    request(t.app.getHttpServer()).get(path).set('authorization', `Bearer ${w.tokens[who]}`);

  beforeAll(async () => {
    t = await bootTestApp({
      CLOCK: 'fixed',
      CLOCK_FIXED_AT: '2026-03-02T09:00:00+08:00',
      ACCESS_TOKEN_TTL_SECONDS: '31536000',
      RATE_LIMIT_PER_MINUTE: '100000',
    });
    w = await seedWorld(t.app);
    setToday(t.app, '2026-04-01');
    // Replied on time after a consultation pause; replied late; one overdue; one due soon.
    const a = await intake(t.app, w.tokens.clerk, {
      channel: 'in_person',
      submittedAt: '2026-03-02T10:00:00+08:00',
    });
    setToday(t.app, '2026-03-04');
    const started = await act(t.app, w.tokens.clerk, a.id, 'start-consultation', {
      partyKind: 'third_party',
      partyName: '某公司',
      subject: '商业秘密',
      sentOn: '2026-03-04',
    }).expect(200);
    setToday(t.app, '2026-03-10');
    await act(t.app, w.tokens.clerk, a.id, 'close-consultation', {
      consultationId: started.body.consultations[0].id,
      partyReceivedOn: '2026-03-05',
      answeredOn: '2026-03-10',
      outcome: 'consent',
    }).expect(200);
    setToday(t.app, '2026-03-20');
    await act(t.app, w.tokens.clerk, a.id, 'reply', { replyType: 'DISCLOSED' }).expect(200);
    // Concluded (and judged on time, R-DL-04) when served: handed over the same day.
    await act(t.app, w.tokens.clerk, a.id, 'record-service', {
      method: 'in_person',
      servedOn: '2026-03-20',
    }).expect(200);
    const b = await intake(t.app, w.tokens.clerk, {
      channel: 'in_person',
      submittedAt: '2026-02-02T10:00:00+08:00',
    });
    await act(t.app, w.tokens.clerk, b.id, 'reply', { replyType: 'NOT_EXIST' }).expect(200);
    await act(t.app, w.tokens.clerk, b.id, 'record-service', {
      method: 'post',
      servedOn: '2026-03-20',
    }).expect(200);
    await intake(t.app, w.tokens.clerk, {
      channel: 'in_person',
      submittedAt: '2026-02-10T10:00:00+08:00',
    });
    await intake(t.app, w.tokens.clerk, {
      channel: 'in_person',
      submittedAt: '2026-02-27T10:00:00+08:00',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists overdue and at-risk cases of the subtree for a supervisor', async () => {
    const res = await get('parentSupervisor', '/api/v1/supervision/overdue').expect(200);
    expect(res.body.today).toBe('2026-03-20');
    expect(res.body.overdue.map((c: { replyDue: string }) => c.replyDue)).toEqual(['2026-03-16']);
    expect(res.body.atRisk.map((c: { replyDue: string }) => c.replyDue)).toEqual(['2026-03-26']);
    await get('otherClerk', '/api/v1/supervision/overdue?agencyCode=DQ-GA').expect(404);
  });

  it('computes the on-time rate and net processing days per agency and month, pauses excluded', async () => {
    const res = await get('parentSupervisor', '/api/v1/supervision/stats?year=2026').expect(200);
    // a: received 03-02, paused (03-04, 03-10], replied 03-20: 14 WD counted − 4 paused = 10.
    // b: received 02-02 (due 03-05), replied 03-20: late.
    // b: received 02-02 (due 03-05), replied 03-20: late, 30 WD (Spring Festival skipped, make-up days counted).
    expect(res.body).toEqual([
      {
        agencyCode: 'DQ-GA',
        month: '2026-03',
        replied: 2,
        onTime: 1,
        onTimeRate: 0.5,
        avgNetDays: 20,
        medianNetDays: 20,
      },
    ]);
  });
});
