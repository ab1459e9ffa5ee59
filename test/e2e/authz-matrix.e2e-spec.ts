import request from 'supertest';
import { CALLERS, MATRIX, type Ctx } from '../utils/authz-matrix';
import { login, seedWorld, WORLD, type Actor, type World } from '../utils/fixtures';
import { listRoutes } from '../utils/routes';
import { bootTestApp, type TestApp } from '../utils/test-app';

describe('authorization matrix', () => {
  let t: TestApp;
  let world: World;
  let n = 0;

  beforeAll(async () => {
    t = await bootTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
    world = await seedWorld(t.app);
    await request(t.app.getHttpServer())
      .patch('/api/v1/agencies/DQ-GA')
      .set('authorization', `Bearer ${world.tokens.rootAdmin}`)
      .send({ channels: ['online'] })
      .expect(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('has a row for every route the app serves, and every route declares its access', () => {
    const routes = listRoutes(t.app);
    expect(routes.filter((r) => r.access === undefined).map((r) => r.handler)).toEqual([]);
    expect(routes.map((r) => r.key).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  const email = (actor: Actor) =>
    actor in WORLD.staff
      ? WORLD.staff[actor as keyof typeof WORLD.staff].email
      : WORLD.applicants[actor as keyof typeof WORLD.applicants].email;

  it.each(Object.entries(MATRIX))('%s answers each caller as expected', async (key, row) => {
    const method = key.split(' ')[0].toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
    const ctx: Ctx = { t, world, seq: () => ++n };
    const got: Record<string, number> = {};
    const want: Record<string, number> = {};
    for (const caller of CALLERS) {
      const call = await row.call(ctx, caller);
      let req = request(t.app.getHttpServer())
        [method](call.path)
        .set('x-forwarded-for', `10.9.${CALLERS.indexOf(caller)}.${n % 250}`);
      if (caller !== 'anonymous') {
        const token = call.freshSession ? await login(t.app, email(caller)) : world.tokens[caller];
        req = req.set('authorization', `Bearer ${token}`);
      }
      const res = call.upload
        ? await req
            .field('kind', 'reply_document')
            .attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), { filename: 'reply.pdf' })
        : call.body
          ? await req.send(call.body)
          : await req;
      got[caller] = res.status;
      want[caller] = row.expect[caller] ?? row.expect.default;
    }
    expect(got).toEqual(want);
  });
});
