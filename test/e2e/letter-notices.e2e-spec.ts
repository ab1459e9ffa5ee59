import type { ParsedMail } from 'mailparser';
import request from 'supertest';
import { seedWorld, WORLD, type World } from '../utils/fixtures';
import { act, APPLICANT, CONTENT, intake, setToday } from '../utils/requests';
import { SmtpReceiver } from '../utils/smtp-receiver';
import { bootTestApp, caseTestEnv, type TestApp } from '../utils/test-app';

const PUBLIC_URL = 'https://ogi.example.gov.cn';
const LINK = new RegExp(`${PUBLIC_URL}/my/requests/([A-Z0-9-]+)/letters/([0-9a-f-]{36})`);

describe('Every statutory letter reaches the applicant who gave an e-mail, whatever the delivery route', () => {
  let t: TestApp;
  let w: World;
  let smtp: SmtpReceiver;
  const http = () => request(t.app.getHttpServer());
  const subjects = (to: string) => smtp.to(to).map((m) => m.subject ?? '');
  /** Waits until the outbox is drained for `to` (`count` messages), then a little more. */
  const settle = async (to: string, count: number) => {
    const deadline = Date.now() + 10_000;
    while (smtp.to(to).length < count && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 400));
  };
  const linkOf = (mail: ParsedMail): { url: string; path: string } => {
    const m = LINK.exec(mail.text ?? '');
    if (!m) throw new Error(`no letter link in: ${mail.text}`);
    return { url: m[0], path: m[0].slice(PUBLIC_URL.length) };
  };

  beforeAll(async () => {
    smtp = await new SmtpReceiver().start();
    t = await bootTestApp({
      ...caseTestEnv('2026-09-14T09:00:00+08:00'),
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: smtp.url,
      PUBLIC_URL,
    });
    w = await seedWorld(t.app);
    await http()
      .patch('/api/v1/agencies/DQ-GA')
      .set('authorization', `Bearer ${w.tokens.rootAdmin}`)
      .send({ channels: ['online', 'in_person'] })
      .expect(200);
    setToday(t.app, '2026-09-14');
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('a correction notice to a portal-delivery applicant produces exactly one notice e-mail, whose link opens the stored letter with the sign-in or the tracking code', async () => {
    const to = WORLD.applicants.applicant.email;
    const filed = await http()
      .post('/api/v1/requests')
      .set('authorization', `Bearer ${w.tokens.applicant}`)
      .send({ ...CONTENT, deliveryRoute: 'portal' })
      .expect(201);
    const { id, referenceNo, trackingCode } = filed.body as Record<string, string>;
    await settle(to, 1);
    const before = smtp.to(to).length;
    await act(t.app, w.tokens.clerk, id, 'request-correction', {
      what: '请写明所需统计数据的年份',
      periodEnd: '2026-10-16',
    }).expect(200);
    await settle(to, before + 1);
    const notices = smtp.to(to).slice(before);
    expect(notices).toHaveLength(1);
    const [notice] = notices;
    expect(notice.subject).toContain('补正申请告知书');
    expect(notice.subject).toContain(referenceNo);
    expect(notice.text).toContain('不是该文书的正式送达');
    expect(notice.text).toContain('网上查看');
    const { path } = linkOf(notice);
    expect(path).toContain(`/my/requests/${referenceNo}/letters/`);

    // Without sign-in or code: a form asking for the tracking code, not the letter.
    const locked = await http().get(path).expect(401);
    expect(locked.text).toContain('查询码');
    expect(locked.text).not.toContain('请写明所需统计数据的年份');
    // The applicant signed in sees the stored letter, exactly as listed.
    const signedIn = await http()
      .get(path)
      .set('authorization', `Bearer ${w.tokens.applicant}`)
      .expect(200);
    expect(signedIn.headers['content-type']).toContain('text/html');
    expect(signedIn.text).toContain('补正申请告知书');
    expect(signedIn.text).toContain('请写明所需统计数据的年份');
    const stored = await http()
      .get(`/api/v1/requests/${id}/letters/correction_notice`)
      .set('authorization', `Bearer ${w.tokens.applicant}`)
      .expect(200);
    expect(signedIn.text).toBe(stored.text);
    // Anyone with the tracking code (form post), nobody with a wrong one or another account.
    // The form carries its CSRF token (and the browser its cookie, Secure behind https — sent
    // by hand here): a post without the token is refused.
    const form = await http().get(path).expect(401);
    const _csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1];
    const cookie = (form.headers['set-cookie'] as unknown as string[])
      .map((c) => c.split(';')[0])
      .join('; ');
    await http().post(path).set('cookie', cookie).type('form').send({ trackingCode }).expect(403);
    const withCode = await http()
      .post(path)
      .set('cookie', cookie)
      .type('form')
      .send({ trackingCode, _csrf })
      .expect(200);
    expect(withCode.text).toBe(stored.text);
    expect(withCode.headers['content-security-policy']).toMatch(/style-src 'self' 'sha256-/);
    await http()
      .post(path)
      .set('cookie', cookie)
      .type('form')
      .send({ trackingCode: 'AAAA-BBBB-CCCCC', _csrf })
      .expect(404);
    await http().get(path).set('authorization', `Bearer ${w.tokens.otherApplicant}`).expect(404);
  });

  it('an applicant who chose e-mail delivery receives the letter itself (with the link), not a second notice', async () => {
    const email = 'li.si.notice@example.com';
    const c = await intake(t.app, w.tokens.clerk, {
      submittedAt: '2026-09-14T09:00:00+08:00',
      applicant: { ...APPLICANT, email },
      deliveryRoute: 'email',
    });
    await settle(email, 1);
    await act(t.app, w.tokens.clerk, c.id, 'request-correction', {
      what: '请写明所需统计数据的年份',
      periodEnd: '2026-10-16',
    }).expect(200);
    await settle(email, 2);
    expect(subjects(email)).toEqual([
      expect.stringContaining('政府信息公开申请登记回执'),
      expect.stringContaining('补正申请告知书'),
    ]);
    const letter = smtp.to(email)[1];
    expect(letter.html).toContain('请写明所需统计数据的年份');
    expect(linkOf(letter).path).toContain('/letters/');
  });

  it('a post-delivery applicant with an e-mail address is told of each letter; one without is sent nothing', async () => {
    const email = 'zhao.liu.notice@example.com';
    await intake(t.app, w.tokens.clerk, {
      submittedAt: '2026-09-14T09:00:00+08:00',
      applicant: { ...APPLICANT, email },
      deliveryRoute: 'post',
    });
    await settle(email, 1);
    expect(subjects(email)).toEqual([expect.stringContaining('政府信息公开申请登记回执')]);
    expect(smtp.to(email)[0].text).toContain('邮寄');
    const total = smtp.messages.length;
    const { email: _none, ...withoutEmail } = APPLICANT;
    await intake(t.app, w.tokens.clerk, {
      submittedAt: '2026-09-14T09:00:00+08:00',
      applicant: withoutEmail,
      deliveryRoute: 'post',
    });
    await new Promise((r) => setTimeout(r, 600));
    expect(smtp.messages.length).toBe(total);
  });
});
