/// <reference lib="dom" />
import request from 'supertest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AgenciesService } from '../../src/modules/agencies/agencies.service';
import { axeViolations, launchChromium, listen, signInAs, watchedPage } from '../utils/browser';
import { PASSWORD, seedWorld, WORLD, type World } from '../utils/fixtures';
import { SmtpReceiver } from '../utils/smtp-receiver';
import { bootTestApp, type TestApp } from '../utils/test-app';

const NEW_PASSWORD = 'clerk-first-pass-7';

/**
 * The administrators' pages: an administrator adds an agency and invites a clerk for it, who
 * sets a password from the link e-mailed over SMTP and signs in; a refused form says why next to
 * the field; an override added is listed; the audit log finds who viewed unmasked personal data;
 * out of reach is a 404 page, without the permission a 403 page; axe-clean and readable at 375 px.
 */
describe("The administrators' pages (chromium)", () => {
  let smtp: SmtpReceiver;
  let t: TestApp;
  let w: World;
  let base: string;
  let browser: Browser;
  const api = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    smtp = await new SmtpReceiver().start();
    t = await bootTestApp({
      RATE_LIMIT_PER_MINUTE: '100000',
      PUBLIC_URL: 'http://127.0.0.1',
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: smtp.url,
    });
    w = await seedWorld(t.app);
    // Online filing needs the channel announced (R-APP-01): the audit and succession cases.
    for (const code of ['DQ-GA', 'DQ-JY'])
      await api()
        .patch(`/api/v1/agencies/${code}`)
        .set('authorization', `Bearer ${w.tokens.rootAdmin}`)
        .send({ channels: ['online', 'in_person', 'post'] })
        .expect(200);
    base = await listen(t);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t.close();
    await smtp.stop();
  });

  /** Signs a staff member in through the sign-in page sent from `next`; ends on `next`. */
  const signIn = async (page: Page, email: string, next: string, password = PASSWORD) => {
    await page.goto(`${base}${next}`);
    await page.waitForURL(`${base}/signin?next=${encodeURIComponent(next)}`);
    await signInAs(page, base, email, next, { from: page.url().slice(base.length), password });
  };
  const admin = async (javaScriptEnabled = true, next = '/admin') => {
    const context = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled });
    const { page, problems } = await watchedPage(context);
    await signIn(page, WORLD.staff.rootAdmin.email, next);
    return { context, page, problems };
  };
  const submit = async (page: Page, name: string) =>
    Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name }).click()]);
  /** The error summary's link to `field`, and whether the field is marked invalid. */
  const fieldError = async (page: Page, field: string) => ({
    summary: await page.getByRole('alert').locator(`a[href="#${field}"]`).textContent(),
    invalid: await page.locator(`#${field}`).getAttribute('aria-invalid'),
  });
  /** The set-password link of the newest mail to `email`, on this server. */
  const invitationLink = async (email: string): Promise<string> => {
    const mail = await smtp.waitForTo(email, 15_000);
    expect(mail.subject).toContain('请设置您的登录密码');
    const link = /https?:\/\/\S+\/reset-password\?token=[\w-]+/.exec(mail.text ?? '')?.[0];
    if (!link) throw new Error(`no set-password link in ${mail.text}`);
    const url = new URL(link);
    return `${base}${url.pathname}${url.search}`;
  };

  it.each([true, false])(
    'adds an agency and invites its clerk, who sets a password from the e-mailed link and signs in (JavaScript %s)',
    async (javaScriptEnabled) => {
      const n = javaScriptEnabled ? 1 : 2;
      const code = `DQ-ST${n}`;
      const name = `大庆市统计局${n}`;
      const email = `clerk${n}@st.dq.gov.cn`;
      const { context, page, problems } = await admin(javaScriptEnabled);
      await page.getByRole('link', { name: '行政机关管理' }).click();
      await page.getByLabel('上级机关 *').selectOption('DQ');
      await page.getByLabel('机关代码 *').fill(code);
      await page.getByLabel('机关名称 *').fill(name);
      await page.locator('#fax').fill('0459-6110000');
      await page.getByLabel('办公时间').fill('法定工作日 8:30—17:00');
      await submit(page, '新增下级机关');
      expect(new URL(page.url()).pathname).toBe(`/admin/agencies/${code}`);
      await expect(page.getByRole('status').textContent()).resolves.toBe('机关已新增。');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(name);
      await expect(page.locator('#fax').inputValue()).resolves.toBe('0459-6110000');
      const created = await api()
        .get(`/api/v1/agencies/${code}`)
        .set('authorization', `Bearer ${w.tokens.rootAdmin}`)
        .expect(200);
      expect(created.body).toMatchObject({
        parentCode: 'DQ',
        name,
        officeHours: '法定工作日 8:30—17:00',
      });

      await page.goto(`${base}/admin/staff`);
      await page.getByLabel('电子邮箱 *').fill(email);
      await page.getByLabel('姓名 *').fill(`统计局经办人${n}`);
      await page.getByLabel('行政机关 *').selectOption(code);
      await page.getByLabel('角色 *').selectOption('clerk');
      await submit(page, '发送邀请');
      expect(new URL(page.url()).pathname).toMatch(/^\/admin\/staff\/[0-9a-f-]{36}$/);
      await expect(page.getByRole('status').textContent()).resolves.toContain('邀请已发送');
      expect(await page.textContent('main')).toContain(`经办人 · ${name}`);
      expect(problems).toEqual([]);
      await context.close();

      // The clerk, in a browser of their own, from the e-mail received over SMTP.
      const clerk = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled });
      const { page: cp } = await watchedPage(clerk);
      await cp.goto(await invitationLink(email));
      await expect(cp.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('设置密码');
      await cp.getByLabel('密码').fill('short');
      await submit(cp, '保存');
      // Refused at the field, and still the invitation's page.
      await expect(cp.locator('#password').getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(cp.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('设置密码');
      await cp.getByLabel('密码').fill(NEW_PASSWORD);
      await submit(cp, '保存');
      await expect(cp.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('密码已设置');
      await cp.getByRole('link', { name: '登录' }).first().click();
      await cp.getByLabel('电子邮箱').fill(email);
      await cp.getByLabel('密码').fill(NEW_PASSWORD);
      await Promise.all([
        cp.waitForURL(`${base}/staff`),
        cp.getByRole('button', { name: '登录', exact: true }).click(),
      ]);
      // The workbench is its own page (issue 23's other half); the session is a staff one.
      await cp.goto(`${base}/`);
      await expect(
        cp.getByRole('navigation').getByRole('link', { name: '工作台' }).count(),
      ).resolves.toBe(1);
      // A clerk administers nothing: the index answers with the 403 page.
      const refused = await cp.goto(`${base}/admin`);
      expect(refused?.status()).toBe(403);
      await clerk.close();
    },
    90_000,
  );

  it.each([true, false])(
    'shows a refused form with its field error, and the agency page out of reach as 404 (JavaScript %s)',
    async (javaScriptEnabled) => {
      const { context, page } = await admin(javaScriptEnabled, '/admin/agencies');
      await page.getByLabel('上级机关 *').selectOption('DQ');
      await page.getByLabel('机关代码 *').fill('DQ-GA');
      await page.getByLabel('机关名称 *').fill('重复的机关');
      await page.locator('#email').fill('not-an-address');
      // Refused by the API's own DTO: said at the e-mail field, what was typed kept.
      await submit(page, '新增下级机关');
      const email = await fieldError(page, 'email');
      expect(email.summary).toBeTruthy();
      expect(email.invalid).toBe('true');
      await expect(page.getByLabel('机关名称 *').inputValue()).resolves.toBe('重复的机关');
      // Refused by the service: the code is taken (never reused).
      await page.locator('#email').fill('');
      await submit(page, '新增下级机关');
      const code = await fieldError(page, 'code');
      expect(code.summary).toContain('DQ-GA');
      expect(code.invalid).toBe('true');
      await expect(page.locator('#email').getAttribute('aria-invalid')).resolves.toBeNull();

      // The invitation: the DTO's roles.0.agencyCode is the form's agency field; a taken
      // address is the service's refusal at the e-mail field.
      await page.goto(`${base}/admin/staff`);
      await page.getByLabel('电子邮箱 *').fill(WORLD.staff.clerk.email);
      await page.getByLabel('姓名 *').fill('重复的人');
      await submit(page, '发送邀请');
      const agency = await fieldError(page, 'agencyCode');
      expect(agency.summary).toBeTruthy();
      expect(agency.invalid).toBe('true');
      await page.getByLabel('行政机关 *').selectOption('DQ-GA');
      await submit(page, '发送邀请');
      const taken = await fieldError(page, 'email');
      expect(taken.summary).toBeTruthy();
      expect(taken.invalid).toBe('true');
      await expect(page.getByLabel('姓名 *').inputValue()).resolves.toBe('重复的人');

      // Deactivating an agency with open work and no successor is refused at the successor field.
      await api()
        .post('/api/v1/requests')
        .set('authorization', `Bearer ${w.tokens.applicant}`)
        .send({
          agencyCode: 'DQ-JY',
          title: '学校名录',
          description: '申请公开全市学校名录。',
          form: 'electronic',
          deliveryRoute: 'portal',
        })
        .expect(201);
      await page.goto(`${base}/admin/agencies/DQ-JY`);
      await submit(page, '撤销');
      const successor = await fieldError(page, 'successorCode');
      expect(successor.summary).toBeTruthy();
      expect(successor.invalid).toBe('true');
      await context.close();

      // An administrator of DQ-JY does not reach DQ-GA: the 404 page, not the form.
      const other = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled });
      const { page: op } = await watchedPage(other);
      await signIn(op, WORLD.staff.otherAdmin.email, '/admin/agencies');
      expect(await op.textContent('main')).not.toContain('大庆市公安局');
      const res = await op.goto(`${base}/admin/agencies/DQ-GA`);
      expect(res?.status()).toBe(404);
      await expect(op.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        '未找到该项内容',
      );
      await other.close();
    },
    60_000,
  );

  it.each([true, false])(
    'edits, moves and deactivates an agency with a successor for its open case; grants and revokes a role (JavaScript %s)',
    async (javaScriptEnabled) => {
      const code = `DQ-WJ${javaScriptEnabled ? 1 : 2}`;
      await t.app.get(AgenciesService).create(null, {
        code,
        name: '大庆市卫生健康委员会',
        kind: 'department',
        parentCode: 'DQ',
        channels: ['online'],
      });
      const filed = await api()
        .post('/api/v1/requests')
        .set('authorization', `Bearer ${w.tokens.applicant}`)
        .send({
          agencyCode: code,
          title: '医院名录',
          description: '申请公开全市医院名录。',
          form: 'electronic',
          deliveryRoute: 'portal',
        });
      expect(filed.status).toBe(201);
      const { context, page } = await admin(javaScriptEnabled, `/admin/agencies/${code}`);
      // Edit: rename, announce fax, set the fee payment instructions; clear nothing else.
      await page.getByLabel('机关名称 *').fill('大庆市卫生健康委');
      await page.getByRole('checkbox', { name: '传真' }).check();
      await page
        .getByLabel('信息处理费缴纳方式')
        .fill('收款单位 大庆市卫生健康委，附言填写申请编号。');
      await submit(page, '保存');
      await expect(page.getByRole('status').textContent()).resolves.toBe('已保存。');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
        '大庆市卫生健康委',
      );
      // Move it under the education bureau (its own subtree is never offered).
      await page.getByLabel('新的上级机关').selectOption('DQ-JY');
      await submit(page, '调整');
      await expect(page.getByRole('status').textContent()).resolves.toBe('上级机关已调整。');
      // Deactivate with DQ-GA taking over the open case.
      await page.getByLabel('承继机关').selectOption('DQ-GA');
      await submit(page, '撤销');
      await expect(page.getByRole('status').textContent()).resolves.toBe('机关已撤销。');
      const after = await api()
        .get(`/api/v1/agencies/${code}`)
        .set('authorization', `Bearer ${w.tokens.rootAdmin}`)
        .expect(200);
      expect(after.body).toMatchObject({
        name: '大庆市卫生健康委',
        parentCode: 'DQ-JY',
        active: false,
        channels: expect.arrayContaining(['online', 'fax']),
        paymentInstructions: '收款单位 大庆市卫生健康委，附言填写申请编号。',
      });
      const moved = await api()
        .get(`/api/v1/requests/${filed.body.id as string}`)
        .set('authorization', `Bearer ${w.tokens.applicant}`)
        .expect(200);
      expect(moved.body.agencyCode).toBe('DQ-GA');

      // Roles: grant the reporter a supervisor role at DQ-GA, then revoke it.
      await page.goto(`${base}/admin/staff/${w.ids.reporter}`);
      await page.getByLabel('行政机关 *').selectOption('DQ-GA');
      await page.getByLabel('角色 *').selectOption('supervisor');
      await submit(page, '授予');
      await expect(page.getByRole('status').textContent()).resolves.toBe('角色已授予。');
      expect(await page.locator('ul.roles').textContent()).toContain('审核负责人 · 大庆市公安局');
      await submit(page, '收回 审核负责人 · 大庆市公安局');
      await expect(page.getByRole('status').textContent()).resolves.toBe('角色已收回。');
      expect(await page.locator('ul.roles').textContent()).not.toContain('审核负责人');
      await context.close();
    },
    60_000,
  );

  it.each([true, false])(
    'adds an override that is then listed, refuses one without its legal basis, and removes it (JavaScript %s)',
    async (javaScriptEnabled) => {
      const date = javaScriptEnabled ? '2026-10-12' : '2026-10-13';
      const { context, page } = await admin(javaScriptEnabled, '/admin/calendar');
      const years = await page.locator('table').first().textContent();
      expect(years).toContain('国务院办公厅通知');
      const fill = async (basis: string) => {
        await page.getByLabel('日期 *').fill(date);
        await page.getByLabel('调整为 *').selectOption('CLOSED');
        await page.getByLabel('适用范围 *').selectOption('AGENCY');
        await page.getByLabel('行政机关', { exact: true }).selectOption('DQ-GA');
        await page.getByLabel('依据 *').fill(basis);
      };
      await fill('');
      await submit(page, '新增调整');
      const basis = await fieldError(page, 'basis');
      expect(basis.summary).toBeTruthy();
      expect(basis.invalid).toBe('true');
      await expect(page.getByLabel('日期 *').inputValue()).resolves.toBe(date);
      await fill('大庆市人民政府办公室关于办公楼检修的通知（庆政办发〔2026〕9号）');
      await submit(page, '新增调整');
      await expect(page.getByRole('status').textContent()).resolves.toBe('工作日调整已新增。');
      const row = page.locator('tr', { hasText: date });
      await expect(row.textContent()).resolves.toContain('AGENCY:DQ-GA');
      await expect(row.textContent()).resolves.toContain('庆政办发〔2026〕9号');
      await Promise.all([
        page.waitForLoadState('load'),
        row.getByRole('button', { name: /删除/ }).click(),
      ]);
      await expect(page.getByRole('status').textContent()).resolves.toBe('工作日调整已删除。');
      await expect(page.locator('tr', { hasText: date }).count()).resolves.toBe(0);
      await context.close();
    },
    60_000,
  );

  it.each([true, false])(
    'finds who viewed unmasked personal data in the audit log (JavaScript %s)',
    async (javaScriptEnabled) => {
      const filed = await api()
        .post('/api/v1/requests')
        .set('authorization', `Bearer ${w.tokens.applicant}`)
        .send({
          agencyCode: 'DQ-GA',
          title: `户籍办理指南（${javaScriptEnabled ? 'A' : 'B'}）`,
          description: '申请公开户籍办理指南全文。',
          form: 'electronic',
          deliveryRoute: 'portal',
        });
      expect(filed.status).toBe(201);
      const ref = filed.body.referenceNo as string;
      // The handling clerk opens the case: its personal data unmasked, so audited.
      await api()
        .get(`/api/v1/requests/${filed.body.id as string}`)
        .set('authorization', `Bearer ${w.tokens.clerk}`)
        .expect(200);
      const { context, page } = await admin(javaScriptEnabled, '/admin/audit');
      await page.getByLabel('事件').selectOption('personal-data');
      await submit(page, '筛选');
      expect(new URL(page.url()).searchParams.get('action')).toBe('personal-data');
      const row = page.locator('tr', { hasText: ref });
      await expect(row.textContent()).resolves.toContain('personal-data.viewed');
      await expect(row.textContent()).resolves.toContain(WORLD.staff.clerk.email);
      // The filter keeps only that family: no sign-ins listed.
      await expect(page.locator('tr', { hasText: 'auth.login' }).count()).resolves.toBe(0);
      await context.close();
    },
    60_000,
  );

  it('every administrators’ page is axe-clean and readable at 375 px; 403 and 404 pages too', async () => {
    const context: BrowserContext = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 375, height: 740 },
      // axe-core is injected as an inline script, which the pages' CSP refuses.
      bypassCSP: true,
    });
    const { page, problems } = await watchedPage(context);
    await signIn(page, WORLD.staff.rootAdmin.email, '/admin');
    const pages = [
      '/admin',
      '/admin/agencies',
      '/admin/agencies/DQ-GA',
      '/admin/staff',
      `/admin/staff/${w.ids.clerk}`,
      '/admin/calendar',
      '/admin/audit',
      '/admin/agencies/NO-SUCH',
      '/admin/audit?action=personal-data&lang=en',
      '/admin/staff?lang=zh',
    ];
    for (const path of pages) {
      await page.goto(`${base}${path}`);
      expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect({ path, width }).toEqual({ path, width: 375 });
    }
    // A form refused: the error summary and the marked fields are clean too.
    await page.goto(`${base}/admin/agencies`);
    await page.getByRole('button', { name: '新增下级机关' }).click();
    await page.waitForLoadState('load');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
    // The supervisor reads staff but administers nothing else: the index lists that page only.
    const sup = await browser.newContext({ locale: 'zh-CN', bypassCSP: true });
    const { page: sp } = await watchedPage(sup);
    await signIn(sp, WORLD.staff.parentSupervisor.email, '/admin');
    const links = await sp.locator('main a').allTextContents();
    expect(links).toEqual(['工作人员和角色']);
    expect((await sp.goto(`${base}/admin/agencies`))?.status()).toBe(403);
    expect(await axeViolations(sp)).toEqual([]);
    await expect(sp.locator('main form').count()).resolves.toBe(0);
    await sup.close();
  }, 90_000);
});
