import request from 'supertest';
import { Clock, type FixedClock } from '../../src/infra/clock/clock';
import { PASSWORD, seedWorld, WORLD } from '../utils/fixtures';
import { bootTestApp, type TestApp } from '../utils/test-app';

describe('Sign-in throttling counts failures, not successful sign-ins', () => {
  let t: TestApp;
  let clock: FixedClock;
  const login = (ip: string, email: string, password: string) =>
    request(t.app.getHttpServer())
      .post('/api/v1/auth/login')
      .set('x-forwarded-for', ip)
      .send({ email, password });

  beforeAll(async () => {
    t = await bootTestApp({ CLOCK: 'fixed', CLOCK_FIXED_AT: '2026-03-02T09:00:00+08:00' });
    await seedWorld(t.app);
    clock = t.app.get<Clock, FixedClock>(Clock);
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets twenty successful sign-ins from one address through in a minute (an office at 9:00)', async () => {
    const people = Object.values(WORLD.staff).map((s) => s.email);
    for (let i = 0; i < 20; i++)
      await login('10.20.0.1', people[i % people.length], PASSWORD).expect(200);
    // The portal sign-in is the same: no limit on successes.
    for (let i = 0; i < 12; i++)
      await request(t.app.getHttpServer())
        .post('/api/v1/auth/session')
        .set('x-forwarded-for', '10.20.0.1')
        .send({ email: people[0], password: PASSWORD })
        .expect(204);
  });

  it('refuses an address after ten failed sign-ins in a minute, even with the right password, until the minute passes', async () => {
    for (let i = 0; i < 10; i++)
      await login('10.20.0.2', `nobody${i}@example.com`, 'wrong-password-1').expect(401);
    const refused = await login('10.20.0.2', WORLD.staff.clerk.email, PASSWORD).expect(429);
    expect(refused.body.code).toBe('rate-limited');
    expect(Number(refused.headers['retry-after'])).toBe(60);
    // Another address of the same office is not affected.
    await login('10.20.0.3', WORLD.staff.clerk.email, PASSWORD).expect(200);
    clock.advance(61_000);
    await login('10.20.0.2', WORLD.staff.clerk.email, PASSWORD).expect(200);
  });
});
