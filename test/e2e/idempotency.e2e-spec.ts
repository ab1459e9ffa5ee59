import request from 'supertest';
import { DataSource } from 'typeorm';
import { IdempotencyService } from '../../src/modules/idempotency/idempotency.service';
import { seedWorld, type World } from '../utils/fixtures';
import { APPLICANT, CONTENT, setToday } from '../utils/requests';
import { bootTestApp, caseTestEnv, type TestApp } from '../utils/test-app';

/**
 * Idempotency in one place (IdempotencyService): online and clerk intake take an
 * `Idempotency-Key`, scoped to the user, kept 24 h, unique across the year boundary; the same
 * key with another body answers 422; concurrent retries create one case.
 */
describe(IdempotencyService.name, () => {
  let t: TestApp;
  let w: World;
  const http = () => request(t.app.getHttpServer());
  const cases = async () =>
    (
      await t.app
        .get(DataSource)
        .query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM request_case`)
    )[0].n;
  const staffBody = (title = CONTENT.title) => ({
    ...CONTENT,
    title,
    applicant: APPLICANT,
    channel: 'in_person',
    submittedAt: '2026-12-31T23:00:00+08:00',
  });
  const clerkIntake = (key: string, body: object, token = w.tokens.clerk) =>
    http()
      .post('/api/v1/requests/intake')
      .set('authorization', `Bearer ${token}`)
      .set('idempotency-key', key)
      .send(body);

  beforeAll(async () => {
    t = await bootTestApp({ ...caseTestEnv('2026-12-31T23:59:00+08:00') });
    w = await seedWorld(t.app);
    await http()
      .patch('/api/v1/agencies/DQ-GA')
      .set('authorization', `Bearer ${w.tokens.rootAdmin}`)
      .send({ channels: ['online'] })
      .expect(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('a clerk retrying an intake with its key gets the first case, across New Year, and nothing twice', async () => {
    setToday(t.app, '2026-12-31', '23:59');
    const before = await cases();
    const first = await clerkIntake('clerk-key-0001', staffBody()).expect(201);
    expect(first.body.referenceNo).toBe('DQ-GA-2026-000001');
    setToday(t.app, '2027-01-01', '00:01');
    const retry = await clerkIntake('clerk-key-0001', staffBody()).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.body.trackingCode).toBeNull();
    expect(await cases()).toBe(before + 1);
  });

  it('answers 422 naming the header when the same key comes with another body', async () => {
    setToday(t.app, '2027-01-01', '00:02');
    const res = await clerkIntake('clerk-key-0001', staffBody('另一项申请')).expect(422);
    expect(res.body).toEqual(
      expect.objectContaining({
        code: 'idempotency-key-reused',
        errors: [
          expect.objectContaining({ field: 'Idempotency-Key', code: 'idempotency-key-reused' }),
        ],
      }),
    );
    expect(res.body.detail).toMatch(/^此幂等键.*use a new key/);
  });

  it('refuses a malformed key on clerk intake with a field-level 400, filing nothing', async () => {
    const before = await cases();
    const res = await clerkIntake('short', staffBody('坏键')).expect(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: 'Idempotency-Key', code: 'invalid-idempotency-key' }),
    ]);
    expect(await cases()).toBe(before);
  });

  it('scopes keys to the user: two applicants with the same key file two cases', async () => {
    setToday(t.app, '2027-01-04', '10:00');
    const before = await cases();
    const a = await http()
      .post('/api/v1/requests')
      .set('authorization', `Bearer ${w.tokens.applicant}`)
      .set('idempotency-key', 'shared-key-01')
      .send(CONTENT)
      .expect(201);
    const b = await http()
      .post('/api/v1/requests')
      .set('authorization', `Bearer ${w.tokens.otherApplicant}`)
      .set('idempotency-key', 'shared-key-01')
      .send(CONTENT)
      .expect(201);
    expect(a.body.id).not.toBe(b.body.id);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
    expect(await cases()).toBe(before + 2);
  });

  it('forgets a key after 24 hours', async () => {
    setToday(t.app, '2027-01-05', '10:01');
    const again = await http()
      .post('/api/v1/requests')
      .set('authorization', `Bearer ${w.tokens.applicant}`)
      .set('idempotency-key', 'shared-key-01')
      .send({ ...CONTENT, title: '一年后的新申请' })
      .expect(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
  });

  it('creates one case when the same keyed request arrives twice at once', async () => {
    setToday(t.app, '2027-01-05', '11:00');
    const before = await cases();
    const body = { ...staffBody('并发重试'), submittedAt: '2027-01-05T10:00:00+08:00' };
    const [x, y] = await Promise.all([
      clerkIntake('race-key-0001', body),
      clerkIntake('race-key-0001', body),
    ]);
    expect([x.status, y.status]).toEqual([201, 201]);
    expect(x.body.id).toBe(y.body.id);
    expect(await cases()).toBe(before + 1);
  });
});
