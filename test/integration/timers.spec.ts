import request from 'supertest';
import { DataSource } from 'typeorm';
import { DeadlineReconciler } from '../../src/modules/timers/deadline-reconciler.service';
import { SupervisorDigestService } from '../../src/modules/timers/supervisor-digest.service';
import { CalendarOverridesService } from '../../src/modules/calendar/calendar-overrides.service';
import { seedWorld, WORLD, type World } from '../utils/fixtures';
import { act, intake, setToday } from '../utils/requests';
import { SmtpReceiver } from '../utils/smtp-receiver';
import { settle } from '../utils/timers';
import { bootTestApp, type TestApp } from '../utils/test-app';
import { deleteRedisPrefix } from '../utils/test-services';

describe('deadline timers', () => {
  let smtp: SmtpReceiver;
  let t: TestApp;
  let w: World;
  const db = () => t.app.get(DataSource);
  const at = async (date: string, time = '09:30') => {
    setToday(t.app, date, time);
    await settle(t.app);
  };
  const mailsTo = (email: string) => smtp.to(email).map((m) => m.subject ?? '');
  /** Reply-deadline mails about one case (correction-notice reminders are left out). */
  const replyMails = (email: string, ref: unknown) =>
    mailsTo(email).filter((s) => s.includes(String(ref)) && !s.startsWith('补正'));
  const status = async (id: string) =>
    (
      await request(t.app.getHttpServer())
        .get(`/api/v1/requests/${id}`)
        .set('authorization', `Bearer ${w.tokens.clerk}`)
        .expect(200)
    ).body;
  const effects = async (caseId: string) =>
    (
      await db().query<Array<{ effect: string }>>(
        `SELECT effect FROM deadline_effect WHERE subject_type = 'case' AND subject_id = $1 ORDER BY at, effect`,
        [caseId],
      )
    ).map((r) => r.effect);

  beforeAll(async () => {
    smtp = await new SmtpReceiver().start();
    t = await bootTestApp({
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: smtp.url,
      CLOCK: 'fixed',
      CLOCK_FIXED_AT: '2026-09-14T09:00:00+08:00',
      ACCESS_TOKEN_TTL_SECONDS: '31536000',
      RATE_LIMIT_PER_MINUTE: '100000',
      REMINDER_WORKING_DAYS: '5,2',
    });
    w = await seedWorld(t.app);
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });
  beforeEach(() => {
    smtp.messages.length = 0;
  });

  it('reminds the clerk 5 and 2 working days before, on the day, then escalates to supervisors — across National Day', async () => {
    setToday(t.app, '2026-09-14', '09:00');
    const c = await intake(t.app, w.tokens.clerk, {
      channel: 'in_person',
      submittedAt: '2026-09-14T09:00:00+08:00',
    });
    await act(t.app, w.tokens.clerk, c.id, 'assign', { assigneeId: w.ids.clerk }).expect(200);
    expect(c.replyDue).toBe('2026-10-16');
    await at('2026-10-09', '18:00');
    expect(replyMails(WORLD.staff.clerk.email, c.referenceNo)).toEqual([]);
    // 5 WD before Fri 10-16 is the make-up working Saturday 10-10.
    await at('2026-10-10');
    expect(replyMails(WORLD.staff.clerk.email, c.referenceNo)).toEqual([
      expect.stringMatching(/^答复期限提醒：.*还有5个工作日/),
    ]);
    await at('2026-10-14');
    await at('2026-10-16');
    await at('2026-10-17');
    expect(replyMails(WORLD.staff.clerk.email, c.referenceNo)).toEqual([
      expect.stringContaining('还有5个工作日'),
      expect.stringContaining('还有2个工作日'),
      expect.stringMatching(/^答复期限今日到期/),
    ]);
    expect(mailsTo(WORLD.staff.parentSupervisor.email)).toEqual([]);
    // Escalation on the next working day (Mon 10-19), to the supervisor of the parent agency.
    await at('2026-10-19');
    expect(mailsTo(WORLD.staff.parentSupervisor.email)).toEqual([
      expect.stringMatching(/^逾期督办：.*已超过答复期限/),
    ]);
    expect(await effects(c.id)).toEqual(
      expect.arrayContaining(['remind-5', 'remind-2', 'remind-0', 'escalate']),
    );
    await at('2026-10-20');
    expect(mailsTo(WORLD.staff.parentSupervisor.email)).toHaveLength(1);
  });

  it('abandons a case automatically the day after the correction period (（六）1)', async () => {
    setToday(t.app, '2026-09-21', '10:00');
    const c = await intake(t.app, w.tokens.clerk, {
      channel: 'in_person',
      submittedAt: '2026-09-21T09:00:00+08:00',
    });
    await act(t.app, w.tokens.clerk, c.id, 'request-correction', {
      what: '请补充。',
      periodEnd: '2026-09-30',
    }).expect(200);
    await at('2026-09-30', '23:59');
    expect((await status(c.id)).status).toBe('correction_requested');
    await at('2026-10-01', '00:10');
    const after = await status(c.id);
    expect(after.status).toBe('abandoned');
    expect(after.replyType).toBe('ABANDONED_NO_CORRECTION');
    expect(
      after.timeline.find((e: { action: string }) => e.action === 'abandon_correction'),
    ).toEqual(expect.objectContaining({ actorRole: 'system' }));
  });

  it('re-arms after an extension; the stale wake-up does nothing', async () => {
    setToday(t.app, '2025-05-20', '10:00');
    const c = await intake(t.app, w.tokens.clerk, {
      channel: 'post',
      postKind: 'signed',
      submittedAt: '2025-04-29T10:00:00+08:00',
      signedAt: '2025-04-30T10:00:00+08:00',
    });
    await act(t.app, w.tokens.clerk, c.id, 'assign', { assigneeId: w.ids.clerk }).expect(200);
    await act(t.app, w.tokens.clerk, c.id, 'request-extension', {
      days: 20,
      reason: '需要会商',
    }).expect(200);
    const approved = await act(t.app, w.tokens.parentSupervisor, c.id, 'decide-extension', {
      approve: true,
    }).expect(200);
    expect(approved.body.replyDue).toBe('2025-07-01');
    const [{ version }] = await db().query(
      `SELECT version FROM deadline WHERE subject_type = 'case' AND subject_id = $1 AND kind = 'reply'`,
      [c.id],
    );
    expect(version).toBe(2);
    // The old date (06-03) passes: nothing is sent for it.
    await at('2025-06-04');
    expect(replyMails(WORLD.staff.clerk.email, c.referenceNo)).toEqual([]);
    expect(replyMails(WORLD.staff.parentSupervisor.email, c.referenceNo)).toEqual([]);
    await at('2025-07-01');
    expect(replyMails(WORLD.staff.clerk.email, c.referenceNo)).toEqual([
      expect.stringContaining('今日到期'),
    ]);
  });

  it('loses nothing and doubles nothing when Redis is wiped and the reconcile runs', async () => {
    setToday(t.app, '2026-03-02', '10:00');
    const c = await intake(t.app, w.tokens.clerk, {
      channel: 'in_person',
      submittedAt: '2026-03-02T09:00:00+08:00',
    });
    await act(t.app, w.tokens.clerk, c.id, 'assign', { assigneeId: w.ids.clerk }).expect(200);
    await deleteRedisPrefix(t.config.redis.queuePrefix);
    setToday(t.app, '2026-03-30', '10:00'); // the due date itself: remind-5, remind-2 and remind-0 are all past
    const { rearmed } = await t.app.get(DeadlineReconciler).reconcile();
    expect(rearmed).toBeGreaterThan(0);
    await settle(t.app);
    // Redis intact now: the reconcile only looks at deadlines never armed, and finds none.
    expect((await t.app.get(DeadlineReconciler).reconcile()).rearmed).toBe(0);
    await settle(t.app);
    // Three reminders were due at once: only the latest is sent, the others are recorded as superseded.
    expect(replyMails(WORLD.staff.clerk.email, c.referenceNo)).toEqual([
      expect.stringContaining('今日到期'),
    ]);
    expect(await effects(c.id)).toEqual(
      expect.arrayContaining(['remind-5', 'remind-2', 'remind-0']),
    );
  });

  it('resumes the clock when a consulted agency stays silent past its 15 WD (Art 34 deemed consent)', async () => {
    setToday(t.app, '2026-09-18', '10:00');
    const c = await intake(t.app, w.tokens.clerk, {
      channel: 'in_person',
      submittedAt: '2026-09-14T09:00:00+08:00',
    });
    const started = await act(t.app, w.tokens.clerk, c.id, 'start-consultation', {
      partyKind: 'other_agency',
      partyName: '大庆市教育局',
      subject: '联合制作',
      sentOn: '2026-09-18',
    }).expect(200);
    setToday(t.app, '2026-09-21', '10:00');
    const consultationId = started.body.consultations[0].id;
    // Record the party's receipt: its own limit is 15 WD later (10-19).
    await db().query(
      `UPDATE case_consultation SET party_received_on = '2026-09-21', party_due = '2026-10-19' WHERE id = $1`,
      [consultationId],
    );
    await act(t.app, w.tokens.clerk, c.id, 'assign', { assigneeId: w.ids.clerk }).expect(200);
    await at('2026-10-19', '23:00');
    expect((await status(c.id)).status).toBe('paused');
    await at('2026-10-20', '00:10');
    const after = await status(c.id);
    expect(after.status).toBe('in_progress');
    expect(after.replyDue).toBe('2026-11-10');
    expect(
      after.timeline.find(
        (e: { action: string; actorRole: string }) => e.action === 'close_consultation',
      ),
    ).toEqual(
      expect.objectContaining({
        actorRole: 'system',
        payload: expect.objectContaining({ deemedConsent: true }),
      }),
    );
  });

  it('recomputes open cases when the calendar changes and records each moved due date', async () => {
    setToday(t.app, '2026-11-02', '10:00');
    const c = await intake(t.app, w.tokens.clerk, {
      channel: 'in_person',
      submittedAt: '2026-11-02T09:00:00+08:00',
    });
    expect(c.replyDue).toBe('2026-11-30');
    // A national correction closes Wed 2026-11-11: the 20th working day moves to 12-01.
    await t.app.get(CalendarOverridesService).add(null, {
      date: '2026-11-11',
      kind: 'CLOSED',
      scope: 'NATIONAL_CORRECTION',
      basis: '测试：国务院办公厅更正通知',
    });
    await settle(t.app);
    const after = await status(c.id);
    expect(after.replyDue).toBe('2026-12-01');
    expect(after.deadlines.version).toBeGreaterThan((c.deadlines as { version: number }).version);
    const moved = after.timeline.find(
      (e: { action: string }) => e.action === 'deadlines_recomputed',
    );
    expect(moved.payload.before.replyDue).toBe('2026-11-30');
    expect(moved.payload.after.replyDue).toBe('2026-12-01');
    const [{ due_on }] = await db().query(
      `SELECT due_on::text FROM deadline WHERE subject_type = 'case' AND subject_id = $1 AND kind = 'reply'`,
      [c.id],
    );
    expect(due_on).toBe('2026-12-01');
    // Re-armed for the new date: nothing on the old due date, the due-day reminder on the new one.
    const dueToday = () =>
      replyMails(WORLD.staff.clerk.email, c.referenceNo).filter((m) => m.includes('今日到期'));
    await at('2026-11-30', '10:00');
    expect(dueToday()).toEqual([]);
    await at('2026-12-01', '10:00');
    expect(dueToday()).toHaveLength(1);
  });

  it('alerts the clerks when an online submission is still unconfirmed at the end of the next working day (D-2)', async () => {
    await request(t.app.getHttpServer())
      .patch('/api/v1/agencies/DQ-JY')
      .set('authorization', `Bearer ${w.tokens.rootAdmin}`)
      .send({ channels: ['online'], onlineConfirmation: 'manual' })
      .expect(200);
    setToday(t.app, '2026-09-19', '22:00'); // Saturday; the next working day is the make-up Sunday 09-20
    const filed = await request(t.app.getHttpServer())
      .post('/api/v1/requests')
      .set('authorization', `Bearer ${w.tokens.applicant}`)
      .send({
        agencyCode: 'DQ-JY',
        title: '学校招生计划',
        description: '申请公开2026年招生计划。',
        form: 'electronic',
        deliveryRoute: 'portal',
      })
      .expect(201);
    expect(filed.body.status).toBe('submitted');
    await at('2026-09-20', '17:00');
    expect(
      mailsTo(WORLD.staff.otherClerk.email).filter((s) => s.startsWith('网上申请待确认')),
    ).toEqual([]);
    await at('2026-09-20', '17:35');
    expect(
      mailsTo(WORLD.staff.otherClerk.email).filter((s) => s.startsWith('网上申请待确认')),
    ).toEqual([expect.stringContaining(filed.body.referenceNo as string)]);
    // Confirming ends the deadline.
    await act(t.app, w.tokens.otherClerk, filed.body.id as string, 'confirm-receipt').expect(200);
    const [{ status: dl }] = await db().query(
      `SELECT status FROM deadline WHERE subject_type = 'case' AND subject_id = $1 AND kind = 'receipt_confirmation'`,
      [filed.body.id],
    );
    expect(dl).toBe('resolved');
  });

  it('sends each supervisor one daily digest of overdue cases and a weekly summary', async () => {
    setToday(t.app, '2026-12-01', '09:00');
    const digests = t.app.get(SupervisorDigestService);
    expect(await digests.daily()).toBeGreaterThan(0);
    expect(await digests.daily()).toBe(0); // once per supervisor and day
    await settle(t.app);
    const digest = smtp
      .to(WORLD.staff.parentSupervisor.email)
      .find((m) => m.subject?.startsWith('逾期申请日报（2026-12-01）'));
    expect(digest?.text).toMatch(/DQ-GA-2026-\d{6}/);
    expect(await digests.weekly()).toBeGreaterThan(0);
    await settle(t.app);
    expect(
      smtp
        .to(WORLD.staff.parentSupervisor.email)
        .some((m) => m.subject?.startsWith('政府信息公开申请周报')),
    ).toBe(true);
  });

  it('abandons a case whose fee stays unpaid 20 WD after the notice (（六）2)', async () => {
    setToday(t.app, '2024-05-10', '10:00');
    const c = await intake(t.app, w.tokens.clerk, {
      channel: 'in_person',
      submittedAt: '2024-05-06T09:00:00+08:00',
    });
    await act(t.app, w.tokens.clerk, c.id, 'issue-fee-notice', {
      method: 'per-volume',
      pages: 40,
      sentOn: '2024-05-09',
      receivedOn: '2024-05-10',
    }).expect(200);
    await at('2024-06-06', '20:00');
    expect((await status(c.id)).status).toBe('paused');
    await at('2024-06-07', '00:10');
    const after = await status(c.id);
    expect(after).toEqual(
      expect.objectContaining({ status: 'abandoned', replyType: 'ABANDONED_FEE_UNPAID' }),
    );
  });

  it('moves the D-2 confirmation alert of a submitted online request when the calendar changes', async () => {
    await request(t.app.getHttpServer())
      .patch('/api/v1/agencies/DQ-JY')
      .set('authorization', `Bearer ${w.tokens.rootAdmin}`)
      .send({ channels: ['online'], onlineConfirmation: 'manual' })
      .expect(200);
    setToday(t.app, '2025-11-14', '22:00'); // Friday night: the next working day is Mon 11-17
    const filed = await request(t.app.getHttpServer())
      .post('/api/v1/requests')
      .set('authorization', `Bearer ${w.tokens.applicant}`)
      .send({
        agencyCode: 'DQ-JY',
        title: '校车线路',
        description: '申请公开2025年校车线路。',
        form: 'electronic',
        deliveryRoute: 'portal',
      })
      .expect(201);
    const ref = filed.body.referenceNo as string;
    const confirmDue = async () =>
      (
        await db().query<Array<{ due_on: string }>>(
          `SELECT due_on::text FROM deadline WHERE subject_type = 'case' AND subject_id = $1 AND kind = 'receipt_confirmation'`,
          [filed.body.id],
        )
      )[0].due_on;
    expect(await confirmDue()).toBe('2025-11-17');
    await t.app.get(CalendarOverridesService).add(null, {
      date: '2025-11-17',
      kind: 'CLOSED',
      scope: 'NATIONAL_CORRECTION',
      basis: '测试：国务院办公厅更正通知',
    });
    await settle(t.app);
    expect(await confirmDue()).toBe('2025-11-18');
    const alerts = () =>
      mailsTo(WORLD.staff.otherClerk.email).filter(
        (m) => m.startsWith('网上申请待确认') && m.includes(ref),
      );
    await at('2025-11-17', '17:35');
    expect(alerts()).toEqual([]);
    await at('2025-11-18', '17:35');
    expect(alerts()).toHaveLength(1);
  });
});
