import request from 'supertest';
import { nationalCalendar } from '../../src/modules/calendar/domain/national-calendar';
import { DataSource } from 'typeorm';
import { withResidentIdCheck } from '../../src/modules/accounts/domain/identity';
import { seedWorld, WORLD, type World } from '../utils/fixtures';
import { act, APPLICANT, intake, setToday, caseView } from '../utils/requests';
import { bootTestApp, caseTestEnv, type TestApp } from '../utils/test-app';

/**
 * The law's preconditions (DOMAIN §1.4–1.11, D-4, D-5, D-8, D-19): each test is named after the
 * rule it guards, and reproduces a defect found in the user trial.
 */
describe("the law's preconditions", () => {
  let t: TestApp;
  let w: World;
  const http = () => request(t.app.getHttpServer());
  const clerk = (id: string, action: string, body?: object) =>
    act(t.app, w.tokens.clerk, id, action, body);
  const get = (id: string) => caseView(t.app, w.tokens.clerk, id);
  const fieldCodes = (body: { errors?: Array<{ field: string; code: string }> }) =>
    (body.errors ?? []).map((e) => `${e.field}:${e.code}`);
  const staffIntake = (fields: Record<string, unknown>) =>
    http()
      .post('/api/v1/requests/intake')
      .set('authorization', `Bearer ${w.tokens.clerk}`)
      .send({
        agencyCode: 'DQ-GA',
        title: '2025年大庆市道路交通事故统计数据',
        description: '申请公开2025年全市道路交通事故起数。',
        form: 'paper',
        deliveryRoute: 'pickup',
        applicant: APPLICANT,
        channel: 'in_person',
        ...fields,
      });

  beforeAll(async () => {
    t = await bootTestApp({
      ...caseTestEnv('2026-09-14T09:00:00+08:00'),
    });
    w = await seedWorld(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('Receipt, submission, signing and confirmation instants', () => {
    it('are not in the future, not before 2008-05-01; an instant without an offset is read as Asia/Shanghai (R-WD-06)', async () => {
      setToday(t.app, '2026-09-14');
      const future = await staffIntake({ submittedAt: '2026-09-15T09:00:00+08:00' }).expect(400);
      expect(fieldCodes(future.body)).toContain('submittedAt:date-in-future');
      const old = await staffIntake({ submittedAt: '1900-01-02T09:00:00+08:00' }).expect(400);
      expect(fieldCodes(old.body)).toContain('submittedAt:date-before-ogi');
      const lateSign = await staffIntake({
        channel: 'post',
        postKind: 'signed',
        submittedAt: '2026-09-10T09:00:00+08:00',
        signedAt: '2026-09-20T09:00:00+08:00',
      }).expect(400);
      expect(fieldCodes(lateSign.body)).toContain('signedAt:date-in-future');
      const early = await staffIntake({ submittedAt: '2008-04-30T23:59:00+08:00' }).expect(400);
      expect(fieldCodes(early.body)).toContain('submittedAt:date-before-ogi');
      await staffIntake({ submittedAt: '2008-05-01T00:00:00+08:00' }).expect(201);

      // Friday 19:00 at the counter, typed without an offset: Friday, not Saturday (UTC).
      const friday = await staffIntake({ submittedAt: '2026-09-11T19:00:00' }).expect(201);
      expect(friday.body.receivedOn).toBe('2026-09-11');
    });

    it('confirming an ordinary letter in the future is refused', async () => {
      setToday(t.app, '2026-09-14');
      const c = await intake(t.app, w.tokens.clerk, {
        channel: 'post',
        postKind: 'ordinary',
        submittedAt: '2026-09-14T08:00:00+08:00',
      });
      const res = await clerk(c.id, 'confirm-receipt', {
        confirmedAt: '2026-09-15T09:00:00',
      }).expect(400);
      expect(fieldCodes(res.body)).toContain('confirmedAt:date-in-future');
    });
  });

  describe('A wrong receipt date is corrected by the clerk with a reason', () => {
    it('recomputes the dates, keeps the letters already issued, issues a corrected receipt and records the old and new dates', async () => {
      setToday(t.app, '2026-09-14');
      // Signed for on Thursday, entered by mistake as Friday.
      const c = await intake(t.app, w.tokens.clerk, {
        channel: 'post',
        postKind: 'signed',
        submittedAt: '2026-09-09T09:00:00+08:00',
        signedAt: '2026-09-11T09:00:00+08:00',
      });
      expect(c.receivedOn).toBe('2026-09-11');
      const due0 = c.replyDue as string;
      const letters0 = (
        await http()
          .get(`/api/v1/requests/${c.id}/letters`)
          .set('authorization', `Bearer ${w.tokens.clerk}`)
          .expect(200)
      ).body as Array<{ id: string; title: string }>;
      expect(letters0).toHaveLength(1);
      const first = await http()
        .get(`/api/v1/requests/${c.id}/letters/${letters0[0].id}`)
        .set('authorization', `Bearer ${w.tokens.clerk}`)
        .expect(200);

      for (const [receivedOn, code] of [
        ['2026-09-15', 'date-in-future'],
        ['2026-09-08', 'date-before-submission'],
        ['2026-09-11', 'receipt-date-unchanged'],
      ]) {
        const bad = await clerk(c.id, 'correct-receipt-date', { receivedOn, reason: '误录' });
        expect(bad.status).toBe(400);
        expect(fieldCodes(bad.body)).toContain(`receivedOn:${code}`);
      }
      const noReason = await clerk(c.id, 'correct-receipt-date', { receivedOn: '2026-09-10' });
      expect(noReason.status).toBe(400);

      await clerk(c.id, 'correct-receipt-date', {
        receivedOn: '2026-09-10',
        reason: '登记时误录签收日期，以邮件签收单为准。',
      }).expect(200);
      const fixed = await get(c.id);
      expect(fixed.receivedOn).toBe('2026-09-10');
      expect(fixed.replyDue < due0).toBe(true);
      const event = fixed.timeline.find(
        (e: { action: string }) => e.action === 'correct_receipt_date',
      );
      expect(event).toEqual(
        expect.objectContaining({
          reason: '登记时误录签收日期，以邮件签收单为准。',
          payload: expect.objectContaining({ from: '2026-09-11', to: '2026-09-10' }),
        }),
      );
      const letters = (
        await http()
          .get(`/api/v1/requests/${c.id}/letters`)
          .set('authorization', `Bearer ${w.tokens.clerk}`)
          .expect(200)
      ).body as Array<{ id: string; title: string }>;
      expect(letters.map((l) => l.title)).toEqual(
        expect.arrayContaining(['政府信息公开申请登记回执', '政府信息公开申请登记回执（更正）']),
      );
      // The first receipt is served exactly as issued.
      const again = await http()
        .get(`/api/v1/requests/${c.id}/letters/${letters0[0].id}`)
        .set('authorization', `Bearer ${w.tokens.clerk}`)
        .expect(200);
      expect(again.text).toBe(first.text);
      const corrected = letters.find((l) => l.title.endsWith('（更正）'))!;
      const html = (
        await http()
          .get(`/api/v1/requests/${c.id}/letters/${corrected.id}`)
          .set('authorization', `Bearer ${w.tokens.clerk}`)
          .expect(200)
      ).text;
      expect(html).toContain('2026年9月11日）有误');
      expect(html).toContain('本机关收到您申请之日为2026年9月10日');
    });

    it('refuses a date after a step already taken on the case', async () => {
      setToday(t.app, '2026-09-14');
      const c = await intake(t.app, w.tokens.clerk, {
        channel: 'in_person',
        submittedAt: '2026-09-10T09:00:00+08:00',
      });
      setToday(t.app, '2026-09-11');
      await clerk(c.id, 'request-correction', {
        what: '请写明年份。',
        periodEnd: '2026-09-30',
      }).expect(200);
      setToday(t.app, '2026-09-14');
      const after = await clerk(c.id, 'correct-receipt-date', {
        receivedOn: '2026-09-14',
        reason: '误录',
      }).expect(400);
      expect(fieldCodes(after.body)).toContain('receivedOn:receipt-after-step');
    });
  });

  describe('Correction period between 5 and 30 WD, an Art 35 deferral at most 12 months after receipt', () => {
    it('refuses a period under 5 or over 30 working days, and a deferral beyond 12 months', async () => {
      setToday(t.app, '2026-09-14');
      const c = await intake(t.app, w.tokens.clerk, {
        channel: 'in_person',
        submittedAt: '2026-09-14T09:00:00+08:00',
      });
      // Mon 14 Sep + 4 WD = Fri 18 Sep; + 5 WD = Mon 21 Sep.
      const short = await clerk(c.id, 'request-correction', {
        what: '请写明年份。',
        periodEnd: '2026-09-18',
      }).expect(400);
      expect(fieldCodes(short.body)).toContain('periodEnd:correction-period-out-of-range');
      expect(short.body.errors[0].message).toMatch(/5.*30/);
      const long = await clerk(c.id, 'request-correction', {
        what: '请写明年份。',
        periodEnd: '2026-12-31',
      }).expect(400);
      expect(fieldCodes(long.body)).toContain('periodEnd:correction-period-out-of-range');
      await clerk(c.id, 'request-correction', {
        what: '请写明年份。',
        periodEnd: '2026-09-21',
      }).expect(200);

      const d = await intake(t.app, w.tokens.clerk, {
        channel: 'in_person',
        submittedAt: '2026-09-14T09:00:00+08:00',
      });
      await clerk(d.id, 'request-reasons', { why: '申请数量明显超过合理范围' }).expect(200);
      await clerk(d.id, 'record-reasons', { reasons: '用于学术研究' }).expect(200);
      const far = await clerk(d.id, 'record-deferral', {
        deferralDue: '2027-09-15',
        reason: '数量巨大',
      }).expect(400);
      expect(fieldCodes(far.body)).toContain('deferralDue:deferral-too-far');
      await clerk(d.id, 'record-deferral', {
        deferralDue: '2027-09-14',
        reason: '数量巨大',
      }).expect(200);
    });
  });

  describe('A late correction notice is allowed and flagged; after the due date the case counts as late everywhere', () => {
    it('keeps a case whose correction notice came after its due date overdue, marked late, and never on time', async () => {
      setToday(t.app, '2026-09-14');
      const c = await intake(t.app, w.tokens.clerk, {
        channel: 'in_person',
        submittedAt: '2026-09-14T09:00:00+08:00',
        title: '迟发补正通知的申请',
      });
      const due = c.replyDue as string;
      // Six weeks on, the clerk finally asks for a correction: allowed, flagged, and late.
      setToday(t.app, '2026-10-30');
      expect(due < '2026-10-30').toBe(true);
      await clerk(c.id, 'request-correction', {
        what: '请写明所需文件的名称。',
        periodEnd: '2026-11-13',
      }).expect(200);
      const asked = await get(c.id);
      expect(asked.late).toEqual(
        expect.objectContaining({ since: due, reason: 'correction-after-due' }),
      );
      expect(asked.overdue).toBe(true);
      const event = asked.timeline.find(
        (e: { action: string }) => e.action === 'request_correction',
      );
      expect(event.payload).toEqual(expect.objectContaining({ late: true, lateSince: due }));

      // The corrected application restarts the clock — the case stays late everywhere.
      setToday(t.app, '2026-11-02');
      await clerk(c.id, 'record-correction', { correction: '文件名称为……' }).expect(200);
      const restarted = await get(c.id);
      expect(restarted.replyDue > '2026-11-02').toBe(true);
      expect(restarted.overdue).toBe(true);
      const list = await http()
        .get('/api/v1/requests?overdue=true&pageSize=200')
        .set('authorization', `Bearer ${w.tokens.clerk}`)
        .expect(200);
      const row = list.body.items.find((i: { id: string }) => i.id === c.id);
      expect(row?.late?.message).toContain(`答复期限已于${due}届满后才发出补正通知`);
      const board = await http()
        .get('/api/v1/supervision/overdue?agencyCode=DQ-GA')
        .set('authorization', `Bearer ${w.tokens.parentSupervisor}`)
        .expect(200);
      expect(board.body.overdue.map((v: { id: string }) => v.id)).toContain(c.id);

      // Replied well within the restarted period: still not on time.
      setToday(t.app, '2026-11-04');
      await clerk(c.id, 'reply', { replyType: 'DISCLOSED' }).expect(200);
      await clerk(c.id, 'record-service', { method: 'in_person', servedOn: '2026-11-04' }).expect(
        200,
      );
      const done = await get(c.id);
      expect(done.conclusion).toEqual(expect.objectContaining({ onTime: false }));
      const stats = await http()
        .get('/api/v1/supervision/stats?year=2026&agencyCode=DQ-GA')
        .set('authorization', `Bearer ${w.tokens.parentSupervisor}`)
        .expect(200);
      const nov = stats.body.find((s: { month: string }) => s.month === '2026-11');
      expect(nov.onTime).toBeLessThan(nov.replied);
    });

    it('a correction notice after 7 WD but before the due date is flagged, not late', async () => {
      setToday(t.app, '2026-09-14');
      const c = await intake(t.app, w.tokens.clerk, {
        channel: 'in_person',
        submittedAt: '2026-09-14T09:00:00+08:00',
      });
      setToday(t.app, '2026-09-25');
      await clerk(c.id, 'request-correction', {
        what: '请写明所需文件的名称。',
        periodEnd: '2026-10-16',
      }).expect(200);
      const asked = await get(c.id);
      expect(asked.late).toBeNull();
      const event = asked.timeline.find(
        (e: { action: string }) => e.action === 'request_correction',
      );
      expect(event.payload).toEqual(expect.objectContaining({ late: true, lateSince: null }));
    });

    it('a late Art 35 deferral is refused, and the clock keeps running while reasons are awaited (D-19)', async () => {
      setToday(t.app, '2026-09-14');
      const c = await intake(t.app, w.tokens.clerk, {
        channel: 'in_person',
        submittedAt: '2026-09-14T09:00:00+08:00',
      });
      const due = c.replyDue as string;
      await clerk(c.id, 'request-reasons', { why: '申请数量明显超过合理范围' }).expect(200);
      expect((await get(c.id)).replyDue).toBe(due);
      setToday(t.app, '2026-11-20');
      await clerk(c.id, 'record-reasons', { reasons: '用于学术研究' }).expect(200);
      const late = await clerk(c.id, 'record-deferral', {
        deferralDue: '2027-03-01',
        reason: '数量巨大',
      });
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('deferral-too-late');
      const after = await get(c.id);
      expect(after.replyDue).toBe(due);
      expect(after.overdue).toBe(true);
    });
  });

  describe('Each outcome needs what the law presupposes', () => {
    const letter = async (id: string) =>
      (
        await http()
          .get(`/api/v1/requests/${id}/letters/reply`)
          .set('authorization', `Bearer ${w.tokens.clerk}`)
          .expect(200)
      ).text;
    const fresh = (date = '2026-09-14', applicant: object = APPLICANT) =>
      intake(t.app, w.tokens.clerk, {
        channel: 'in_person',
        submittedAt: `${date}T09:00:00+08:00`,
        applicant,
      });

    it('REPEAT_NOT_REPROCESSED needs an earlier replied case of the same applicant and agency, cited by reference number and reply date', async () => {
      setToday(t.app, '2026-09-14');
      const first = await fresh();
      const again = await fresh();
      const none = await clerk(again.id, 'reply', { replyType: 'REPEAT_NOT_REPROCESSED' }).expect(
        400,
      );
      expect(fieldCodes(none.body)).toContain('previousReferenceNo:repeat-needs-earlier-reply');
      // Named but not yet replied: still refused.
      const unreplied = await clerk(again.id, 'reply', {
        replyType: 'REPEAT_NOT_REPROCESSED',
        previousReferenceNo: first.referenceNo,
      }).expect(400);
      expect(fieldCodes(unreplied.body)).toContain(
        'previousReferenceNo:repeat-needs-earlier-reply',
      );
      await clerk(first.id, 'reply', { replyType: 'DISCLOSED', repliedOn: '2026-09-14' }).expect(
        200,
      );
      // Another applicant's replied case is not "the same applicant".
      const stranger = await fresh('2026-09-14', {
        ...APPLICANT,
        name: WORLD.applicants.otherApplicant.name,
        idNumber: WORLD.applicants.otherApplicant.idNumber,
      });
      const foreign = await clerk(stranger.id, 'reply', {
        replyType: 'REPEAT_NOT_REPROCESSED',
        previousReferenceNo: first.referenceNo,
      }).expect(400);
      expect(fieldCodes(foreign.body)).toContain('previousReferenceNo:repeat-needs-earlier-reply');

      await clerk(again.id, 'reply', {
        replyType: 'REPEAT_NOT_REPROCESSED',
        previousReferenceNo: first.referenceNo,
      }).expect(200);
      const html = await letter(again.id);
      expect(html).toContain(`申请编号：${String(first.referenceNo)}`);
      expect(html).toContain('于2026年9月14日就您申请公开的相同政府信息');
    });

    it('STILL_UNCLEAR_AFTER_CORRECTION needs a recorded correction; UNREASONABLE_VOLUME_NOT_PROCESSED needs the Art 35 reasons step', async () => {
      setToday(t.app, '2026-09-14');
      const c = await fresh();
      const unclear = await clerk(c.id, 'reply', {
        replyType: 'STILL_UNCLEAR_AFTER_CORRECTION',
      }).expect(400);
      expect(fieldCodes(unclear.body)).toContain('replyType:still-unclear-needs-correction');
      await clerk(c.id, 'request-correction', {
        what: '请写明所需文件的名称。',
        periodEnd: '2026-09-30',
      }).expect(200);
      await clerk(c.id, 'record-correction', { correction: '仍然是“有关文件”。' }).expect(200);
      await clerk(c.id, 'reply', { replyType: 'STILL_UNCLEAR_AFTER_CORRECTION' }).expect(200);

      const v = await fresh();
      const volume = await clerk(v.id, 'reply', {
        replyType: 'UNREASONABLE_VOLUME_NOT_PROCESSED',
        text: '申请数量明显超过合理范围',
      }).expect(400);
      expect(fieldCodes(volume.body)).toContain('replyType:volume-needs-reasons-step');
      await clerk(v.id, 'request-reasons', { why: '申请数量明显超过合理范围' }).expect(200);
      await clerk(v.id, 'reply', {
        replyType: 'UNREASONABLE_VOLUME_NOT_PROCESSED',
        text: '未说明合理理由',
      }).expect(200);
    });

    it('OGI-2019-only outcomes and exemptions are refused on OGI-2008 cases, whose reply cites the 2007 articles', async () => {
      setToday(t.app, '2019-04-12');
      const c = await fresh('2019-04-10');
      expect(c.regime).toBe('OGI-2008');
      for (const replyType of [
        'WITHHELD_PROCESS_INFO',
        'REPEAT_NOT_REPROCESSED',
        'NEEDS_CREATION',
      ]) {
        const res = await clerk(c.id, 'reply', { replyType }).expect(400);
        expect(fieldCodes(res.body)).toContain('replyType:reply-type-not-in-ogi-2008');
      }
      await clerk(c.id, 'reply', { replyType: 'NOT_EXIST', text: '经检索未找到' }).expect(200);
      const html = await letter(c.id);
      expect(html).toContain('第二十一条第（三）项');
      expect(html).not.toContain('第三十六条');
      expect((await get(c.id)).reply.basis).toContain('第二十一条第（三）项');
    });

    it('a fee notice for an application received before 2021-01-01 is refused (D-8)', async () => {
      setToday(t.app, '2020-12-30');
      const c = await fresh('2020-12-30');
      const res = await clerk(c.id, 'issue-fee-notice', {
        method: 'per-volume',
        pages: 400,
      }).expect(400);
      expect(fieldCodes(res.body)).toContain('regime:fee-not-in-regime');
    });
  });

  describe('Fee payment: the applicant reports it, the clerk confirms or rejects it with a reason', () => {
    const cal = nationalCalendar();
    const applicant = (id: string, action: string, body?: object) =>
      act(t.app, w.tokens.applicant, id, action, body);
    /** An online request by the applicant with a fee notice received the same day. */
    const withFee = async (day: string) => {
      setToday(t.app, day);
      const filed = await http()
        .post('/api/v1/requests')
        .set('authorization', `Bearer ${w.tokens.applicant}`)
        .send({
          agencyCode: 'DQ-GA',
          title: '某局2025年度全部发文',
          description: '申请公开某局2025年度全部发文目录及正文。',
          form: 'paper',
          deliveryRoute: 'email',
        })
        .expect(201);
      const due0 = (await get(filed.body.id)).replyDue as string;
      await clerk(filed.body.id, 'issue-fee-notice', {
        method: 'per-volume',
        pages: 400,
        receivedOn: day,
      }).expect(200);
      return { id: filed.body.id as string, due0 };
    };

    beforeAll(async () => {
      await http()
        .patch('/api/v1/agencies/DQ-GA')
        .set('authorization', `Bearer ${w.tokens.rootAdmin}`)
        .send({ channels: ['online'] })
        .expect(200);
    });

    it('the pause ends on the payment day the clerk confirms, however late; a reported payment stops automatic abandonment until the clerk decides', async () => {
      const { id, due0 } = await withFee('2026-09-14');
      // Applicants cannot mark their own fee paid.
      const self = await applicant(id, 'record-fee-payment', { paidOn: '2026-09-15' });
      expect([403, 404]).toContain(self.status);
      expect((await get(id)).feeNotice.paidOn).toBeNull();
      // No payment day before the notice.
      setToday(t.app, '2026-09-16');
      const before = await applicant(id, 'report-fee-payment', { paidOn: '2026-09-11' }).expect(
        400,
      );
      expect(fieldCodes(before.body)).toContain('paidOn:payment-before-notice');
      await applicant(id, 'report-fee-payment', { paidOn: '2026-09-15', note: '银行转账' }).expect(
        200,
      );
      const reported = await get(id);
      expect(reported.status).toBe('paused');
      expect(reported.feeNotice).toEqual(
        expect.objectContaining({ reportedPaidOn: '2026-09-15', paidOn: null }),
      );
      // Past the payment window: the reported payment holds off the abandonment.
      const paymentDue = reported.feeNotice.paymentDue as string;
      setToday(t.app, cal.addWorkingDays(paymentDue, 3).due!);
      const abandon = await clerk(id, 'abandon-unpaid-fee');
      expect(abandon.status).toBe(409);
      expect(abandon.body.code).toBe('payment-reported-awaiting-decision');
      // Confirmed weeks later: the pause still ends on the payment day.
      await clerk(id, 'record-fee-payment', {}).expect(200);
      const paid = await get(id);
      expect(paid.status).not.toBe('paused');
      expect(paid.feeNotice.paidOn).toBe('2026-09-15');
      expect(paid.replyDue).toBe(cal.addWorkingDays(due0, 1).due);
    });

    it('a rejection restores the original payment deadline, and past it the case is abandoned at once with its letter (R-FEE-05)', async () => {
      const within = await withFee('2026-09-14');
      setToday(t.app, '2026-09-16');
      await applicant(within.id, 'report-fee-payment', { paidOn: '2026-09-16' }).expect(200);
      const noReason = await clerk(within.id, 'reject-fee-payment', {}).expect(400);
      expect(fieldCodes(noReason.body).some((c) => c.startsWith('reason:'))).toBe(true);
      await clerk(within.id, 'reject-fee-payment', { reason: '未查询到该笔款项' }).expect(200);
      const rejected = await get(within.id);
      expect(rejected.status).toBe('paused');
      expect(rejected.feeNotice).toEqual(
        expect.objectContaining({
          reportedOn: null,
          rejectionReason: '未查询到该笔款项',
          paidOn: null,
        }),
      );
      // The original deadline stands: after it, the abandonment goes ahead.
      setToday(t.app, cal.addWorkingDays(rejected.feeNotice.paymentDue, 1).due!);
      await clerk(within.id, 'abandon-unpaid-fee').expect(200);

      const late = await withFee('2026-09-14');
      setToday(t.app, '2026-09-18');
      await applicant(late.id, 'report-fee-payment', { paidOn: '2026-09-18' }).expect(200);
      const due = (await get(late.id)).feeNotice.paymentDue as string;
      setToday(t.app, cal.addWorkingDays(due, 2).due!);
      await clerk(late.id, 'reject-fee-payment', { reason: '款项金额不符' }).expect(200);
      const closed = await get(late.id);
      expect(closed.status).toBe('abandoned');
      expect(closed.replyType).toBe('ABANDONED_FEE_UNPAID');
      const html = await http()
        .get(`/api/v1/requests/${late.id}/letters/reply`)
        .set('authorization', `Bearer ${w.tokens.clerk}`)
        .expect(200);
      expect(html.text).toContain('政府信息公开申请终止办理告知书');
      expect(html.text).toContain('逾期未');
    });
  });

  describe('Identity documents beyond the resident ID and USCC; oral filing; contact details fit the delivery route', () => {
    const person = (idType: string, idNumber: string, extra: object = {}) =>
      staffIntake({
        submittedAt: '2026-09-14T09:00:00+08:00',
        applicant: { ...APPLICANT, idType, idNumber, ...extra },
      });

    it('takes a passport, permits and residence cards that fit the category, and "the same applicant" follows (type, number)', async () => {
      setToday(t.app, '2026-09-14');
      for (const [idType, idNumber] of [
        ['passport', 'E12345678'],
        ['hk_macau_permit', 'H12345678'],
        ['taiwan_permit', '12345678'],
        ['foreign_permanent', 'USA123456789012'],
      ]) {
        const res = await person(idType, idNumber);
        expect(res.status).toBe(201);
      }
      const hmt = await person('hmt_residence', withResidentIdCheck('81000019900101123'));
      expect(hmt.status).toBe(201);
      // A residence card carries the GB 11643 check character: a wrong one is refused.
      const wrong = await person('hmt_residence', '810000199001011231');
      expect(fieldCodes(wrong.body)).toContain('applicant.idNumber:id-checksum');
      // A passport for an enterprise, a USCC for a person: the document must fit the category.
      const biz = await person('passport', 'E12345678', { category: 'biz', name: '某公司' });
      expect(fieldCodes(biz.body)).toContain('applicant.idType:id-type-not-for-category');
      const np = await person('uscc', '91230600MA1234567X');
      expect(fieldCodes(np.body)).toContain('applicant.idType:id-type-not-for-category');
      const bad = await person('hk_macau_permit', 'X1234');
      expect(fieldCodes(bad.body)).toContain('applicant.idNumber:id-format');

      // The same digits on a passport and a Taiwan permit are two applicants (D-8's count).
      const a = await person('passport', '88888888');
      const b = await person('taiwan_permit', '88888888');
      const c2 = await person('passport', '88888888');
      const db = t.app.get(DataSource);
      const rows = await db.query(
        `SELECT id, applicant_id_index AS idx FROM request_case WHERE id = ANY($1)`,
        [[a.body.id, b.body.id, c2.body.id]],
      );
      const idx = Object.fromEntries(rows.map((r: { id: string; idx: string }) => [r.id, r.idx]));
      expect(idx[a.body.id]).toBe(idx[c2.body.id]);
      expect(idx[a.body.id]).not.toBe(idx[b.body.id]);
    });

    it('an oral filing records why writing is difficult and that the applicant confirmed the form (Art 29)', async () => {
      setToday(t.app, '2026-09-14');
      await http()
        .patch('/api/v1/agencies/DQ-GA')
        .set('authorization', `Bearer ${w.tokens.rootAdmin}`)
        .send({ channels: ['online', 'oral'] })
        .expect(200);
      const missing = await staffIntake({
        channel: 'oral',
        submittedAt: '2026-09-14T09:00:00+08:00',
      }).expect(400);
      expect(fieldCodes(missing.body)).toContain('oral.writingDifficulty:oral-reason-required');
      const unconfirmed = await staffIntake({
        channel: 'oral',
        submittedAt: '2026-09-14T09:00:00+08:00',
        oral: { writingDifficulty: '申请人视力不佳，书写困难。', confirmedByApplicant: false },
      }).expect(400);
      expect(fieldCodes(unconfirmed.body)).toContain(
        'oral.confirmedByApplicant:oral-form-not-confirmed',
      );
      const ok = await staffIntake({
        channel: 'oral',
        submittedAt: '2026-09-14T09:00:00+08:00',
        oral: { writingDifficulty: '申请人视力不佳，书写困难。', confirmedByApplicant: true },
      }).expect(201);
      const detail = await get(ok.body.id);
      expect(detail.oral).toEqual(
        expect.objectContaining({ writingDifficulty: '申请人视力不佳，书写困难。' }),
      );
      expect(detail.oral.confirmedAt).toBeTruthy();
    });

    it('contact details must fit the delivery route', async () => {
      setToday(t.app, '2026-09-14');
      const { email: _e, postcode: _p, phone: _ph, ...bare } = APPLICANT;
      const cases: Array<[string, string]> = [
        ['email', 'applicant.email:contact-required-for-route'],
        ['post', 'applicant.postcode:contact-required-for-route'],
        ['pickup', 'applicant.phone:contact-required-for-route'],
        ['portal', 'deliveryRoute:portal-needs-account'],
      ];
      for (const [deliveryRoute, code] of cases) {
        const res = await staffIntake({
          submittedAt: '2026-09-14T09:00:00+08:00',
          deliveryRoute,
          applicant: bare,
        }).expect(400);
        expect(fieldCodes(res.body)).toContain(code);
      }
      await staffIntake({
        submittedAt: '2026-09-14T09:00:00+08:00',
        deliveryRoute: 'post',
        applicant: APPLICANT,
      }).expect(201);
    });
  });

  describe('the local limits come from the configuration (D-19)', () => {
    let local: TestApp;
    let lw: World;
    beforeAll(async () => {
      local = await bootTestApp({
        ...caseTestEnv('2026-09-14T09:00:00+08:00'),
        CORRECTION_PERIOD_MAX_WD: '10',
        DEFERRAL_MAX_MONTHS: '6',
      });
      lw = await seedWorld(local.app);
    });
    afterAll(async () => {
      await local.close();
    });

    it('refuses a correction period and a deferral the defaults would allow', async () => {
      const c = await intake(local.app, lw.tokens.clerk, {
        channel: 'in_person',
        submittedAt: '2026-09-14T09:00:00+08:00',
      });
      const long = await act(local.app, lw.tokens.clerk, c.id, 'request-correction', {
        what: '请写明年份。',
        periodEnd: '2026-10-30',
      }).expect(400);
      expect(long.body.errors[0].message).toMatch(/5至10个工作日/);
      const d = await intake(local.app, lw.tokens.clerk, {
        channel: 'in_person',
        submittedAt: '2026-09-14T09:00:00+08:00',
      });
      await act(local.app, lw.tokens.clerk, d.id, 'request-reasons', {
        why: '申请数量明显超过合理范围',
      }).expect(200);
      await act(local.app, lw.tokens.clerk, d.id, 'record-reasons', {
        reasons: '用于学术研究',
      }).expect(200);
      const far = await act(local.app, lw.tokens.clerk, d.id, 'record-deferral', {
        deferralDue: '2027-04-01',
        reason: '数量巨大',
      }).expect(400);
      expect(fieldCodes(far.body)).toContain('deferralDue:deferral-too-far');
    });
  });
});
