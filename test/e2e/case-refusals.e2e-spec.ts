import request from 'supertest';
import { DataSource } from 'typeorm';
import { seedWorld, type Actor, type World } from '../utils/fixtures';
import { act, CONTENT, intake, setToday } from '../utils/requests';
import { bootTestApp, caseTestEnv, type TestApp } from '../utils/test-app';

type Setup = 'received' | 'submitted' | 'replied' | 'withdrawn' | 'correction' | 'fee' | 'reasons';

/**
 * Each action refused by the transition table over HTTP: a state that does not allow it answers
 * 409 (`action-not-allowed-in-state`, with the case's current state), a caller whose role may
 * not do it answers 403 — and neither changes a single row of the case.
 */
const ACTIONS: Array<{ action: string; body: object; wrongState: Setup; wrongActor: Actor }> = [
  { action: 'confirm-receipt', body: {}, wrongState: 'received', wrongActor: 'parentSupervisor' },
  {
    action: 'correct-receipt-date',
    body: { receivedOn: '2026-09-14', reason: '误录' },
    wrongState: 'replied',
    wrongActor: 'parentSupervisor',
  },
  {
    action: 'assign',
    body: { assigneeId: 'CLERK' },
    wrongState: 'replied',
    wrongActor: 'reporter',
  },
  {
    action: 'request-correction',
    body: { what: '请补充。', periodEnd: '2099-12-31' },
    wrongState: 'replied',
    wrongActor: 'parentSupervisor',
  },
  {
    action: 'record-correction',
    body: { correction: '补充如下。' },
    wrongState: 'received',
    wrongActor: 'parentSupervisor',
  },
  {
    action: 'abandon-correction',
    body: {},
    wrongState: 'received',
    wrongActor: 'parentSupervisor',
  },
  {
    action: 'start-consultation',
    body: { partyKind: 'third_party', partyName: '某公司', subject: '商业秘密' },
    wrongState: 'replied',
    wrongActor: 'parentSupervisor',
  },
  {
    action: 'close-consultation',
    body: { consultationId: '00000000-0000-4000-8000-000000000000', outcome: 'silence' },
    wrongState: 'received',
    wrongActor: 'parentSupervisor',
  },
  {
    action: 'issue-fee-notice',
    body: { method: 'per-volume', pages: 40 },
    wrongState: 'replied',
    wrongActor: 'parentSupervisor',
  },
  {
    action: 'record-fee-payment',
    body: {},
    wrongState: 'received',
    wrongActor: 'parentSupervisor',
  },
  {
    action: 'report-fee-payment',
    body: { paidOn: '2026-09-14' },
    wrongState: 'received',
    wrongActor: 'parentSupervisor',
  },
  {
    action: 'reject-fee-payment',
    body: { reason: '未到账' },
    wrongState: 'received',
    wrongActor: 'parentSupervisor',
  },
  {
    action: 'abandon-unpaid-fee',
    body: {},
    wrongState: 'received',
    wrongActor: 'parentSupervisor',
  },
  {
    action: 'request-extension',
    body: { days: 10, reason: '需要会商' },
    wrongState: 'replied',
    wrongActor: 'parentSupervisor',
  },
  {
    action: 'decide-extension',
    body: { approve: true },
    wrongState: 'replied',
    wrongActor: 'clerk',
  },
  {
    action: 'request-reasons',
    body: { why: '数量明显超过合理范围' },
    wrongState: 'replied',
    wrongActor: 'parentSupervisor',
  },
  {
    action: 'record-reasons',
    body: { reasons: '用于研究' },
    wrongState: 'received',
    wrongActor: 'parentSupervisor',
  },
  {
    action: 'record-deferral',
    body: { deferralDue: '2099-06-30', reason: '数量巨大' },
    wrongState: 'replied',
    wrongActor: 'parentSupervisor',
  },
  {
    action: 'reply',
    body: { replyType: 'DISCLOSED' },
    wrongState: 'replied',
    wrongActor: 'parentSupervisor',
  },
  {
    action: 'record-service',
    body: { method: 'email', servedOn: '2026-09-14' },
    wrongState: 'received',
    wrongActor: 'parentSupervisor',
  },
  { action: 'withdraw', body: {}, wrongState: 'replied', wrongActor: 'parentSupervisor' },
  {
    action: 'reopen',
    body: { decisionReceivedOn: '2026-09-14', reason: '复议决定责令重新答复' },
    wrongState: 'received',
    wrongActor: 'parentSupervisor',
  },
];

/** A state in which the action IS allowed (so that only the role is wrong). */
const RIGHT_STATE: Record<string, Setup> = {
  'confirm-receipt': 'submitted',
  'record-service': 'replied',
  reopen: 'replied',
  'record-correction': 'correction',
  'abandon-correction': 'correction',
  'close-consultation': 'fee',
  'record-fee-payment': 'fee',
  'report-fee-payment': 'fee',
  'reject-fee-payment': 'fee',
  'abandon-unpaid-fee': 'fee',
  'record-reasons': 'reasons',
};

describe('Refused case actions change nothing', () => {
  let t: TestApp;
  let w: World;
  const db = () => t.app.get(DataSource);

  /** Everything a case action could touch, for one case. */
  const snapshot = async (id: string) => {
    const [row] = await db().query(
      `SELECT status, version, deadlines_version, reply_due, updated_at FROM request_case WHERE id = $1`,
      [id],
    );
    const counts = await db().query(
      `SELECT (SELECT count(*) FROM case_event WHERE case_id = $1)::int AS events,
              (SELECT count(*) FROM issued_letter WHERE case_id = $1)::int AS letters,
              (SELECT count(*) FROM case_consultation WHERE case_id = $1)::int AS consultations,
              (SELECT count(*) FROM case_fee_notice WHERE case_id = $1)::int AS fees,
              (SELECT count(*) FROM case_extension WHERE case_id = $1)::int AS extensions,
              (SELECT count(*) FROM case_reply WHERE case_id = $1)::int AS replies,
              (SELECT count(*) FROM case_service WHERE case_id = $1)::int AS services,
              (SELECT coalesce(sum(version), 0)::int FROM deadline WHERE subject_id = $1) AS deadline_versions,
              (SELECT count(*) FROM mail_outbox)::int AS mails`,
      [id],
    );
    return { ...row, ...counts[0] };
  };

  const caseIn = async (state: Setup): Promise<string> => {
    if (state === 'submitted') {
      const c = await intake(t.app, w.tokens.clerk, {
        channel: 'post',
        postKind: 'ordinary',
        submittedAt: '2026-09-14T09:00:00+08:00',
      });
      return c.id;
    }
    const c = await intake(t.app, w.tokens.clerk, {
      channel: 'in_person',
      submittedAt: '2026-09-14T09:00:00+08:00',
    });
    if (state === 'replied')
      await act(t.app, w.tokens.clerk, c.id, 'reply', { replyType: 'DISCLOSED' }).expect(200);
    if (state === 'withdrawn') await act(t.app, w.tokens.clerk, c.id, 'withdraw', {}).expect(200);
    if (state === 'correction')
      await act(t.app, w.tokens.clerk, c.id, 'request-correction', {
        what: '请补充。',
        periodEnd: '2026-10-16',
      }).expect(200);
    if (state === 'fee')
      await act(t.app, w.tokens.clerk, c.id, 'issue-fee-notice', {
        method: 'per-volume',
        pages: 40,
      }).expect(200);
    if (state === 'reasons')
      await act(t.app, w.tokens.clerk, c.id, 'request-reasons', {
        why: '数量明显超过合理范围',
      }).expect(200);
    return c.id;
  };

  beforeAll(async () => {
    t = await bootTestApp({
      ...caseTestEnv('2026-09-14T10:00:00+08:00'),
    });
    w = await seedWorld(t.app);
    setToday(t.app, '2026-09-14', '10:00');
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(ACTIONS.map((a) => [a.action, a] as const))(
    '%s: a state that does not allow it answers 409 and changes no row',
    async (_n, a) => {
      const id = await caseIn(a.wrongState);
      const body = JSON.parse(JSON.stringify(a.body).replace('CLERK', w.ids.clerk)) as object;
      const before = await snapshot(id);
      const who: Actor = a.action === 'decide-extension' ? 'parentSupervisor' : 'clerk';
      const res = await act(t.app, w.tokens[who], id, a.action, body);
      expect([res.status, res.body.code]).toEqual([409, 'action-not-allowed-in-state']);
      expect(res.body.current).toEqual(
        expect.objectContaining({ status: before.status, version: before.version }),
      );
      expect(res.body.type).toMatch(/\/problems\/action-not-allowed-in-state$/);
      expect(await snapshot(id)).toEqual(before);
    },
  );

  it.each(ACTIONS.map((a) => [a.action, a] as const))(
    '%s: a role that may not do it answers 403 and changes no row',
    async (_n, a) => {
      const state: Setup = RIGHT_STATE[a.action] ?? 'received';
      const id = await caseIn(state);
      const body = JSON.parse(JSON.stringify(a.body).replace('CLERK', w.ids.clerk)) as object;
      const before = await snapshot(id);
      const res = await act(t.app, w.tokens[a.wrongActor], id, a.action, body);
      expect(res.status).toBe(403);
      expect(['actor-not-allowed', 'role-not-allowed']).toContain(res.body.code);
      expect(await snapshot(id)).toEqual(before);
    },
  );

  it('an applicant acting on a case that is not theirs gets 404, and nothing changes', async () => {
    const filed = await request(t.app.getHttpServer())
      .post('/api/v1/requests')
      .set('authorization', `Bearer ${w.tokens.applicant}`)
      .send(CONTENT);
    // The agency has no online channel in this world: a clerk's case instead.
    const id = filed.status === 201 ? (filed.body.id as string) : await caseIn('received');
    const before = await snapshot(id);
    await act(t.app, w.tokens.otherApplicant, id, 'withdraw', {}).expect(404);
    expect(await snapshot(id)).toEqual(before);
  });
});
