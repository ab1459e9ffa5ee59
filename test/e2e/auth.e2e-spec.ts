import request from 'supertest';
import { DataSource } from 'typeorm';
import { Clock, FixedClock } from '../../src/infra/clock/clock';
import { withResidentIdCheck } from '../../src/modules/accounts/domain/identity';
import { AuditLog } from '../../src/modules/audit/audit-log.entity';
import { login, PASSWORD, seedWorld, WORLD, type World } from '../utils/fixtures';
import { SmtpReceiver } from '../utils/smtp-receiver';
import { bootTestApp, type TestApp } from '../utils/test-app';

describe('Sign-in and accounts', () => {
  let smtp: SmtpReceiver;
  let t: TestApp;
  let world: World;
  let clock: FixedClock;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    smtp = await new SmtpReceiver().start();
    t = await bootTestApp({
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: smtp.url,
      CLOCK: 'fixed',
      CLOCK_FIXED_AT: '2026-03-02T09:00:00+08:00',
      ACCESS_TOKEN_TTL_SECONDS: '900',
    });
    clock = t.app.get<Clock, FixedClock>(Clock);
    world = await seedWorld(t.app);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const audit = async (action: string) =>
    t.app.get(DataSource).getRepository(AuditLog).countBy({ action });

  describe('self-registration', () => {
    const applicant = {
      email: 'Wang.Wu@Example.com',
      password: 'another-horse-77',
      category: 'np',
      name: '王五',
      idNumber: withResidentIdCheck('11010519491231002'),
      phone: '13700001111',
      address: '北京市朝阳区建国路88号',
    };

    it('refuses bad input with field-level messages and stores nothing', async () => {
      const res = await http()
        .post('/api/v1/auth/register')
        .send({
          ...applicant,
          idNumber: '110105194912310021',
          password: 'short',
          category: 'xx',
          extra: 1,
        })
        .expect(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      const fields = (res.body.errors as Array<{ field: string }>).map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['category', 'extra']));
      const bad = await http()
        .post('/api/v1/auth/register')
        .send({ ...applicant, idNumber: '110105194912310021', password: 'short' })
        .expect(400);
      expect(bad.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'idNumber', code: 'id-checksum', message: expect.stringContaining('checksum') },
          { field: 'password', code: 'password-too-short', message: expect.stringContaining('10') },
        ]),
      );
      const count = await t.app
        .get(DataSource)
        .query(`SELECT count(*)::int AS n FROM app_user WHERE email = 'wang.wu@example.com'`);
      expect(count[0].n).toBe(0);
    });

    it('e-mails a verification link through SMTP; sign-in works only after following it', async () => {
      const res = await http().post('/api/v1/auth/register').send(applicant).expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        email: 'wang.wu@example.com',
        emailVerified: false,
      });
      const mail = await smtp.waitForTo('wang.wu@example.com');
      expect(mail.subject).toBe('请验证您的电子邮箱 · Please verify your e-mail address');
      const link = /http:\/\/localhost:\d+(\/verify-email\?token=[\w-]+)/.exec(
        mail.text ?? '',
      )?.[1];
      expect(link).toBeDefined();

      const early = await http()
        .post('/api/v1/auth/login')
        .send({ email: applicant.email, password: applicant.password })
        .expect(403);
      expect(early.body.detail).toContain('验证');

      const page = await http()
        .get(link as string)
        .expect(200);
      expect(page.text).toContain('邮箱已验证');
      await http()
        .get(link as string)
        .expect(404); // single use
      await http()
        .post('/api/v1/auth/login')
        .send({ email: applicant.email, password: applicant.password })
        .expect(200);
    });

    it('refuses a second account for the same e-mail with 409', async () => {
      const res = await http()
        .post('/api/v1/auth/register')
        .send({ ...applicant, email: 'wang.wu@example.com' })
        .expect(409);
      expect(res.body.errors).toEqual([
        {
          field: 'email',
          code: 'email-taken',
          message: expect.stringContaining('already registered'),
        },
      ]);
    });
  });

  describe('personal data', () => {
    it('shows the person their own data unmasked', async () => {
      const me = await http()
        .get('/api/v1/me')
        .set('authorization', `Bearer ${world.tokens.applicant}`)
        .expect(200);
      expect(me.body.applicant).toEqual(
        expect.objectContaining({
          idNumber: WORLD.applicants.applicant.idNumber,
          phone: '13812345678',
          address: WORLD.applicants.applicant.address,
          masked: false,
        }),
      );
    });

    it('shows everyone else the data masked', async () => {
      const other = await http()
        .get(`/api/v1/users/${world.ids.applicant}`)
        .set('authorization', `Bearer ${world.tokens.rootAdmin}`)
        .expect(200);
      const id = WORLD.applicants.applicant.idNumber;
      expect(other.body.applicant).toEqual(
        expect.objectContaining({
          idNumber: `${id.slice(0, 6)}********${id.slice(-4)}`,
          phone: '138****5678',
          address: '黑龙江省大庆****',
          masked: true,
        }),
      );
    });

    it('stores ID numbers, phones and addresses encrypted, never in plain text', async () => {
      const [row] = await t.app
        .get(DataSource)
        .query(
          `SELECT id_number_enc, phone_enc, address_enc FROM applicant_profile WHERE user_id = $1`,
          [world.ids.applicant],
        );
      expect(row.id_number_enc).toMatch(/^v1\./);
      expect(row.id_number_enc).not.toContain(WORLD.applicants.applicant.idNumber);
      expect(row.phone_enc).not.toContain('13812345678');
      expect(row.address_enc).not.toContain('大庆');
      const dump = JSON.stringify(
        await t.app.get(DataSource).query(`SELECT * FROM applicant_profile`),
      );
      expect(dump).not.toContain(WORLD.applicants.applicant.idNumber);
    });
  });

  describe('lockout', () => {
    it('locks an account after 5 wrong passwords, even for the right one, until 15 minutes pass', async () => {
      const email = WORLD.staff.otherClerk.email;
      for (let i = 0; i < 5; i++)
        await http()
          .post('/api/v1/auth/login')
          .set('x-forwarded-for', `10.0.0.${i}`)
          .send({ email, password: 'wrong-password-1' })
          .expect(401);
      const locked = await http()
        .post('/api/v1/auth/login')
        .send({ email, password: PASSWORD })
        .expect(429);
      expect(locked.body.lockedUntil).toBe('2026-03-02T01:15:00.000Z');
      expect(await audit('auth.locked')).toBe(1);
      clock.advance(15 * 60_000 + 1);
      await http().post('/api/v1/auth/login').send({ email, password: PASSWORD }).expect(200);
    });
  });

  describe('tokens', () => {
    it('expire after ACCESS_TOKEN_TTL_SECONDS; the refresh token rotates once', async () => {
      const res = await http()
        .post('/api/v1/auth/login')
        .send({ email: WORLD.staff.clerk.email, password: PASSWORD })
        .expect(200);
      const { accessToken, refreshToken } = res.body as {
        accessToken: string;
        refreshToken: string;
      };
      await http().get('/api/v1/me').set('authorization', `Bearer ${accessToken}`).expect(200);
      clock.advance(901_000);
      const expired = await http()
        .get('/api/v1/me')
        .set('authorization', `Bearer ${accessToken}`)
        .expect(401);
      expect(expired.body).toEqual(
        expect.objectContaining({
          status: 401,
          code: 'unauthorized',
          detail: expect.stringContaining('Sign in first'),
        }),
      );
      const refreshed = await http()
        .post('/api/v1/auth/refresh')
        .send({ refreshToken })
        .expect(200);
      await http()
        .get('/api/v1/me')
        .set('authorization', `Bearer ${refreshed.body.accessToken}`)
        .expect(200);
      await http().post('/api/v1/auth/refresh').send({ refreshToken }).expect(401);
    });

    it('stop working after logout', async () => {
      const token = await login(t.app, WORLD.staff.reporter.email);
      await http().post('/api/v1/auth/logout').set('authorization', `Bearer ${token}`).expect(204);
      await http().get('/api/v1/me').set('authorization', `Bearer ${token}`).expect(401);
    });

    it('support a portal session cookie (HttpOnly)', async () => {
      const res = await http()
        .post('/api/v1/auth/session')
        .send({ email: WORLD.staff.clerk.email, password: PASSWORD })
        .expect(204);
      const cookie = (res.headers['set-cookie'] as unknown as string[])[0];
      expect(cookie).toMatch(/^govinfo_session=[\w-]+; .*HttpOnly/);
      expect(cookie).toContain('SameSite=Lax');
      const me = await http().get('/api/v1/me').set('cookie', cookie.split(';')[0]).expect(200);
      expect(me.body.email).toBe(WORLD.staff.clerk.email);
    });
  });

  describe('password reset', () => {
    it('mails a single-use code that sets a new password and signs out other sessions', async () => {
      const old = await login(t.app, WORLD.staff.parentSupervisor.email);
      await http()
        .post('/api/v1/auth/forgot-password')
        .send({ email: WORLD.staff.parentSupervisor.email })
        .expect(202);
      await http()
        .post('/api/v1/auth/forgot-password')
        .send({ email: 'nobody@example.com' })
        .expect(202);
      const mail = await smtp.waitForTo(WORLD.staff.parentSupervisor.email);
      expect(mail.subject).toBe('重置登录密码 · Reset your password');
      const code = /\n([\w-]{40,})\n/.exec(mail.text ?? '')?.[1] as string;
      const weak = await http()
        .post('/api/v1/auth/reset-password')
        .send({ token: code, password: 'weak' })
        .expect(400);
      expect(weak.body.errors[0].field).toBe('password');
      await http()
        .post('/api/v1/auth/reset-password')
        .send({ token: code, password: 'brand-new-pass-9' })
        .expect(204);
      await http()
        .post('/api/v1/auth/reset-password')
        .send({ token: code, password: 'brand-new-pass-9' })
        .expect(404);
      await http().get('/api/v1/me').set('authorization', `Bearer ${old}`).expect(401);
      await login(t.app, WORLD.staff.parentSupervisor.email, 'brand-new-pass-9');
      expect(smtp.to('nobody@example.com')).toHaveLength(0);
    });
  });

  it('writes sign-ins and role grants to the append-only audit log', async () => {
    expect(await audit('auth.login')).toBeGreaterThan(5);
    expect(await audit('roles.granted')).toBe(Object.keys(WORLD.staff).length);
    await expect(t.app.get(DataSource).query(`DELETE FROM audit_log`)).rejects.toThrow(
      /append-only/,
    );
    await expect(t.app.get(DataSource).query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(
      /append-only/,
    );
  });
});
