import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { nationalCalendar } from '../../src/modules/calendar/domain/national-calendar';
import { seedWorld, type World } from '../utils/fixtures';
import { act, intake, setToday } from '../utils/requests';
import { bootTestApp, caseTestEnv, type TestApp } from '../utils/test-app';

const cal = nationalCalendar();

describe('Case lifecycle: conclusion, reopening, tracking, imported cases', () => {
  let t: TestApp;
  let w: World;
  const http = () => request(t.app.getHttpServer());
  const detail = async (id: string) =>
    (
      await http()
        .get(`/api/v1/requests/${id}`)
        .set('authorization', `Bearer ${w.tokens.clerk}`)
        .expect(200)
    ).body;

  beforeAll(async () => {
    t = await bootTestApp({
      ...caseTestEnv('2026-09-14T09:00:00+08:00'),
    });
    w = await seedWorld(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  it('concludes on service (post: the posting day), judges on time against the due date, and records the delivery day apart', async () => {
    setToday(t.app, '2026-09-14');
    const c = await intake(t.app, w.tokens.clerk, {
      channel: 'in_person',
      submittedAt: '2026-09-14T09:00:00+08:00',
    });
    setToday(t.app, '2026-10-16');
    await act(t.app, w.tokens.clerk, c.id, 'reply', {
      replyType: 'NOT_EXIST',
      text: '经检索未找到',
    }).expect(200);
    expect((await detail(c.id)).conclusion).toBeNull();
    setToday(t.app, '2026-10-20');
    // Posted on the due date, delivered four days later: on time (R-DEL-03, R-DL-04).
    await act(t.app, w.tokens.clerk, c.id, 'record-service', {
      method: 'post',
      servedOn: '2026-10-16',
      deliveredOn: '2026-10-20',
      trackingNo: 'EMS1234567890CN',
    }).expect(200);
    const d = await detail(c.id);
    expect(d.conclusion).toEqual({ concludedOn: '2026-10-16', type: 'NOT_EXIST', onTime: true });
    expect(d.reply).toEqual(
      expect.objectContaining({ servedOn: '2026-10-16', deliveredOn: '2026-10-20' }),
    );
    expect(d.services).toEqual([
      expect.objectContaining({
        method: 'post',
        servedOn: '2026-10-16',
        deliveredOn: '2026-10-20',
        trackingNo: 'EMS1234567890CN',
      }),
    ]);
    expect(d.replies).toEqual([
      expect.objectContaining({
        round: 1,
        type: 'NOT_EXIST',
        repliedOn: '2026-10-16',
        dueOn: '2026-10-16',
      }),
    ]);
  });

  it('reopens a concluded case with the regime period from the decision, keeps the first conclusion, and adds round 2 (D-17, D-18)', async () => {
    setToday(t.app, '2026-09-14');
    const c = await intake(t.app, w.tokens.clerk, {
      channel: 'in_person',
      submittedAt: '2026-09-14T09:00:00+08:00',
    });
    await act(t.app, w.tokens.clerk, c.id, 'request-extension', {
      days: 5,
      reason: '需要会商',
    }).expect(200);
    await act(t.app, w.tokens.parentSupervisor, c.id, 'decide-extension', { approve: true }).expect(
      200,
    );
    await act(t.app, w.tokens.clerk, c.id, 'reply', {
      replyType: 'WITHHELD_PROCESS_INFO',
      text: '过程性信息',
    }).expect(200);
    await act(t.app, w.tokens.clerk, c.id, 'record-service', {
      method: 'in_person',
      servedOn: '2026-09-14',
    }).expect(200);
    setToday(t.app, '2026-11-20');
    const reopened = await act(t.app, w.tokens.clerk, c.id, 'reopen', {
      decisionReceivedOn: '2026-11-19',
      reason: '行政复议决定责令重新答复',
    }).expect(200);
    expect(reopened.body.status).toBe('in_progress');
    // 20 WD from the day the decision was received, no correction stage, extension allowed again.
    expect(reopened.body.replyDue).toBe(cal.addWorkingDays('2026-11-19', 20).due);
    expect(reopened.body.deadlines.correctionNoticeDue).toBeNull();
    expect(reopened.body.conclusion).toEqual({
      concludedOn: '2026-09-14',
      type: 'WITHHELD_PROCESS_INFO',
      onTime: true,
    });
    await act(t.app, w.tokens.clerk, c.id, 'request-extension', {
      days: 10,
      reason: '需要会商',
    }).expect(200);
    await act(t.app, w.tokens.clerk, c.id, 'reply', {
      replyType: 'DISCLOSED',
      text: '予以公开',
    }).expect(200);
    await act(t.app, w.tokens.clerk, c.id, 'record-service', {
      method: 'in_person',
      servedOn: '2026-11-20',
    }).expect(200);
    const d = await detail(c.id);
    expect(d.replies.map((r: { round: number; type: string }) => [r.round, r.type])).toEqual([
      [1, 'WITHHELD_PROCESS_INFO'],
      [2, 'DISCLOSED'],
    ]);
    // The report still counts the case by its first conclusion.
    expect(d.conclusion).toEqual({
      concludedOn: '2026-09-14',
      type: 'WITHHELD_PROCESS_INFO',
      onTime: true,
    });
    expect(d.letters.filter((l: { kind: string }) => l.kind === 'reply')).toHaveLength(2);
  });

  it('takes an ordered due date when the decision sets one', async () => {
    setToday(t.app, '2026-09-14');
    const c = await intake(t.app, w.tokens.clerk, {
      channel: 'in_person',
      submittedAt: '2026-09-14T09:00:00+08:00',
    });
    await act(t.app, w.tokens.clerk, c.id, 'withdraw', { reason: '不需要了' }).expect(200);
    setToday(t.app, '2026-11-02');
    const bad = await act(t.app, w.tokens.clerk, c.id, 'reopen', {
      decisionReceivedOn: '2026-11-02',
      orderedDue: '2026-11-02',
      reason: '判决',
    }).expect(400);
    expect(bad.body.errors).toEqual([
      expect.objectContaining({ field: 'orderedDue', code: 'reopen-due-not-after-decision' }),
    ]);
    const ok = await act(t.app, w.tokens.clerk, c.id, 'reopen', {
      decisionReceivedOn: '2026-11-02',
      orderedDue: '2026-11-30',
      reason: '判决',
    }).expect(200);
    expect(ok.body.replyDue).toBe('2026-11-30');
  });

  it('lets anyone with the reference number and tracking code follow the case, and nobody without them', async () => {
    setToday(t.app, '2026-09-14');
    const filed = await http()
      .post('/api/v1/requests/intake')
      .set('authorization', `Bearer ${w.tokens.clerk}`)
      .send({
        agencyCode: 'DQ-GA',
        title: '某统计数据',
        description: '申请公开某统计数据的全文。',
        form: 'paper',
        deliveryRoute: 'post',
        channel: 'in_person',
        submittedAt: '2026-09-14T09:00:00+08:00',
        applicant: {
          category: 'np',
          name: '王五',
          idNumber: '11010519491231002X',
          address: '黑龙江省大庆市萨尔图区中央大街1号',
          postcode: '163311',
        },
      })
      .expect(201);
    const code = filed.body.trackingCode as string;
    const seen = await http()
      .post('/api/v1/track')
      .send({
        referenceNo: filed.body.referenceNo,
        trackingCode: code.toLowerCase().replace(/-/g, ''),
      })
      .expect(200);
    expect(seen.body).toEqual(
      expect.objectContaining({
        referenceNo: filed.body.referenceNo,
        status: 'received',
        replyDue: '2026-10-16',
      }),
    );
    expect(JSON.stringify(seen.body)).not.toContain('王五');
    expect(seen.body.letters).toEqual([
      expect.objectContaining({ title: '政府信息公开申请登记回执' }),
    ]);
    const wrong = await http()
      .post('/api/v1/track')
      .send({ referenceNo: filed.body.referenceNo, trackingCode: '0000-0000-00000' })
      .expect(404);
    expect(wrong.body.code).toBe('tracking-code-mismatch');
    // Guessing is throttled: 10 lookups a minute per address.
    let last = 0;
    for (let i = 0; i < 10; i++)
      last = (
        await http()
          .post('/api/v1/track')
          .send({ referenceNo: filed.body.referenceNo, trackingCode: code })
      ).status;
    expect(last).toBe(429);
  });

  it('keeps imported historical cases off the overdue board, the overdue list and the timers', async () => {
    setToday(t.app, '2026-09-14');
    const db = t.app.get(DataSource);
    const [{ id: agencyId }] = await db.query(`SELECT id FROM agency WHERE code = 'DQ-GA'`);
    const id = randomUUID();
    await db.query(
      `INSERT INTO request_case (year, id, agency_id, reference_no, seq, applicant_category, applicant_name, channel, submitted_at, received_on, regime, title, description, form, delivery_route, status, reply_due, source, version)
       VALUES (2020, $1, $2, 'DQ-GA-2020-IMP001', 1, 'np', '历史申请人', 'post', '2020-03-02T02:00:00Z', '2020-03-02', 'OGI-2019', '历史申请', '导入的历史申请', 'paper', 'post', 'in_progress', '2020-03-30', 'import', 1)`,
      [id, agencyId],
    );
    const overdueList = await http()
      .get('/api/v1/requests?overdue=true')
      .set('authorization', `Bearer ${w.tokens.clerk}`)
      .expect(200);
    expect(overdueList.body.items.map((c: { id: string }) => c.id)).not.toContain(id);
    const board = await http()
      .get('/api/v1/supervision/overdue')
      .set('authorization', `Bearer ${w.tokens.parentSupervisor}`)
      .expect(200);
    expect(board.body.overdue.map((c: { id: string }) => c.id)).not.toContain(id);
    const all = await http()
      .get('/api/v1/requests?agencyCode=DQ-GA&pageSize=500')
      .set('authorization', `Bearer ${w.tokens.clerk}`)
      .expect(200);
    expect(all.body.items.find((c: { id: string }) => c.id === id)).toEqual(
      expect.objectContaining({ source: 'import', overdue: false }),
    );
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM deadline WHERE subject_id = $1`,
      [id],
    );
    expect(n).toBe(0);
  });
});
