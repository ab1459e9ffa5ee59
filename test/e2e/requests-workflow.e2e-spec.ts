import request from 'supertest';
import { REPLY_TYPE_INFO, REPLY_TYPES } from '../../src/modules/law/domain/reply-type';
import { seedWorld, type World } from '../utils/fixtures';
import { act, intake, setToday, caseView } from '../utils/requests';
import { bootTestApp, caseTestEnv, type TestApp } from '../utils/test-app';

describe('Request workflow', () => {
  let t: TestApp;
  let w: World;
  const http = () => request(t.app.getHttpServer());
  const clerk = (id: string, action: string, body?: object) =>
    act(t.app, w.tokens.clerk, id, action, body);
  const get = (id: string) => caseView(t.app, w.tokens.clerk, id);
  const inPerson = (date: string) =>
    intake(t.app, w.tokens.clerk, { channel: 'in_person', submittedAt: `${date}T10:00:00+08:00` });

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
  });
  const fileOnline = async () =>
    (
      await http()
        .post('/api/v1/requests')
        .set('authorization', `Bearer ${w.tokens.applicant}`)
        .send({
          agencyCode: 'DQ-GA',
          title: '某文件',
          description: '某某事项的文件，具体不详。',
          form: 'paper',
          deliveryRoute: 'email',
        })
        .expect(201)
    ).body;
  afterAll(async () => {
    await t.close();
  });

  describe('correction (Art 30)', () => {
    it('restarts the reply period on the corrected application (WE-2)', async () => {
      setToday(t.app, '2025-02-10');
      const c = await inPerson('2025-01-26');
      expect(c.deadlines).toEqual(expect.objectContaining({ correctionNoticeDue: '2025-02-11' }));
      expect(c.replyDue).toBe('2025-02-28');
      const asked = await clerk(c.id, 'request-correction', {
        what: '请写明所需信息的年份。',
        periodEnd: '2025-02-25',
      }).expect(200);
      expect(asked.body).toEqual(
        expect.objectContaining({ status: 'correction_requested', replyDue: null }),
      );
      setToday(t.app, '2025-02-20');
      const corrected = await clerk(c.id, 'record-correction', {
        receivedOn: '2025-02-20',
        correction: '所需信息为2024年全年。',
      }).expect(200);
      expect(corrected.body).toEqual(
        expect.objectContaining({ status: 'received', replyDue: '2025-03-20' }),
      );
      expect(corrected.body.deadlines.anchorOn).toBe('2025-02-20');
    });

    it('lets the applicant answer the notice online', async () => {
      setToday(t.app, '2026-09-14');
      const c = await fileOnline();
      await clerk(c.id, 'request-correction', {
        what: '请写明文件名称。',
        periodEnd: '2026-09-30',
      }).expect(200);
      setToday(t.app, '2026-09-16');
      const answered = await act(t.app, w.tokens.applicant, c.id, 'record-correction', {
        correction: '文件名称为《关于某某事项的通知》。',
      }).expect(200);
      expect(answered.body).toEqual(
        expect.objectContaining({ status: 'received', receivedOn: '2026-09-14' }),
      );
      expect(answered.body.deadlines.anchorOn).toBe('2026-09-16');
      await act(t.app, w.tokens.otherApplicant, c.id, 'record-correction', {
        correction: 'x x',
      }).expect(404);
    });

    it('closes as deemed abandoned only after the correction period (（六）1)', async () => {
      setToday(t.app, '2026-03-02');
      const c = await inPerson('2026-03-02');
      await clerk(c.id, 'request-correction', { what: '请补充。', periodEnd: '2026-03-10' }).expect(
        200,
      );
      const early = await clerk(c.id, 'abandon-correction').expect(409);
      expect(early.body.current.status).toBe('correction_requested');
      setToday(t.app, '2026-03-11');
      const done = await clerk(c.id, 'abandon-correction').expect(200);
      expect(done.body).toEqual(
        expect.objectContaining({ status: 'abandoned', replyType: 'ABANDONED_NO_CORRECTION' }),
      );
    });
  });

  describe('consultation (Arts 32, 34)', () => {
    it('pauses the clock from sending to the answer (WE-5)', async () => {
      setToday(t.app, '2026-09-18');
      const c = await inPerson('2026-09-14');
      expect(c.replyDue).toBe('2026-10-16');
      const started = await clerk(c.id, 'start-consultation', {
        partyKind: 'third_party',
        partyName: '大庆某某有限公司',
        subject: '涉及商业秘密',
        sentOn: '2026-09-18',
      }).expect(200);
      expect(started.body).toEqual(
        expect.objectContaining({
          status: 'paused',
          paused: true,
          replyDue: null,
          workingDaysLeft: 16,
        }),
      );
      setToday(t.app, '2026-10-12');
      const closed = await clerk(c.id, 'close-consultation', {
        consultationId: started.body.consultations[0].id,
        partyReceivedOn: '2026-09-21',
        answeredOn: '2026-10-12',
        outcome: 'objection',
      }).expect(200);
      expect(closed.body).toEqual(
        expect.objectContaining({ status: 'in_progress', paused: false, replyDue: '2026-11-03' }),
      );
      expect(closed.body.consultations[0]).toEqual(
        expect.objectContaining({ partyDue: '2026-10-19', outcome: 'objection' }),
      );
    });

    it("ends another agency's silence at its 15-WD limit as deemed consent", async () => {
      setToday(t.app, '2026-09-18');
      const c = await inPerson('2026-09-14');
      const started = await clerk(c.id, 'start-consultation', {
        partyKind: 'other_agency',
        partyName: '大庆市教育局',
        subject: '联合制作的文件',
        sentOn: '2026-09-18',
      }).expect(200);
      const consultationId = started.body.consultations[0].id;
      setToday(t.app, '2026-10-19');
      await clerk(c.id, 'close-consultation', { consultationId, outcome: 'silence' }).expect(400);
      const early = await clerk(c.id, 'close-consultation', {
        consultationId,
        outcome: 'silence',
        partyReceivedOn: '2026-09-21',
      }).expect(409);
      expect(early.body.detail).toContain('2026-10-19');
      setToday(t.app, '2026-10-20');
      const closed = await clerk(c.id, 'close-consultation', {
        consultationId,
        outcome: 'silence',
        partyReceivedOn: '2026-09-21',
      }).expect(200);
      expect(closed.body.timeline.at(-1).payload.deemedConsent).toBe(true);
      // Pause (09-18, 10-19]: 4 WD used before, 16 left from 10-20 → 11-10.
      expect(closed.body.replyDue).toBe('2026-11-10');
    });
  });

  describe('information-processing fee (109号)', () => {
    it('charges the 13th application of the month CNY 100 and resumes the clock on payment (WE-6)', async () => {
      setToday(t.app, '2024-04-30');
      for (let day = 1; day <= 12; day++) await inPerson(`2024-04-${String(day).padStart(2, '0')}`);
      const c = await inPerson('2024-04-26');
      expect(c.replyDue).toBe('2024-05-27');
      setToday(t.app, '2024-05-10');
      const noticed = await clerk(c.id, 'issue-fee-notice', {
        method: 'per-piece',
        sentOn: '2024-05-09',
        receivedOn: '2024-05-10',
      }).expect(200);
      expect(noticed.body.feeNotice).toEqual(
        expect.objectContaining({ amountYuan: 100, quantity: 13, paymentDue: '2024-06-06' }),
      );
      expect(noticed.body.status).toBe('paused');
      await clerk(c.id, 'issue-fee-notice', { method: 'per-volume', pages: 50 }).expect(409);
      setToday(t.app, '2024-05-20');
      const paid = await act(t.app, w.tokens.clerk, c.id, 'record-fee-payment', {
        paidOn: '2024-05-20',
      }).expect(200);
      expect(paid.body).toEqual(
        expect.objectContaining({ status: 'in_progress', replyDue: '2024-06-06' }),
      );
    });

    it('refuses a fee inside the free band and computes the per-volume tariff', async () => {
      setToday(t.app, '2024-07-01');
      const c = await inPerson('2024-07-01');
      const free = await clerk(c.id, 'issue-fee-notice', { method: 'per-piece' }).expect(400);
      expect(free.body.errors[0].field).toBe('method');
      const volume = await clerk(c.id, 'issue-fee-notice', {
        method: 'per-volume',
        pages: 250,
        receivedOn: '2024-07-01',
      }).expect(200);
      expect(volume.body.feeNotice.amountYuan).toBe(4700);
    });

    it('closes as deemed abandoned when unpaid after 20 WD (（六）2)', async () => {
      setToday(t.app, '2024-05-10');
      const c = await inPerson('2024-05-06');
      await clerk(c.id, 'issue-fee-notice', {
        method: 'per-volume',
        pages: 40,
        sentOn: '2024-05-09',
        receivedOn: '2024-05-10',
      }).expect(200);
      setToday(t.app, '2024-06-06');
      await clerk(c.id, 'abandon-unpaid-fee').expect(409);
      setToday(t.app, '2024-06-07');
      const done = await clerk(c.id, 'abandon-unpaid-fee').expect(200);
      expect(done.body).toEqual(
        expect.objectContaining({ status: 'abandoned', replyType: 'ABANDONED_FEE_UNPAID' }),
      );
    });
  });

  describe('extension (Art 33, D-5)', () => {
    it('adds the approved working days to the due date (WE-3)', async () => {
      setToday(t.app, '2025-05-28');
      const c = await intake(t.app, w.tokens.clerk, {
        channel: 'post',
        postKind: 'signed',
        submittedAt: '2025-04-29T10:00:00+08:00',
        signedAt: '2025-04-30T10:00:00+08:00',
      });
      await clerk(c.id, 'request-extension', { days: 21, reason: '需要会商' }).expect(400);
      await clerk(c.id, 'request-extension', { days: 20, reason: '需要会商多个部门' }).expect(200);
      await clerk(c.id, 'request-extension', { days: 5, reason: '再次申请' }).expect(409);
      await act(t.app, w.tokens.clerk, c.id, 'decide-extension', { approve: true }).expect(403);
      const approved = await act(t.app, w.tokens.parentSupervisor, c.id, 'decide-extension', {
        approve: true,
      }).expect(200);
      expect(approved.body).toEqual(expect.objectContaining({ replyDue: '2025-07-01' }));
      expect(approved.body.deadlines.extensionDays).toBe(20);
      await clerk(c.id, 'request-extension', { days: 5, reason: '第二次' }).expect(409);
    });

    it('keeps the due date when the supervisor refuses', async () => {
      setToday(t.app, '2025-05-28');
      const c = await intake(t.app, w.tokens.clerk, {
        channel: 'in_person',
        submittedAt: '2025-04-30T10:00:00+08:00',
      });
      await clerk(c.id, 'request-extension', { days: 10, reason: '需要时间' }).expect(200);
      const refused = await act(t.app, w.tokens.parentSupervisor, c.id, 'decide-extension', {
        approve: false,
        note: '理由不足',
      }).expect(200);
      expect(refused.body.replyDue).toBe('2025-06-03');
    });

    it('is too late after the due date, for the request and for the approval', async () => {
      setToday(t.app, '2025-06-04');
      const c = await intake(t.app, w.tokens.clerk, {
        channel: 'in_person',
        submittedAt: '2025-04-30T10:00:00+08:00',
      });
      const late = await clerk(c.id, 'request-extension', { days: 10, reason: '太晚' }).expect(409);
      expect(late.body.detail).toContain('2025-06-03');
      setToday(t.app, '2025-06-03');
      const d = await intake(t.app, w.tokens.clerk, {
        channel: 'in_person',
        submittedAt: '2025-04-30T10:00:00+08:00',
      });
      await clerk(d.id, 'request-extension', { days: 10, reason: '当天申请' }).expect(200);
      setToday(t.app, '2025-06-04');
      await act(t.app, w.tokens.parentSupervisor, d.id, 'decide-extension', {
        approve: true,
      }).expect(409);
    });

    it('allows at most 15 WD under OGI-2008 (WE-7)', async () => {
      setToday(t.app, '2019-05-10');
      const c = await inPerson('2019-04-26');
      await clerk(c.id, 'request-extension', { days: 16, reason: '2008年条例' }).expect(400);
      await clerk(c.id, 'request-extension', { days: 15, reason: '2008年条例' }).expect(200);
      const ok = await act(t.app, w.tokens.parentSupervisor, c.id, 'decide-extension', {
        approve: true,
      }).expect(200);
      expect(ok.body.replyDue).toBe('2019-06-11');
    });
  });

  describe('replies (Art 36)', () => {
    const clerkTypes = REPLY_TYPES.filter((rt) => REPLY_TYPE_INFO[rt].clerkReply);

    it.each(clerkTypes)('closes the case with %s and its legal basis', async (replyType) => {
      setToday(t.app, '2026-03-02');
      const c = await inPerson('2026-03-02');
      // Each outcome's precondition (issue: the law's preconditions).
      if (replyType === 'STILL_UNCLEAR_AFTER_CORRECTION') {
        await clerk(c.id, 'request-correction', {
          what: '请写明年份。',
          periodEnd: '2026-03-16',
        }).expect(200);
        await clerk(c.id, 'record-correction', { correction: '有关年份。' }).expect(200);
      }
      if (replyType === 'UNREASONABLE_VOLUME_NOT_PROCESSED')
        await clerk(c.id, 'request-reasons', { why: '申请数量明显超过合理范围' }).expect(200);
      const extra =
        replyType === 'PARTIAL_REDACTED'
          ? {
              withheld: [
                {
                  item: '第三方联系电话',
                  reason: '个人隐私',
                  basis: '《政府信息公开条例》第十五条',
                },
              ],
            }
          : replyType === 'NOT_THIS_AGENCY'
            ? { responsibleAgency: '大庆市教育局，电话0459-0000000' }
            : replyType === 'OTHER'
              ? { text: '经与申请人沟通，已安排其到本机关查阅相关档案。' }
              : {};
      const res = await clerk(c.id, 'reply', { replyType, ...extra }).expect(200);
      expect(res.body).toEqual(expect.objectContaining({ status: 'replied', replyType }));
      expect(res.body.reply).toEqual(
        expect.objectContaining({
          type: replyType,
          basis: REPLY_TYPE_INFO[replyType].basis,
          repliedOn: '2026-03-02',
        }),
      );
    });

    it('requires the withheld list for partial disclosure and the responsible agency for 36(5)', async () => {
      setToday(t.app, '2026-03-02');
      const c = await inPerson('2026-03-02');
      expect(
        (await clerk(c.id, 'reply', { replyType: 'PARTIAL_REDACTED' }).expect(400)).body.errors[0]
          .field,
      ).toBe('withheld');
      expect(
        (await clerk(c.id, 'reply', { replyType: 'NOT_THIS_AGENCY' }).expect(400)).body.errors[0]
          .field,
      ).toBe('responsibleAgency');
      expect(
        (await clerk(c.id, 'reply', { replyType: 'WITHDRAWN' }).expect(400)).body.errors[0].field,
      ).toBe('replyType');
    });

    it('judges on-time service on the posting day (R-DEL-03)', async () => {
      setToday(t.app, '2026-03-30');
      const c = await inPerson('2026-03-02');
      expect(c.replyDue).toBe('2026-03-30');
      await clerk(c.id, 'reply', { replyType: 'DISCLOSED', repliedOn: '2026-03-30' }).expect(200);
      const served = await clerk(c.id, 'record-service', {
        method: 'post',
        servedOn: '2026-03-30',
      }).expect(200);
      expect(served.body.reply).toEqual(
        expect.objectContaining({ serviceMethod: 'post', servedOn: '2026-03-30', onTime: true }),
      );
    });
  });

  describe('withdrawal and conflicts', () => {
    it('lets the applicant withdraw; a later reply is a 409 with the current state', async () => {
      setToday(t.app, '2026-09-14');
      const target = (await fileOnline()).id as string;
      await act(t.app, w.tokens.otherApplicant, target, 'withdraw', {}).expect(404);
      const gone = await act(t.app, w.tokens.applicant, target, 'withdraw', {
        reason: '已通过其他途径获得',
      }).expect(200);
      expect(gone.body).toEqual(
        expect.objectContaining({ status: 'withdrawn', replyType: 'WITHDRAWN' }),
      );
      const after = await clerk(target, 'reply', { replyType: 'DISCLOSED' }).expect(409);
      expect(after.body.current).toEqual(expect.objectContaining({ status: 'withdrawn' }));
    });

    it('lets exactly one of two simultaneous replies win; the other gets 409', async () => {
      setToday(t.app, '2026-09-14');
      const c = await inPerson('2026-09-14');
      const [a, b] = await Promise.all([
        clerk(c.id, 'reply', { replyType: 'DISCLOSED' }),
        clerk(c.id, 'reply', { replyType: 'NOT_EXIST' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      expect(loser.body.current.status).toBe('replied');
      const events = (await get(c.id)).timeline.filter(
        (e: { action: string }) => e.action === 'reply',
      );
      expect(events).toHaveLength(1);
    });

    it('refuses a stale If-Match version with 409', async () => {
      setToday(t.app, '2026-09-14');
      const c = await inPerson('2026-09-14');
      const res = await http()
        .post(`/api/v1/requests/${c.id}/reply`)
        .set('authorization', `Bearer ${w.tokens.clerk}`)
        .set('if-match', String((c.version as number) + 5))
        .send({ replyType: 'DISCLOSED' })
        .expect(409);
      expect(res.body.current.version).toBe(c.version);
      await http()
        .post(`/api/v1/requests/${c.id}/reply`)
        .set('authorization', `Bearer ${w.tokens.clerk}`)
        .set('if-match', String(c.version))
        .send({ replyType: 'DISCLOSED' })
        .expect(200);
    });

    it('assigns to a clerk of the agency, which starts processing', async () => {
      setToday(t.app, '2026-09-14');
      const c = await inPerson('2026-09-14');
      await clerk(c.id, 'assign', { assigneeId: w.ids.otherClerk }).expect(400);
      const assigned = await clerk(c.id, 'assign', { assigneeId: w.ids.clerk }).expect(200);
      expect(assigned.body).toEqual(
        expect.objectContaining({ status: 'in_progress', assigneeId: w.ids.clerk }),
      );
    });
  });
});
