import request from 'supertest';
import { AccountsService } from '../../src/modules/accounts/accounts.service';
import { AgenciesService } from '../../src/modules/agencies/agencies.service';
import { login, seedWorld, WORLD, type Actor, type World } from '../utils/fixtures';
import { listRoutes } from '../utils/routes';
import { bootTestApp, type TestApp } from '../utils/test-app';

/**
 * The authorization matrix: every route × every kind of caller, with the status each must
 * get. Targets belong to the clerk's agency DQ-GA (so: same agency = clerk, other agency =
 * otherClerk/otherAdmin, parent agency = parentSupervisor) or to `applicant` (own) versus
 * `otherApplicant`. The route list comes from the app itself: a new route without a row here
 * fails the first test.
 */
type Caller = Actor | 'anonymous';
const CALLERS: Caller[] = ['anonymous', 'applicant', 'otherApplicant', 'clerk', 'otherClerk', 'parentSupervisor', 'reporter', 'otherAdmin', 'rootAdmin'];

interface Call {
  path: string;
  body?: object;
  /** Sign in afresh for this call (routes that end the session). */
  freshSession?: boolean;
}
interface Row {
  call: (ctx: Ctx, caller: Caller) => Promise<Call> | Call;
  expect: Partial<Record<Caller, number>> & { default: number };
}
interface Ctx {
  t: TestApp;
  world: World;
  seq: () => number;
}

const allPublic = (status: number): Row['expect'] => ({ default: status });
const signedIn = (status: number): Row['expect'] => ({ default: status, anonymous: 401 });
const staffRead = { default: 403, anonymous: 401, clerk: 200, otherClerk: 200, parentSupervisor: 200, reporter: 200, otherAdmin: 200, rootAdmin: 200 };
const inReach = (ok: number): Row['expect'] => ({ default: 403, anonymous: 401, clerk: ok, otherClerk: 404, parentSupervisor: ok, reporter: ok, otherAdmin: 404, rootAdmin: ok });
const adminOnly = (ok: number): Row['expect'] => ({ default: 403, anonymous: 401, otherAdmin: 404, rootAdmin: ok });
const usersRead = (ok: number): Row['expect'] => ({ default: 403, anonymous: 401, parentSupervisor: ok, otherAdmin: 404, rootAdmin: ok });

const newLeaf = async (ctx: Ctx) => {
  const code = `LEAF${ctx.seq()}`;
  await ctx.t.app.get(AgenciesService).create(null, { code, name: `测试科室${code}`, kind: 'department', parentCode: 'DQ-GA' });
  return code;
};

const MATRIX: Record<string, Row> = {
  'GET /': { call: () => ({ path: '/' }), expect: allPublic(200) },
  'GET /health': { call: () => ({ path: '/health' }), expect: allPublic(200) },
  'GET /metrics': { call: () => ({ path: '/metrics' }), expect: allPublic(200) },
  'GET /api/v1/directory': { call: () => ({ path: '/api/v1/directory' }), expect: allPublic(200) },
  'POST /api/v1/auth/register': { call: () => ({ path: '/api/v1/auth/register', body: {} }), expect: allPublic(400) },
  'GET /api/v1/auth/verify-email': { call: () => ({ path: '/api/v1/auth/verify-email?token=unknown-token-123' }), expect: allPublic(404) },
  'POST /api/v1/auth/verify-email': { call: () => ({ path: '/api/v1/auth/verify-email', body: { token: 'unknown-token-123' } }), expect: allPublic(404) },
  'POST /api/v1/auth/login': { call: () => ({ path: '/api/v1/auth/login', body: { email: 'nobody@example.com', password: 'x' } }), expect: allPublic(401) },
  'POST /api/v1/auth/refresh': { call: () => ({ path: '/api/v1/auth/refresh', body: { refreshToken: 'unknown-token-123' } }), expect: allPublic(401) },
  'POST /api/v1/auth/session': { call: () => ({ path: '/api/v1/auth/session', body: {} }), expect: allPublic(400) },
  'POST /api/v1/auth/logout': { call: () => ({ path: '/api/v1/auth/logout', freshSession: true }), expect: signedIn(204) },
  'DELETE /api/v1/auth/session': { call: () => ({ path: '/api/v1/auth/session', freshSession: true }), expect: signedIn(204) },
  'POST /api/v1/auth/forgot-password': { call: () => ({ path: '/api/v1/auth/forgot-password', body: { email: 'nobody@example.com' } }), expect: allPublic(202) },
  'POST /api/v1/auth/reset-password': { call: () => ({ path: '/api/v1/auth/reset-password', body: { token: 'unknown-token-123', password: 'brand-new-pass-9' } }), expect: allPublic(404) },
  'GET /api/v1/me': { call: () => ({ path: '/api/v1/me' }), expect: signedIn(200) },
  'GET /api/v1/agencies': { call: () => ({ path: '/api/v1/agencies' }), expect: staffRead },
  'GET /api/v1/agencies/:code': { call: () => ({ path: '/api/v1/agencies/DQ-GA' }), expect: inReach(200) },
  'GET /api/v1/agencies/:code/history': { call: () => ({ path: '/api/v1/agencies/DQ-GA/history' }), expect: inReach(200) },
  'POST /api/v1/agencies': {
    call: (ctx) => ({ path: '/api/v1/agencies', body: { code: `NEW${ctx.seq()}`, name: '新机构', kind: 'department', parentCode: 'DQ-GA' } }),
    expect: adminOnly(201),
  },
  'PATCH /api/v1/agencies/:code': { call: () => ({ path: '/api/v1/agencies/DQ-GA', body: { phone: '0459-1234567' } }), expect: adminOnly(200) },
  'POST /api/v1/agencies/:code/move': { call: async (ctx) => ({ path: `/api/v1/agencies/${await newLeaf(ctx)}/move`, body: { parentCode: 'DQ' } }), expect: adminOnly(200) },
  'POST /api/v1/agencies/:code/deactivate': { call: async (ctx) => ({ path: `/api/v1/agencies/${await newLeaf(ctx)}/deactivate` }), expect: adminOnly(200) },
  'GET /api/v1/users': { call: () => ({ path: '/api/v1/users' }), expect: { ...usersRead(200), otherAdmin: 200 } },
  'GET /api/v1/users/:id': { call: (ctx) => ({ path: `/api/v1/users/${ctx.world.ids.clerk}` }), expect: usersRead(200) },
  'POST /api/v1/users': {
    call: (ctx) => ({ path: '/api/v1/users', body: { email: `new${ctx.seq()}@ga.dq.gov.cn`, displayName: '新人', roles: [{ agencyCode: 'DQ-GA', role: 'clerk' }] } }),
    expect: adminOnly(201),
  },
  'POST /api/v1/users/:id/roles': { call: (ctx) => ({ path: `/api/v1/users/${ctx.world.ids.clerk}/roles`, body: { agencyCode: 'DQ-GA', role: 'reporting_officer' } }), expect: adminOnly(200) },
  'DELETE /api/v1/users/:id/roles/:agencyCode/:role': {
    call: async (ctx) => {
      const user = await ctx.t.app.get(AccountsService).createStaff(null, { email: `tmp${ctx.seq()}@ga.dq.gov.cn`, displayName: 'tmp', roles: [{ agencyCode: 'DQ-GA', role: 'clerk' }], password: 'correct-horse-42' });
      return { path: `/api/v1/users/${user.id}/roles/DQ-GA/clerk` };
    },
    expect: adminOnly(204),
  },
  'GET /api/v1/audit': { call: () => ({ path: '/api/v1/audit' }), expect: { default: 403, anonymous: 401, otherAdmin: 200, rootAdmin: 200 } },
};

describe('authorization matrix', () => {
  let t: TestApp;
  let world: World;
  let n = 0;

  beforeAll(async () => {
    t = await bootTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
    world = await seedWorld(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  it('has a row for every route the app serves, and every route declares its access', () => {
    const routes = listRoutes(t.app);
    expect(routes.filter((r) => r.access === undefined).map((r) => r.handler)).toEqual([]);
    expect(routes.map((r) => r.key).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  const email = (actor: Actor) => (actor in WORLD.staff ? WORLD.staff[actor as keyof typeof WORLD.staff].email : WORLD.applicants[actor as keyof typeof WORLD.applicants].email);

  it.each(Object.entries(MATRIX))('%s answers each caller as expected', async (key, row) => {
    const method = key.split(' ')[0].toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
    const ctx: Ctx = { t, world, seq: () => ++n };
    const got: Record<string, number> = {};
    const want: Record<string, number> = {};
    for (const caller of CALLERS) {
      const call = await row.call(ctx, caller);
      let req = request(t.app.getHttpServer())[method](call.path).set('x-forwarded-for', `10.9.${CALLERS.indexOf(caller)}.${n % 250}`);
      if (caller !== 'anonymous') {
        const token = call.freshSession ? await login(t.app, email(caller)) : world.tokens[caller];
        req = req.set('authorization', `Bearer ${token}`);
      }
      const res = call.body ? await req.send(call.body) : await req;
      got[caller] = res.status;
      want[caller] = row.expect[caller] ?? row.expect.default;
    }
    expect(got).toEqual(want);
  });
});
