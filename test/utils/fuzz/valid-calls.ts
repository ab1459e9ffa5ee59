import request from 'supertest';
import { DataSource } from 'typeorm';
import { AccountsService } from '../../../src/modules/accounts/accounts.service';
import { withResidentIdCheck } from '../../../src/modules/accounts/domain/identity';
import { addDays } from '../../../src/modules/calendar/domain/local-date';
import { newCase, type Call, type Caller, type Ctx } from '../authz-matrix';
import { PASSWORD, WORLD } from '../fixtures';
import { setToday } from '../requests';

/**
 * A request that succeeds, for the routes where the authorization matrix has none (its calls
 * there are refused for everyone: unknown tokens, a running period). `during`/`after` move the
 * fixed clock for routes that need time to pass.
 */
export interface ValidCall {
  caller: Caller;
  call: Call;
  during?: () => void;
  after?: () => void;
}

/** Beijing date and time now (the fixed clock was set to the start of the run). */
const nowIn = (part: 'date' | 'time') =>
  new Date(Date.now() + 8 * 3600_000)
    .toISOString()
    .slice(part === 'date' ? 0 : 11, part === 'date' ? 10 : 16);

async function newApplicant(ctx: Ctx): Promise<string> {
  const n = ctx.seq();
  const email = `fuzz${n}@example.com`;
  await ctx.t.app.get(AccountsService).registerApplicant(
    {
      email,
      password: PASSWORD,
      category: 'np',
      name: `王${n}`,
      idNumber: withResidentIdCheck(`23060219850101${String(n % 1000).padStart(3, '0')}`),
    },
    null,
  );
  return email;
}

async function tokenMailedTo(ctx: Ctx, email: string, template: string): Promise<string> {
  const [row] = await ctx.t.app
    .get(DataSource)
    .query<Array<{ token: string }>>(
      `SELECT params->>'token' AS token FROM mail_outbox WHERE to_address = $1 AND template = $2 ORDER BY created_at DESC LIMIT 1`,
      [email, template],
    );
  return row.token;
}

const post = (ctx: Ctx, path: string, body: object) =>
  request(ctx.t.app.getHttpServer())
    .post(path)
    .set('x-forwarded-for', `10.66.${ctx.seq() % 250}.${ctx.seq() % 250}`)
    .send(body);

export const VALID_CALLS: Record<string, (ctx: Ctx) => Promise<ValidCall>> = {
  'POST /api/v1/auth/register': (ctx) => {
    const n = ctx.seq();
    return Promise.resolve({
      caller: 'anonymous',
      call: {
        path: '/api/v1/auth/register',
        body: {
          email: `reg${n}@example.com`,
          password: PASSWORD,
          category: 'np',
          name: '赵六',
          idNumber: withResidentIdCheck(`23060219900101${String(n % 1000).padStart(3, '0')}`),
          phone: '13800001111',
        },
      },
    });
  },
  'GET /api/v1/auth/verify-email': async (ctx) => {
    const token = await tokenMailedTo(ctx, await newApplicant(ctx), 'verify-email');
    return { caller: 'anonymous', call: { path: `/api/v1/auth/verify-email?token=${token}` } };
  },
  'POST /api/v1/auth/verify-email': async (ctx) => {
    const token = await tokenMailedTo(ctx, await newApplicant(ctx), 'verify-email');
    return { caller: 'anonymous', call: { path: '/api/v1/auth/verify-email', body: { token } } };
  },
  'POST /api/v1/auth/login': () =>
    Promise.resolve({
      caller: 'anonymous',
      call: {
        path: '/api/v1/auth/login',
        body: { email: WORLD.applicants.applicant.email, password: PASSWORD },
      },
    }),
  'POST /api/v1/auth/session': () =>
    Promise.resolve({
      caller: 'anonymous',
      call: {
        path: '/api/v1/auth/session',
        body: { email: WORLD.applicants.applicant.email, password: PASSWORD },
      },
    }),
  'POST /api/v1/auth/refresh': async (ctx) => {
    const res = await post(ctx, '/api/v1/auth/login', {
      email: WORLD.applicants.otherApplicant.email,
      password: PASSWORD,
    }).expect(200);
    return {
      caller: 'anonymous',
      call: {
        path: '/api/v1/auth/refresh',
        body: { refreshToken: res.body.refreshToken as string },
      },
    };
  },
  'POST /api/v1/auth/reset-password': async (ctx) => {
    const email = await newApplicant(ctx);
    await post(ctx, '/api/v1/auth/forgot-password', { email }).expect(202);
    const token = await tokenMailedTo(ctx, email, 'reset-password');
    return {
      caller: 'anonymous',
      call: { path: '/api/v1/auth/reset-password', body: { token, password: 'brand-new-pass-9' } },
    };
  },
  'POST /api/v1/track': async (ctx) => {
    const filed = await newCase(ctx);
    return {
      caller: 'anonymous',
      call: {
        path: '/api/v1/track',
        body: {
          referenceNo: filed.body.referenceNo as string,
          trackingCode: filed.body.trackingCode as string,
        },
      },
    };
  },
  'POST /api/v1/requests/:id/abandon-correction': async (ctx) => {
    const day = nowIn('date');
    const c = await newCase(ctx, [
      'request-correction',
      { what: '请补充。', periodEnd: addDays(day, 10) },
    ]);
    return {
      caller: 'clerk',
      call: { path: `/api/v1/requests/${c.id}/abandon-correction` },
      during: () => setToday(ctx.t.app, addDays(day, 12)),
      after: () => setToday(ctx.t.app, day, nowIn('time')),
    };
  },
  'POST /api/v1/requests/:id/abandon-unpaid-fee': async (ctx) => {
    const day = nowIn('date');
    const c = await newCase(ctx, [
      'issue-fee-notice',
      { method: 'per-volume', pages: 40, receivedOn: day },
    ]);
    return {
      caller: 'clerk',
      call: { path: `/api/v1/requests/${c.id}/abandon-unpaid-fee` },
      during: () => setToday(ctx.t.app, addDays(day, 45)),
      after: () => setToday(ctx.t.app, day, nowIn('time')),
    };
  },
};
