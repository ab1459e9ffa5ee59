import request from 'supertest';
import { AccountsService } from '../../src/modules/accounts/accounts.service';
import { AgenciesService } from '../../src/modules/agencies/agencies.service';
import { CalendarOverridesService } from '../../src/modules/calendar/calendar-overrides.service';
import { addDays } from '../../src/modules/calendar/domain/local-date';
import type { Actor, World } from './fixtures';
import type { TestApp } from './test-app';

/**
 * The authorization matrix: every route × every kind of caller, with the status each must
 * get. Targets belong to the clerk's agency DQ-GA (so: same agency = clerk, other agency =
 * otherClerk/otherAdmin, parent agency = parentSupervisor) or to `applicant` (own) versus
 * `otherApplicant`. The route list comes from the app itself: a new route without a row here
 * fails the first test.
 */
export type Caller = Actor | 'anonymous';
export const CALLERS: Caller[] = [
  'anonymous',
  'applicant',
  'otherApplicant',
  'clerk',
  'otherClerk',
  'parentSupervisor',
  'reporter',
  'otherAdmin',
  'rootAdmin',
];

export interface Call {
  path: string;
  body?: object;
  /** Sign in afresh for this call (routes that end the session). */
  freshSession?: boolean;
  /** Send a small PDF as multipart `file` (with kind=reply_document). */
  upload?: boolean;
}
export interface Row {
  call: (ctx: Ctx, caller: Caller) => Promise<Call> | Call;
  expect: Partial<Record<Caller, number>> & { default: number };
}
export interface Ctx {
  t: TestApp;
  world: World;
  seq: () => number;
}

const allPublic = (status: number): Row['expect'] => ({ default: status });
const signedIn = (status: number): Row['expect'] => ({ default: status, anonymous: 401 });
const staffRead = {
  default: 403,
  anonymous: 401,
  clerk: 200,
  otherClerk: 200,
  parentSupervisor: 200,
  reporter: 200,
  otherAdmin: 200,
  rootAdmin: 200,
};
const inReach = (ok: number): Row['expect'] => ({
  default: 403,
  anonymous: 401,
  clerk: ok,
  otherClerk: 404,
  parentSupervisor: ok,
  reporter: ok,
  otherAdmin: 404,
  rootAdmin: ok,
});
const adminOnly = (ok: number): Row['expect'] => ({
  default: 403,
  anonymous: 401,
  otherAdmin: 404,
  rootAdmin: ok,
});
const usersRead = (ok: number): Row['expect'] => ({
  default: 403,
  anonymous: 401,
  parentSupervisor: ok,
  otherAdmin: 404,
  rootAdmin: ok,
});

const CONTENT = {
  agencyCode: 'DQ-GA',
  title: '某某统计数据',
  description: '申请公开某某统计数据的全文。',
  form: 'electronic',
  deliveryRoute: 'email',
};
export const as = (ctx: Ctx, who: Actor, method: 'get' | 'post', path: string, body?: object) =>
  request(ctx.t.app.getHttpServer())
    [method](path)
    .set('authorization', `Bearer ${ctx.world.tokens[who]}`)
    .set('x-forwarded-for', `10.8.0.${ctx.seq() % 250}`)
    .send(body);
/** A fresh case of `applicant` at DQ-GA (received), optionally moved on by the clerk first. */
export const newCase = async (
  ctx: Ctx,
  ...steps: Array<[string, object | ((id: string, body: Record<string, unknown>) => object)]>
) => {
  const filed = await as(ctx, 'applicant', 'post', '/api/v1/requests', CONTENT);
  if (filed.status !== 201) throw new Error(`filing failed ${filed.status}`);
  let body = filed.body as Record<string, unknown>;
  const id = body.id as string;
  for (const [action, payload] of steps) {
    const who: Actor = action === 'decide-extension' ? 'parentSupervisor' : 'clerk';
    const res = await as(
      ctx,
      who,
      'post',
      `/api/v1/requests/${id}/${action}`,
      typeof payload === 'function' ? payload(id, body) : payload,
    );
    if (res.status !== 200)
      throw new Error(`${action} failed ${res.status} ${JSON.stringify(res.body)}`);
    body = res.body as Record<string, unknown>;
  }
  return { id, body };
};
/** The letter page of a fresh case's receipt (`/my/requests/<ref>/letters/<id>`). */
const letterPage = async (ctx: Ctx): Promise<string> => {
  const { id, body } = await newCase(ctx);
  const list = await as(ctx, 'applicant', 'get', `/api/v1/requests/${id}/letters`);
  const letters = list.body as Array<{ id: string }>;
  return `/my/requests/${String(body.referenceNo)}/letters/${letters[0].id}`;
};
const path = (id: string, action: string) => `/api/v1/requests/${id}/${action}`;
/** A fresh case with a fee notice the applicant received today, moved on by `then` if given. */
const feeCase = (ctx: Ctx, ...then: Parameters<typeof newCase>[1][]) =>
  newCase(
    ctx,
    ['issue-fee-notice', { method: 'per-volume', pages: 40, receivedOn: today() }],
    ...then,
  );
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
/** A correction period within the 5–30 WD bounds: three weeks on. */
const inThreeWeeks = () =>
  new Date(Date.now() + 8 * 3600_000 + 21 * 86_400_000).toISOString().slice(0, 10);
/**
 * DQ-GA's report of `year` brought to `status` whatever it was (each workflow row has its own
 * year): review by the supervisor, publish and correct by the reporting officer.
 */
async function reportAt(ctx: Ctx, year: number, status: 'draft' | 'reviewed' | 'published') {
  const key = { year, agencyCode: 'DQ-GA' };
  const http = () => request(ctx.t.app.getHttpServer());
  const as = (who: 'parentSupervisor' | 'reporter') => `Bearer ${ctx.world.tokens[who]}`;
  const step = (action: string, who: 'parentSupervisor' | 'reporter', body: object = key) =>
    http()
      .post(`/api/v1/reports/annual/${action}`)
      .set('authorization', as(who))
      .send(body)
      .expect(200);
  const now = async () =>
    (
      await http()
        .get(`/api/v1/reports/annual/publication?year=${year}&agencyCode=DQ-GA`)
        .set('authorization', as('reporter'))
        .expect(200)
    ).body as { status: string; id: string };
  for (let i = 0; i < 4; i++) {
    const s = (await now()).status;
    if (s === status) break;
    if (s === 'draft') await step('review', 'parentSupervisor');
    else if (s === 'reviewed')
      await (status === 'draft' ? step('reopen', 'parentSupervisor') : step('publish', 'reporter'));
    else await step('correction', 'reporter', { ...key, note: '更正' });
  }
  return { key, id: (await now()).id };
}

const handle = (ok: number): Row['expect'] => ({
  default: 403,
  anonymous: 401,
  clerk: ok,
  otherClerk: 404,
});
const selfOrHandle = (ok: number): Row['expect'] => ({
  default: 404,
  anonymous: 401,
  applicant: ok,
  clerk: ok,
  parentSupervisor: 403,
  reporter: 403,
});

/** Staff reading cases of DQ-GA (cases.read): 404 for another agency, 403 without the permission. */
const caseRead = (ok: number): Row['expect'] => ({
  default: 403,
  anonymous: 401,
  clerk: ok,
  parentSupervisor: ok,
  reporter: ok,
  otherClerk: 404,
});
/** The reporting officer's pages of DQ-GA: supervisors and reporting officers (reports.read). */
const reportPages: Row['expect'] = {
  default: 403,
  anonymous: 303,
  parentSupervisor: 200,
  reporter: 200,
};
/** A fresh remedy on a fresh DQ-GA case, moved on by the clerk first. */
export const newRemedy = async (
  ctx: Ctx,
  kind: string,
  ...steps: Array<[string, object]>
): Promise<string> => {
  const c = await newCase(ctx);
  const res = await as(ctx, 'clerk', 'post', `/api/v1/requests/${c.id}/remedies`, {
    kind,
    appliedOn: today(),
  });
  if (res.status !== 201)
    throw new Error(`remedy failed ${res.status} ${JSON.stringify(res.body)}`);
  const id = (res.body as { id: string }).id;
  for (const [action, body] of steps) {
    const r = await as(ctx, 'clerk', 'post', `/api/v1/remedies/${id}/${action}`, body);
    if (r.status !== 200) throw new Error(`${action} failed ${r.status} ${JSON.stringify(r.body)}`);
  }
  return id;
};
const remedyAction = (
  kind: string,
  action: string,
  body: (day: string) => object,
  ...steps: Array<[string, (day: string) => object]>
): Row => ({
  call: async (ctx) => ({
    path: `/api/v1/remedies/${await newRemedy(ctx, kind, ...steps.map(([a, b]) => [a, b(today())] as [string, object]))}/${action}`,
    body: body(today()),
  }),
  expect: handle(200),
});
const on = (day: string) => ({ on: day });

const newLeaf = async (ctx: Ctx) => {
  const code = `LEAF${ctx.seq()}`;
  await ctx.t.app
    .get(AgenciesService)
    .create(null, { code, name: `测试科室${code}`, kind: 'department', parentCode: 'DQ-GA' });
  return code;
};

export const MATRIX: Record<string, Row> = {
  'GET /': { call: () => ({ path: '/' }), expect: allPublic(200) },
  'GET /health': { call: () => ({ path: '/health' }), expect: allPublic(200) },
  'GET /metrics': { call: () => ({ path: '/metrics' }), expect: allPublic(200) },
  'GET /api/v1/directory': { call: () => ({ path: '/api/v1/directory' }), expect: allPublic(200) },
  'POST /api/v1/auth/register': {
    call: () => ({ path: '/api/v1/auth/register', body: {} }),
    expect: allPublic(400),
  },
  'GET /api/v1/auth/verify-email': {
    call: () => ({ path: '/api/v1/auth/verify-email?token=unknown-token-123' }),
    expect: allPublic(404),
  },
  'POST /api/v1/auth/verify-email': {
    call: () => ({ path: '/api/v1/auth/verify-email', body: { token: 'unknown-token-123' } }),
    expect: allPublic(404),
  },
  'POST /api/v1/auth/login': {
    call: () => ({
      path: '/api/v1/auth/login',
      body: { email: 'nobody@example.com', password: 'x' },
    }),
    expect: allPublic(401),
  },
  'POST /api/v1/auth/refresh': {
    call: () => ({ path: '/api/v1/auth/refresh', body: { refreshToken: 'unknown-token-123' } }),
    expect: allPublic(401),
  },
  'POST /api/v1/auth/session': {
    call: () => ({ path: '/api/v1/auth/session', body: {} }),
    expect: allPublic(400),
  },
  'POST /api/v1/auth/logout': {
    call: () => ({ path: '/api/v1/auth/logout', freshSession: true }),
    expect: signedIn(204),
  },
  'DELETE /api/v1/auth/session': {
    call: () => ({ path: '/api/v1/auth/session', freshSession: true }),
    expect: signedIn(204),
  },
  'POST /api/v1/auth/forgot-password': {
    call: () => ({ path: '/api/v1/auth/forgot-password', body: { email: 'nobody@example.com' } }),
    expect: allPublic(202),
  },
  'POST /api/v1/auth/reset-password': {
    call: () => ({
      path: '/api/v1/auth/reset-password',
      body: { token: 'unknown-token-123', password: 'brand-new-pass-9' },
    }),
    expect: allPublic(404),
  },
  'GET /api/v1/me': { call: () => ({ path: '/api/v1/me' }), expect: signedIn(200) },
  'GET /api/v1/agencies': { call: () => ({ path: '/api/v1/agencies' }), expect: staffRead },
  'GET /api/v1/agencies/:code': {
    call: () => ({ path: '/api/v1/agencies/DQ-GA' }),
    expect: inReach(200),
  },
  'GET /api/v1/agencies/:code/history': {
    call: () => ({ path: '/api/v1/agencies/DQ-GA/history' }),
    expect: inReach(200),
  },
  'POST /api/v1/agencies': {
    call: (ctx) => ({
      path: '/api/v1/agencies',
      body: { code: `NEW${ctx.seq()}`, name: '新机构', kind: 'department', parentCode: 'DQ-GA' },
    }),
    expect: adminOnly(201),
  },
  'PATCH /api/v1/agencies/:code': {
    call: () => ({ path: '/api/v1/agencies/DQ-GA', body: { phone: '0459-1234567' } }),
    expect: adminOnly(200),
  },
  'POST /api/v1/agencies/:code/move': {
    call: async (ctx) => ({
      path: `/api/v1/agencies/${await newLeaf(ctx)}/move`,
      body: { parentCode: 'DQ' },
    }),
    expect: adminOnly(200),
  },
  'POST /api/v1/agencies/:code/deactivate': {
    call: async (ctx) => ({ path: `/api/v1/agencies/${await newLeaf(ctx)}/deactivate` }),
    expect: adminOnly(200),
  },
  'GET /api/v1/users': {
    call: () => ({ path: '/api/v1/users' }),
    expect: { ...usersRead(200), otherAdmin: 200 },
  },
  'GET /api/v1/users/:id': {
    call: (ctx) => ({ path: `/api/v1/users/${ctx.world.ids.clerk}` }),
    expect: usersRead(200),
  },
  'POST /api/v1/users': {
    call: (ctx) => ({
      path: '/api/v1/users',
      body: {
        email: `new${ctx.seq()}@ga.dq.gov.cn`,
        displayName: '新人',
        roles: [{ agencyCode: 'DQ-GA', role: 'clerk' }],
      },
    }),
    expect: adminOnly(201),
  },
  'POST /api/v1/users/:id/roles': {
    // A throwaway account: granting the fixture's clerk a role would change later rows.
    call: async (ctx) => {
      const user = await ctx.t.app.get(AccountsService).createStaff(null, {
        email: `grant${ctx.seq()}@ga.dq.gov.cn`,
        displayName: 'grant',
        roles: [{ agencyCode: 'DQ-GA', role: 'clerk' }],
        password: 'correct-horse-42',
      });
      return {
        path: `/api/v1/users/${user.id}/roles`,
        body: { agencyCode: 'DQ-GA', role: 'reporting_officer' },
      };
    },
    expect: adminOnly(200),
  },
  'DELETE /api/v1/users/:id/roles/:agencyCode/:role': {
    call: async (ctx) => {
      const user = await ctx.t.app.get(AccountsService).createStaff(null, {
        email: `tmp${ctx.seq()}@ga.dq.gov.cn`,
        displayName: 'tmp',
        roles: [{ agencyCode: 'DQ-GA', role: 'clerk' }],
        password: 'correct-horse-42',
      });
      return { path: `/api/v1/users/${user.id}/roles/DQ-GA/clerk` };
    },
    expect: adminOnly(204),
  },
  'POST /api/v1/requests': {
    call: () => ({ path: '/api/v1/requests', body: CONTENT }),
    expect: { default: 403, anonymous: 401, applicant: 201, otherApplicant: 201 },
  },
  'POST /api/v1/requests/intake': {
    call: () => ({
      path: '/api/v1/requests/intake',
      body: {
        ...CONTENT,
        channel: 'in_person',
        submittedAt: new Date().toISOString(),
        applicant: {
          category: 'np',
          name: '王五',
          idNumber: '11010519491231002X',
          email: 'wang.wu@example.com',
        },
      },
    }),
    expect: { default: 403, anonymous: 401, clerk: 201, otherClerk: 404 },
  },
  'GET /api/v1/requests': { call: () => ({ path: '/api/v1/requests' }), expect: signedIn(200) },
  'GET /api/v1/requests/export.csv': {
    call: () => ({ path: '/api/v1/requests/export.csv' }),
    expect: {
      default: 403,
      anonymous: 401,
      clerk: 200,
      otherClerk: 200,
      parentSupervisor: 200,
      reporter: 200,
    },
  },
  'GET /api/v1/requests/:id': {
    call: async (ctx) => ({ path: `/api/v1/requests/${(await newCase(ctx)).id}` }),
    expect: {
      default: 404,
      anonymous: 401,
      applicant: 200,
      clerk: 200,
      parentSupervisor: 200,
      reporter: 200,
    },
  },
  'POST /api/v1/requests/:id/correct-receipt-date': {
    call: async (ctx) => {
      const res = await as(ctx, 'clerk', 'post', '/api/v1/requests/intake', {
        ...CONTENT,
        channel: 'in_person',
        submittedAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
        applicant: {
          category: 'np',
          name: '王五',
          idNumber: '11010519491231002X',
          email: 'wang.wu@example.com',
        },
      });
      return {
        path: path((res.body as { id: string }).id, 'correct-receipt-date'),
        body: {
          receivedOn: new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10),
          reason: '登记时误录日期',
        },
      };
    },
    expect: handle(200),
  },
  'POST /api/v1/requests/:id/confirm-receipt': {
    call: async (ctx) => {
      const res = await as(ctx, 'clerk', 'post', '/api/v1/requests/intake', {
        ...CONTENT,
        channel: 'post',
        postKind: 'ordinary',
        submittedAt: new Date().toISOString(),
        applicant: {
          category: 'np',
          name: '王五',
          idNumber: '11010519491231002X',
          email: 'wang.wu@example.com',
        },
      });
      return { path: path((res.body as { id: string }).id, 'confirm-receipt'), body: {} };
    },
    expect: handle(200),
  },
  'POST /api/v1/requests/:id/assign': {
    call: async (ctx) => ({
      path: path((await newCase(ctx)).id, 'assign'),
      body: { assigneeId: ctx.world.ids.clerk },
    }),
    // The transition table: clerks and supervisors (of the agency or above) may assign.
    expect: { ...handle(200), parentSupervisor: 200 },
  },
  'POST /api/v1/requests/:id/request-correction': {
    call: async (ctx) => ({
      path: path((await newCase(ctx)).id, 'request-correction'),
      body: { what: '请补充。', periodEnd: inThreeWeeks() },
    }),
    expect: handle(200),
  },
  'POST /api/v1/requests/:id/record-correction': {
    call: async (ctx) => ({
      path: path(
        (
          await newCase(ctx, [
            'request-correction',
            { what: '请补充。', periodEnd: inThreeWeeks() },
          ])
        ).id,
        'record-correction',
      ),
      body: { correction: '补充内容如下。' },
    }),
    expect: selfOrHandle(200),
  },
  'POST /api/v1/requests/:id/abandon-correction': {
    call: async (ctx) => ({
      path: path(
        (
          await newCase(ctx, [
            'request-correction',
            { what: '请补充。', periodEnd: inThreeWeeks() },
          ])
        ).id,
        'abandon-correction',
      ),
    }),
    expect: handle(409),
  },
  'POST /api/v1/requests/:id/start-consultation': {
    call: async (ctx) => ({
      path: path((await newCase(ctx)).id, 'start-consultation'),
      body: { partyKind: 'third_party', partyName: '某公司', subject: '商业秘密' },
    }),
    expect: handle(200),
  },
  'POST /api/v1/requests/:id/close-consultation': {
    call: async (ctx) => {
      const { id, body } = await newCase(ctx, [
        'start-consultation',
        { partyKind: 'third_party', partyName: '某公司', subject: '商业秘密' },
      ]);
      const consultationId = (body.consultations as Array<{ id: string }>)[0].id;
      return {
        path: path(id, 'close-consultation'),
        body: { consultationId, answeredOn: today(), outcome: 'consent' },
      };
    },
    expect: handle(200),
  },
  'POST /api/v1/requests/:id/issue-fee-notice': {
    call: async (ctx) => ({
      path: path((await newCase(ctx)).id, 'issue-fee-notice'),
      body: { method: 'per-volume', pages: 40 },
    }),
    expect: handle(200),
  },
  'POST /api/v1/requests/:id/record-fee-payment': {
    call: async (ctx) => ({
      path: path((await feeCase(ctx)).id, 'record-fee-payment'),
      body: {},
    }),
    expect: handle(200),
  },
  'POST /api/v1/requests/:id/report-fee-payment': {
    call: async (ctx) => ({
      path: path((await feeCase(ctx)).id, 'report-fee-payment'),
      body: { paidOn: today() },
    }),
    expect: selfOrHandle(200),
  },
  'POST /api/v1/requests/:id/reject-fee-payment': {
    call: async (ctx) => ({
      path: path(
        (await feeCase(ctx, ['report-fee-payment', { paidOn: today() }])).id,
        'reject-fee-payment',
      ),
      body: { reason: '未查询到该笔款项' },
    }),
    expect: handle(200),
  },
  'POST /api/v1/requests/:id/abandon-unpaid-fee': {
    call: async (ctx) => ({
      path: path((await feeCase(ctx)).id, 'abandon-unpaid-fee'),
    }),
    expect: handle(409),
  },
  'POST /api/v1/requests/:id/request-extension': {
    call: async (ctx) => ({
      path: path((await newCase(ctx)).id, 'request-extension'),
      body: { days: 10, reason: '需要会商' },
    }),
    expect: handle(200),
  },
  'POST /api/v1/requests/:id/decide-extension': {
    call: async (ctx) => ({
      path: path(
        (await newCase(ctx, ['request-extension', { days: 10, reason: '需要会商' }])).id,
        'decide-extension',
      ),
      body: { approve: true },
    }),
    expect: { default: 403, anonymous: 401, parentSupervisor: 200 },
  },
  'POST /api/v1/requests/:id/record-deferral': {
    call: async (ctx) => ({
      path: path(
        (
          await newCase(
            ctx,
            ['request-reasons', { why: '申请数量明显超过合理范围' }],
            ['record-reasons', { reasons: '用于研究' }],
          )
        ).id,
        'record-deferral',
      ),
      body: { deferralDue: addDays(today(), 40), reason: '数量巨大' },
    }),
    expect: handle(200),
  },
  'POST /api/v1/requests/:id/request-reasons': {
    call: async (ctx) => ({
      path: path((await newCase(ctx)).id, 'request-reasons'),
      body: { why: '申请数量明显超过合理范围' },
    }),
    expect: handle(200),
  },
  'POST /api/v1/requests/:id/record-reasons': {
    call: async (ctx) => ({
      path: path(
        (await newCase(ctx, ['request-reasons', { why: '申请数量明显超过合理范围' }])).id,
        'record-reasons',
      ),
      body: { reasons: '用于学术研究' },
    }),
    expect: selfOrHandle(200),
  },
  'POST /api/v1/requests/:id/reopen': {
    call: async (ctx) => ({
      path: path(
        (
          await newCase(
            ctx,
            ['reply', { replyType: 'NOT_EXIST' }],
            ['record-service', { method: 'email', servedOn: today() }],
          )
        ).id,
        'reopen',
      ),
      body: { decisionReceivedOn: today(), reason: '复议决定责令重新答复' },
    }),
    expect: handle(200),
  },
  'GET /problems': { call: () => ({ path: '/problems' }), expect: allPublic(200) },
  'GET /problems/:code': {
    call: () => ({ path: '/problems/extension-already-used' }),
    expect: allPublic(200),
  },
  'POST /api/v1/track': {
    call: () => ({
      path: '/api/v1/track',
      body: { referenceNo: 'DQ-GA-2026-999999', trackingCode: '0000-0000-00000' },
    }),
    expect: allPublic(404),
  },
  'POST /api/v1/requests/:id/reply': {
    call: async (ctx) => ({
      path: path((await newCase(ctx)).id, 'reply'),
      body: { replyType: 'DISCLOSED' },
    }),
    expect: handle(200),
  },
  'POST /api/v1/requests/:id/record-service': {
    call: async (ctx) => ({
      path: path((await newCase(ctx, ['reply', { replyType: 'DISCLOSED' }])).id, 'record-service'),
      body: { method: 'email', servedOn: today() },
    }),
    expect: handle(200),
  },
  'POST /api/v1/requests/:id/withdraw': {
    call: async (ctx) => ({ path: path((await newCase(ctx)).id, 'withdraw'), body: {} }),
    expect: selfOrHandle(200),
  },
  'GET /api/v1/requests/:id/letters': {
    call: async (ctx) => ({ path: `/api/v1/requests/${(await newCase(ctx)).id}/letters` }),
    expect: {
      default: 404,
      anonymous: 401,
      applicant: 200,
      clerk: 200,
      parentSupervisor: 200,
      reporter: 200,
    },
  },
  'GET /api/v1/requests/:id/letters/:letter': {
    call: async (ctx) => ({
      path: `/api/v1/requests/${(await newCase(ctx)).id}/letters/receipt_acknowledgement`,
    }),
    expect: {
      default: 404,
      anonymous: 401,
      applicant: 200,
      clerk: 200,
      parentSupervisor: 200,
      reporter: 200,
    },
  },
  'GET /my/requests/:ref/letters/:letter': {
    call: async (ctx) => ({ path: await letterPage(ctx) }),
    expect: {
      default: 404,
      anonymous: 401,
      applicant: 200,
      clerk: 200,
      parentSupervisor: 200,
      reporter: 200,
    },
  },
  // Portal forms refuse a post without the page's CSRF token (the matrix sends none).
  'POST /my/requests/:ref/letters/:letter': {
    call: async (ctx) => ({
      path: await letterPage(ctx),
      body: { trackingCode: 'AAAA-BBBB-CCCCC' },
    }),
    expect: allPublic(403),
  },
  'GET /register': { call: () => ({ path: '/register' }), expect: allPublic(200) },
  'POST /register': { call: () => ({ path: '/register', body: {} }), expect: allPublic(403) },
  'GET /verify-email': {
    call: () => ({ path: '/verify-email?token=unknown-token-123' }),
    expect: allPublic(404),
  },
  'GET /forgot-password': { call: () => ({ path: '/forgot-password' }), expect: allPublic(200) },
  'POST /forgot-password': {
    call: () => ({ path: '/forgot-password', body: {} }),
    expect: allPublic(403),
  },
  'GET /reset-password': { call: () => ({ path: '/reset-password' }), expect: allPublic(200) },
  'POST /reset-password': {
    call: () => ({ path: '/reset-password', body: {} }),
    expect: allPublic(403),
  },
  'GET /track': { call: () => ({ path: '/track' }), expect: allPublic(200) },
  'POST /track': { call: () => ({ path: '/track', body: {} }), expect: allPublic(403) },
  'GET /signin': { call: () => ({ path: '/signin' }), expect: allPublic(200) },
  'POST /signin': { call: () => ({ path: '/signin', body: {} }), expect: allPublic(403) },
  'POST /signout': { call: () => ({ path: '/signout', body: {} }), expect: allPublic(403) },
  'GET /my/requests': {
    call: () => ({ path: '/my/requests' }),
    expect: { default: 303, applicant: 200, otherApplicant: 200 },
  },
  'GET /my/requests/new': {
    call: () => ({ path: '/my/requests/new' }),
    expect: { default: 303, applicant: 200, otherApplicant: 200 },
  },
  'POST /my/requests/new': {
    call: () => ({ path: '/my/requests/new', body: {} }),
    expect: allPublic(403),
  },
  'POST /my/requests/:ref/correction': {
    call: () => ({ path: '/my/requests/DQ-GA-2026-000001/correction', body: {} }),
    expect: allPublic(403),
  },
  'POST /my/requests/:ref/withdraw': {
    call: () => ({ path: '/my/requests/DQ-GA-2026-000001/withdraw', body: {} }),
    expect: allPublic(403),
  },
  'POST /my/requests/:ref/fee-payment': {
    call: () => ({ path: '/my/requests/DQ-GA-2026-000001/fee-payment', body: {} }),
    expect: allPublic(403),
  },
  'POST /my/requests/:ref/files': {
    call: () => ({ path: '/my/requests/DQ-GA-2026-000001/files', body: {} }),
    expect: allPublic(403),
  },
  'GET /agencies': { call: () => ({ path: '/agencies' }), expect: allPublic(200) },
  'GET /agencies/:code/guide': {
    call: () => ({ path: '/agencies/DQ-GA/guide' }),
    expect: allPublic(200),
  },
  // The administrators' pages: the sign-in page (303) without a session, a 403 page without
  // the permission, the 404 page for an agency or person out of reach; forms need the CSRF token.
  'GET /admin': {
    call: () => ({ path: '/admin' }),
    expect: {
      default: 403,
      anonymous: 303,
      parentSupervisor: 200,
      otherAdmin: 200,
      rootAdmin: 200,
    },
  },
  'GET /admin/agencies': {
    call: () => ({ path: '/admin/agencies' }),
    expect: { default: 403, anonymous: 303, otherAdmin: 200, rootAdmin: 200 },
  },
  'POST /admin/agencies': {
    call: (ctx) => ({
      path: '/admin/agencies',
      body: { code: `PG${ctx.seq()}`, name: '新机构', kind: 'department', parentCode: 'DQ-GA' },
    }),
    expect: allPublic(403),
  },
  'GET /admin/agencies/:code': {
    call: () => ({ path: '/admin/agencies/DQ-GA' }),
    expect: { default: 403, anonymous: 303, otherAdmin: 404, rootAdmin: 200 },
  },
  'POST /admin/agencies/:code': {
    call: () => ({ path: '/admin/agencies/DQ-GA', body: { name: '大庆市公安局' } }),
    expect: allPublic(403),
  },
  'POST /admin/agencies/:code/move': {
    call: async (ctx) => ({
      path: `/admin/agencies/${await newLeaf(ctx)}/move`,
      body: { parentCode: 'DQ' },
    }),
    expect: allPublic(403),
  },
  'POST /admin/agencies/:code/deactivate': {
    call: async (ctx) => ({ path: `/admin/agencies/${await newLeaf(ctx)}/deactivate`, body: {} }),
    expect: allPublic(403),
  },
  'GET /admin/staff': {
    call: () => ({ path: '/admin/staff' }),
    expect: {
      default: 403,
      anonymous: 303,
      parentSupervisor: 200,
      otherAdmin: 200,
      rootAdmin: 200,
    },
  },
  'POST /admin/staff': {
    call: (ctx) => ({
      path: '/admin/staff',
      body: { email: `page${ctx.seq()}@ga.dq.gov.cn`, displayName: '新人', agencyCode: 'DQ-GA' },
    }),
    expect: allPublic(403),
  },
  'GET /admin/staff/:id': {
    call: (ctx) => ({ path: `/admin/staff/${ctx.world.ids.clerk}` }),
    expect: {
      default: 403,
      anonymous: 303,
      parentSupervisor: 200,
      otherAdmin: 404,
      rootAdmin: 200,
    },
  },
  'POST /admin/staff/:id/roles': {
    call: (ctx) => ({
      path: `/admin/staff/${ctx.world.ids.clerk}/roles`,
      body: { agencyCode: 'DQ-GA', role: 'reporting_officer' },
    }),
    expect: allPublic(403),
  },
  'POST /admin/staff/:id/roles/revoke': {
    call: (ctx) => ({
      path: `/admin/staff/${ctx.world.ids.clerk}/roles/revoke`,
      body: { agencyCode: 'DQ-GA', role: 'clerk' },
    }),
    expect: allPublic(403),
  },
  'GET /admin/calendar': {
    call: () => ({ path: '/admin/calendar' }),
    expect: { default: 403, anonymous: 303, otherAdmin: 200, rootAdmin: 200 },
  },
  'POST /admin/calendar/years': {
    call: () => ({ path: '/admin/calendar/years', body: { notice: '{}' } }),
    expect: allPublic(403),
  },
  'POST /admin/calendar/overrides': {
    call: () => ({
      path: '/admin/calendar/overrides',
      body: { date: '2026-10-10', kind: 'CLOSED', scope: 'AGENCY', agencyCode: 'DQ-GA' },
    }),
    expect: allPublic(403),
  },
  'POST /admin/calendar/overrides/:id/remove': {
    call: (ctx) => ({ path: `/admin/calendar/overrides/${ctx.world.ids.clerk}/remove`, body: {} }),
    expect: allPublic(403),
  },
  'GET /admin/audit': {
    call: () => ({ path: '/admin/audit?action=personal-data' }),
    expect: { default: 403, anonymous: 303, otherAdmin: 200, rootAdmin: 200 },
  },
  // The supervisors' pages: the board and the charts need cases.approve; an agency out of reach
  // is the 404 page.
  'GET /supervisor': {
    call: () => ({ path: '/supervisor?agencyCode=DQ-GA' }),
    expect: { default: 403, anonymous: 303, parentSupervisor: 200 },
  },
  'GET /supervisor/charts': {
    call: () => ({ path: '/supervisor/charts?agencyCode=DQ-GA&year=2026' }),
    expect: { default: 403, anonymous: 303, parentSupervisor: 200 },
  },
  'GET /supervisor/charts/:chart.svg': {
    call: () => ({ path: '/supervisor/charts/outcomes.svg?agencyCode=DQ-GA&year=2026' }),
    expect: { default: 403, anonymous: 303, parentSupervisor: 200 },
  },
  'GET /my/requests/:ref': {
    call: async (ctx) => {
      const { body } = await newCase(ctx);
      return { path: `/my/requests/${String(body.referenceNo)}` };
    },
    expect: { default: 303, applicant: 200, otherApplicant: 404 },
  },
  // The staff pages: sign-in first (303), a 403 page without the permission, 404 out of reach.
  'GET /staff': {
    call: () => ({ path: '/staff' }),
    expect: {
      default: 403,
      anonymous: 303,
      clerk: 200,
      otherClerk: 200,
      parentSupervisor: 200,
      reporter: 200,
    },
  },
  'POST /staff/assign': {
    call: () => ({ path: '/staff/assign', body: {} }),
    expect: allPublic(403),
  },
  'GET /staff/intake': {
    call: () => ({ path: '/staff/intake' }),
    expect: { default: 403, anonymous: 303, clerk: 200, otherClerk: 200 },
  },
  'POST /staff/intake': {
    call: () => ({ path: '/staff/intake', body: {} }),
    expect: allPublic(403),
  },
  'GET /staff/cases/:ref': {
    call: async (ctx) => {
      const { body } = await newCase(ctx);
      return { path: `/staff/cases/${String(body.referenceNo)}` };
    },
    expect: {
      default: 403,
      anonymous: 303,
      clerk: 200,
      otherClerk: 404,
      parentSupervisor: 200,
      reporter: 200,
    },
  },
  'POST /staff/cases/:ref/actions/:action': {
    call: () => ({ path: '/staff/cases/DQ-GA-2026-000001/actions/assign', body: {} }),
    expect: allPublic(403),
  },
  'POST /staff/cases/:ref/remedies': {
    call: () => ({ path: '/staff/cases/DQ-GA-2026-000001/remedies', body: {} }),
    expect: allPublic(403),
  },
  'POST /staff/cases/:ref/remedies/:remedy/:step': {
    call: () => ({
      path: '/staff/cases/DQ-GA-2026-000001/remedies/00000000-0000-4000-8000-000000000000/accept',
      body: {},
    }),
    expect: allPublic(403),
  },
  'POST /staff/cases/:ref/files': {
    call: () => ({ path: '/staff/cases/DQ-GA-2026-000001/files', body: {} }),
    expect: allPublic(403),
  },
  // The reporting officer's pages (reports.read opens them; each form's service checks its own
  // permission): the sign-in page (303) without a session, a 403 page without the permission.
  'GET /reports': {
    call: () => ({ path: '/reports' }),
    expect: reportPages,
  },
  'GET /reports/:code/:year': {
    call: () => ({ path: `/reports/DQ-GA/${today().slice(0, 4)}` }),
    expect: reportPages,
  },
  'POST /reports/:code/:year/figures': {
    call: () => ({ path: `/reports/DQ-GA/${today().slice(0, 4)}/figures`, body: {} }),
    expect: allPublic(403),
  },
  'POST /reports/:code/:year/items': {
    call: () => ({ path: `/reports/DQ-GA/${today().slice(0, 4)}/items`, body: {} }),
    expect: allPublic(403),
  },
  'POST /reports/:code/:year/narrative': {
    call: () => ({ path: `/reports/DQ-GA/${today().slice(0, 4)}/narrative`, body: {} }),
    expect: allPublic(403),
  },
  'POST /reports/:code/:year/publication/:step': {
    call: () => ({ path: `/reports/DQ-GA/${today().slice(0, 4)}/publication/review`, body: {} }),
    expect: allPublic(403),
  },
  'GET /reports/:code/:year/preview': {
    call: () => ({ path: `/reports/DQ-GA/${today().slice(0, 4)}/preview` }),
    expect: reportPages,
  },
  'GET /reports/:code/:year/export/:format': {
    call: () => ({ path: `/reports/DQ-GA/${today().slice(0, 4)}/export/xlsx` }),
    expect: reportPages,
  },
  'GET /reports/:code/:year/cells/:section/:row/:column': {
    call: () => ({ path: `/reports/DQ-GA/${today().slice(0, 4)}/cells/three/new/tot` }),
    expect: reportPages,
  },
  // The public pages (no sign-in): published reports, a published version, live statistics.
  'GET /agencies/:code/reports': {
    call: () => ({ path: '/agencies/DQ-GA/reports' }),
    expect: allPublic(200),
  },
  'GET /agencies/:code/reports/:year': {
    call: async (ctx) => {
      await reportAt(ctx, 2036, 'published');
      return { path: '/agencies/DQ-GA/reports/2036' };
    },
    expect: allPublic(200),
  },
  'GET /agencies/:code/statistics': {
    call: () => ({ path: '/agencies/DQ-GA/statistics' }),
    expect: allPublic(200),
  },
  'GET /agencies/:code/statistics/outcomes.svg': {
    call: () => ({ path: '/agencies/DQ-GA/statistics/outcomes.svg' }),
    expect: allPublic(200),
  },
  'POST /api/v1/requests/:id/attachments': {
    call: async (ctx) => ({
      path: `/api/v1/requests/${(await newCase(ctx)).id}/attachments`,
      upload: true,
    }),
    expect: handle(201),
  },
  'GET /api/v1/requests/:id/attachments': {
    call: async (ctx) => ({ path: `/api/v1/requests/${(await newCase(ctx)).id}/attachments` }),
    expect: {
      default: 404,
      anonymous: 401,
      applicant: 200,
      clerk: 200,
      parentSupervisor: 200,
      reporter: 200,
    },
  },
  'GET /api/v1/requests/:id/attachments/:attachmentId': {
    call: async (ctx) => {
      const { id } = await newCase(ctx);
      const up = await request(ctx.t.app.getHttpServer())
        .post(`/api/v1/requests/${id}/attachments`)
        .set('authorization', `Bearer ${ctx.world.tokens.clerk}`)
        .field('kind', 'reply_document')
        .attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), { filename: 'reply.pdf' });
      return { path: `/api/v1/requests/${id}/attachments/${(up.body as { id: string }).id}` };
    },
    expect: {
      default: 404,
      anonymous: 401,
      applicant: 200,
      clerk: 200,
      parentSupervisor: 200,
      reporter: 200,
    },
  },
  'GET /api/v1/calendar/deadline': {
    call: () => ({ path: '/api/v1/calendar/deadline?received=2024-09-13' }),
    expect: allPublic(200),
  },
  'GET /api/v1/calendar/period': {
    call: () => ({ path: '/api/v1/calendar/period?from=2025-08-02&calendarDays=60' }),
    expect: allPublic(200),
  },
  'GET /api/v1/calendar/fee': {
    call: () => ({ path: '/api/v1/calendar/fee?method=per-volume&pages=250' }),
    expect: allPublic(200),
  },
  'GET /api/v1/calendar/days': {
    call: () => ({ path: '/api/v1/calendar/days?from=2024-09-13&to=2024-09-18' }),
    expect: allPublic(200),
  },
  'GET /api/v1/calendar/years': {
    call: () => ({ path: '/api/v1/calendar/years' }),
    expect: allPublic(200),
  },
  'POST /api/v1/calendar/years': {
    call: () => ({
      path: '/api/v1/calendar/years',
      body: {
        year: 2027,
        noticeUrl: 'https://www.gov.cn/zhengce/zhengceku/202611/content_0000000.htm',
        noticeDate: '2026-11-05',
        holidays: [{ name: '元旦', off: ['2027-01-01'] }],
        workdays: [],
      },
    }),
    expect: { default: 403, anonymous: 401, rootAdmin: 201 },
  },
  'GET /api/v1/calendar/overrides': {
    call: () => ({ path: '/api/v1/calendar/overrides' }),
    expect: { default: 403, anonymous: 401, otherAdmin: 200, rootAdmin: 200 },
  },
  'POST /api/v1/calendar/overrides': {
    call: (ctx) => ({
      path: '/api/v1/calendar/overrides',
      body: {
        date: addDays('2030-01-01', ctx.seq()),
        kind: 'CLOSED',
        scope: 'AGENCY',
        agencyCode: 'DQ-GA',
        basis: '测试依据',
      },
    }),
    expect: adminOnly(201),
  },
  'DELETE /api/v1/calendar/overrides/:id': {
    call: async (ctx) => {
      const o = await ctx.t.app.get(CalendarOverridesService).add(null, {
        date: addDays('2031-01-01', ctx.seq()),
        kind: 'CLOSED',
        scope: 'AGENCY',
        agencyCode: 'DQ-GA',
        basis: '测试依据',
      });
      return { path: `/api/v1/calendar/overrides/${o.id}` };
    },
    expect: adminOnly(200),
  },
  'GET /api/v1/supervision/overdue': {
    call: () => ({ path: '/api/v1/supervision/overdue?agencyCode=DQ-GA' }),
    expect: {
      default: 403,
      anonymous: 401,
      clerk: 200,
      otherClerk: 404,
      parentSupervisor: 200,
      reporter: 200,
    },
  },
  'GET /api/v1/supervision/stats': {
    call: () => ({ path: '/api/v1/supervision/stats?year=2026' }),
    expect: {
      default: 403,
      anonymous: 401,
      clerk: 200,
      otherClerk: 200,
      parentSupervisor: 200,
      reporter: 200,
    },
  },
  'POST /api/v1/requests/:id/remedies': {
    call: async (ctx) => ({
      path: `/api/v1/requests/${(await newCase(ctx)).id}/remedies`,
      body: { kind: 'reconsideration', appliedOn: today() },
    }),
    expect: handle(201),
  },
  'GET /api/v1/requests/:id/remedies': {
    call: async (ctx) => ({ path: `/api/v1/requests/${(await newCase(ctx)).id}/remedies` }),
    expect: caseRead(200),
  },
  'GET /api/v1/requests/:id/remedy-windows': {
    call: async (ctx) => ({ path: `/api/v1/requests/${(await newCase(ctx)).id}/remedy-windows` }),
    expect: {
      default: 404,
      anonymous: 401,
      applicant: 200,
      clerk: 200,
      parentSupervisor: 200,
      reporter: 200,
    },
  },
  'GET /api/v1/remedies/:id': {
    call: async (ctx) => ({ path: `/api/v1/remedies/${await newRemedy(ctx, 'reconsideration')}` }),
    expect: caseRead(200),
  },
  'POST /api/v1/remedies/:id/accept': remedyAction('reconsideration', 'accept', on),
  'POST /api/v1/remedies/:id/docket': remedyAction('litigation_direct', 'docket', on),
  'POST /api/v1/remedies/:id/refuse': remedyAction('reconsideration', 'refuse', on),
  'POST /api/v1/remedies/:id/record-copy': remedyAction('reconsideration', 'record-copy', on, [
    'accept',
    on,
  ]),
  'POST /api/v1/remedies/:id/answer': remedyAction('reconsideration', 'answer', on, ['accept', on]),
  'POST /api/v1/remedies/:id/extend': remedyAction(
    'reconsideration',
    'extend',
    () => ({ days: 10 }),
    ['accept', on],
  ),
  'POST /api/v1/remedies/:id/suspend': remedyAction('reconsideration', 'suspend', on, [
    'accept',
    on,
  ]),
  'POST /api/v1/remedies/:id/resume': remedyAction(
    'reconsideration',
    'resume',
    on,
    ['accept', on],
    ['suspend', on],
  ),
  'POST /api/v1/remedies/:id/decide': remedyAction(
    'reconsideration',
    'decide',
    (day) => ({ on: day, result: 'upheld' }),
    ['accept', on],
  ),
  'POST /api/v1/remedies/:id/serve': remedyAction(
    'reconsideration',
    'serve',
    on,
    ['accept', on],
    ['decide', (day) => ({ on: day, result: 'upheld' })],
  ),
  'POST /api/v1/remedies/:id/appeal': remedyAction(
    'litigation_direct',
    'appeal',
    on,
    ['docket', on],
    ['decide', (day) => ({ on: day, result: 'dismissed' })],
  ),
  'POST /api/v1/remedies/:id/handle': remedyAction('complaint', 'handle', (day) => ({
    on: day,
    handling: '经核查已责令改正。',
  })),
  'POST /api/v1/remedies/:id/withdraw': remedyAction('reconsideration', 'withdraw', on),
  'GET /api/v1/remedies/:id/case-file': {
    call: async (ctx) => ({
      path: `/api/v1/remedies/${await newRemedy(ctx, 'reconsideration')}/case-file`,
    }),
    expect: caseRead(200),
  },
  'GET /api/v1/remedies/:id/case-file.zip': {
    call: async (ctx) => ({
      path: `/api/v1/remedies/${await newRemedy(ctx, 'reconsideration')}/case-file.zip`,
    }),
    expect: caseRead(200),
  },
  'GET /api/v1/reports/section-four': {
    call: () => ({
      path: `/api/v1/reports/section-four?year=${today().slice(0, 4)}&agencyCode=DQ-GA`,
    }),
    expect: { default: 403, anonymous: 401, parentSupervisor: 200, reporter: 200 },
  },
  'GET /api/v1/reports/annual': {
    call: () => ({ path: `/api/v1/reports/annual?year=${today().slice(0, 4)}&agencyCode=DQ-GA` }),
    expect: { default: 403, anonymous: 401, parentSupervisor: 200, reporter: 200 },
  },
  'GET /api/v1/reports/annual/cells/:section/:row/:column': {
    call: () => ({
      path: `/api/v1/reports/annual/cells/three/new/np?year=${today().slice(0, 4)}&agencyCode=DQ-GA`,
    }),
    expect: { default: 403, anonymous: 401, parentSupervisor: 200, reporter: 200 },
  },
  'GET /api/v1/reports/annual/publication': {
    call: () => ({
      path: `/api/v1/reports/annual/publication?year=${today().slice(0, 4)}&agencyCode=DQ-GA`,
    }),
    expect: { default: 403, anonymous: 401, parentSupervisor: 200, reporter: 200 },
  },
  'POST /api/v1/reports/annual/review': {
    call: async (ctx) => ({
      path: '/api/v1/reports/annual/review',
      body: (await reportAt(ctx, 2031, 'draft')).key,
    }),
    expect: { default: 403, anonymous: 401, parentSupervisor: 200 },
  },
  'POST /api/v1/reports/annual/reopen': {
    call: async (ctx) => ({
      path: '/api/v1/reports/annual/reopen',
      body: (await reportAt(ctx, 2032, 'reviewed')).key,
    }),
    expect: { default: 403, anonymous: 401, parentSupervisor: 200 },
  },
  'POST /api/v1/reports/annual/publish': {
    call: async (ctx) => ({
      path: '/api/v1/reports/annual/publish',
      body: (await reportAt(ctx, 2033, 'reviewed')).key,
    }),
    expect: { default: 403, anonymous: 401, reporter: 200 },
  },
  'POST /api/v1/reports/annual/correction': {
    call: async (ctx) => ({
      path: '/api/v1/reports/annual/correction',
      body: { ...(await reportAt(ctx, 2034, 'published')).key, note: '更正' },
    }),
    expect: { default: 403, anonymous: 401, reporter: 200 },
  },
  'GET /api/v1/published-reports': {
    call: () => ({ path: '/api/v1/published-reports?agencyCode=DQ-GA' }),
    expect: allPublic(200),
  },
  'GET /api/v1/published-reports/:id/versions/:version/:format': {
    call: async (ctx) => ({
      path: `/api/v1/published-reports/${(await reportAt(ctx, 2035, 'published')).id}/versions/1/md`,
    }),
    expect: allPublic(200),
  },
  'POST /api/v1/proactive/items': {
    call: (ctx) => ({
      path: '/api/v1/proactive/items',
      body: {
        agencyCode: 'DQ-GA',
        publishedOn: today(),
        category: 'updates',
        online: true,
        title: `工作动态第${ctx.seq()}期`,
      },
    }),
    expect: { default: 403, anonymous: 401, reporter: 201 },
  },
  'GET /api/v1/proactive/register': {
    call: () => ({
      path: `/api/v1/proactive/register?year=${today().slice(0, 4)}&agencyCode=DQ-GA`,
    }),
    expect: { default: 403, anonymous: 401, parentSupervisor: 200, reporter: 200 },
  },
  'PUT /api/v1/proactive/figures': {
    call: () => ({
      path: '/api/v1/proactive/figures',
      body: {
        agencyCode: 'DQ-GA',
        year: Number(today().slice(0, 4)),
        item: 'licensing',
        decisions: 12,
      },
    }),
    expect: { default: 403, anonymous: 401, reporter: 200 },
  },
  'GET /api/v1/proactive/figures': {
    call: () => ({
      path: `/api/v1/proactive/figures?year=${today().slice(0, 4)}&agencyCode=DQ-GA`,
    }),
    expect: { default: 403, anonymous: 401, parentSupervisor: 200, reporter: 200 },
  },
  'PUT /api/v1/reports/narrative': {
    call: () => ({
      path: '/api/v1/reports/narrative',
      body: {
        year: Number(today().slice(0, 4)),
        agencyCode: 'DQ-GA',
        section: 'overview',
        text: '本年度政府信息公开工作总体情况。',
      },
    }),
    expect: { default: 403, anonymous: 401, reporter: 200 },
  },
  'GET /api/v1/audit': {
    call: () => ({ path: '/api/v1/audit' }),
    expect: { default: 403, anonymous: 401, otherAdmin: 200, rootAdmin: 200 },
  },
};
