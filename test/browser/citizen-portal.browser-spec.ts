/// <reference lib="dom" />
import request from 'supertest';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { PASSWORD, seedWorld, WORLD, type World } from '../utils/fixtures';
import { axeViolations, launchChromium, listen, watchedPage } from '../utils/browser';
import { CONTENT, intake } from '../utils/requests';
import { bootTestApp, type TestApp } from '../utils/test-app';

describe('The citizen portal in a real browser (chromium)', () => {
  let t: TestApp;
  let w: World;
  let base: string;
  let browser: Browser;
  let tracked: { referenceNo: string; trackingCode: string; title: string };
  let own: { referenceNo: string };

  const open = async (options: BrowserContextOptions = {}) => {
    const context = await browser.newContext({ locale: 'zh-CN', ...options });
    return { context, ...(await watchedPage(context)) };
  };

  beforeAll(async () => {
    // The system clock (a browser drops a session cookie that expired by its own clock), and
    // plain http: the session cookie is Secure only behind an https PUBLIC_URL.
    t = await bootTestApp({
      RATE_LIMIT_PER_MINUTE: '100000',
      ACCESS_TOKEN_TTL_SECONDS: '31536000',
      PUBLIC_URL: 'http://127.0.0.1',
    });
    w = await seedWorld(t.app);
    await request(t.app.getHttpServer())
      .patch('/api/v1/agencies/DQ-GA')
      .set('authorization', `Bearer ${w.tokens.rootAdmin}`)
      .send({ channels: ['online', 'in_person'] })
      .expect(200);
    const c = await intake(t.app, w.tokens.clerk, { submittedAt: new Date().toISOString() });
    tracked = {
      referenceNo: c.referenceNo as string,
      trackingCode: c.trackingCode as string,
      title: c.title as string,
    };
    const filed = await request(t.app.getHttpServer())
      .post('/api/v1/requests')
      .set('authorization', `Bearer ${w.tokens.applicant}`)
      .send({ ...CONTENT, title: '2026年大庆市道路养护计划' })
      .expect(201);
    own = { referenceNo: filed.body.referenceNo as string };
    base = await listen(t);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it.each([true, false])(
    'tracks a request without signing in and opens its receipt (JavaScript %s)',
    async (javaScriptEnabled) => {
      const { context, page, problems } = await open({ javaScriptEnabled });
      await page.goto(`${base}/`);
      await page.getByRole('link', { name: '查询办理进度' }).first().click();
      await page.getByLabel('受理编号').fill(tracked.referenceNo);
      await page.getByLabel('查询码').fill(tracked.trackingCode);
      await page.getByRole('button', { name: '查询' }).click();
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        tracked.title,
      );
      await expect(page.locator('dl.facts').textContent()).resolves.toContain('已收到');
      await page.getByRole('button', { name: /查看/ }).first().click();
      await expect(page.locator('h1.title').textContent()).resolves.toBe(
        '政府信息公开申请登记回执',
      );
      expect(problems).toEqual([]); // no CSP violation, no script error
      await context.close();
    },
  );

  it('a wrong or empty tracking form shows an error summary at the top, linking to each field', async () => {
    const { context, page } = await open();
    await page.goto(`${base}/track`);
    await page.getByRole('button', { name: '查询' }).click();
    const summary = page.getByRole('alert');
    await expect(summary.textContent()).resolves.toContain('请填写受理编号');
    await summary.getByRole('link', { name: '请填写受理编号' }).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('referenceNo');
    await page.getByLabel('受理编号').fill(tracked.referenceNo);
    await page.getByLabel('查询码').fill('AAAA-BBBB-CCCCC');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('受理编号与查询码不符');
    await context.close();
  });

  it('signs in, lists my requests, opens one and its letter, signs out', async () => {
    const { context, page, problems } = await open();
    await page.goto(`${base}/my/requests`);
    expect(new URL(page.url()).pathname).toBe('/signin');
    await page.getByLabel('电子邮箱').fill(WORLD.applicants.applicant.email);
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('邮箱或密码不正确');
    await page.getByLabel('密码').fill(PASSWORD);
    await Promise.all([
      page.waitForURL(`${base}/my/requests`),
      page.getByRole('button', { name: '登录', exact: true }).click(),
    ]);
    await page.getByRole('link', { name: own.referenceNo }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      '2026年大庆市道路养护计划',
    );
    await page.getByRole('link', { name: /查看/ }).first().click();
    await expect(page.locator('h1.title').textContent()).resolves.toBe('政府信息公开申请登记回执');
    await page.goBack();
    await Promise.all([
      page.waitForURL(`${base}/`),
      page.getByRole('button', { name: '退出登录' }).click(),
    ]);
    await page.goto(`${base}/my/requests`);
    expect(new URL(page.url()).pathname).toBe('/signin');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is keyboard-first: the first Tab reaches the skip link, which moves focus to the content', async () => {
    const { context, page } = await open();
    await page.goto(`${base}/track`);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      '跳到主要内容',
    );
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await context.close();
  });

  it('fits 375 px without horizontal scrolling, and large type has ≥ 18 px text and ≥ 44 px targets', async () => {
    const { context, page } = await open({ viewport: { width: 375, height: 740 } });
    for (const path of ['/', '/track', '/signin']) {
      await page.goto(`${base}${path}`);
      await expect(
        page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      ).resolves.toBe(true);
    }
    await page.goto(`${base}/track?size=large`);
    const sizes = await page.evaluate(() => ({
      font: parseFloat(getComputedStyle(document.body).fontSize),
      button: document.querySelector('main button')?.getBoundingClientRect().height ?? 0,
      input: document.querySelector('main input:not([type=hidden])')?.getBoundingClientRect()
        .height,
    }));
    expect(sizes.font).toBeGreaterThanOrEqual(18);
    expect(sizes.button).toBeGreaterThanOrEqual(44);
    expect(sizes.input).toBeGreaterThanOrEqual(44);
    await page.goto(`${base}/track?lang=en`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Track a request',
    );
    // The request's status and timeline read in English too (the legal labels stay Chinese).
    await page.getByLabel('Reference number').fill(tracked.referenceNo);
    await page.getByLabel('Tracking code').fill(tracked.trackingCode);
    await page.locator('main form button[type=submit]').click();
    await page.waitForLoadState('load');
    await expect(page.locator('dl.facts').textContent()).resolves.toContain('Received');
    await expect(page.locator('main').textContent()).resolves.not.toContain('已收到');
    await context.close();
  });

  it('has no serious or critical accessibility violation (axe-core) on any page', async () => {
    const { context, page } = await open({ bypassCSP: true });
    const found: Record<string, string[]> = {};
    const check = async (label: string) => {
      const v = await axeViolations(page);
      if (v.length) found[label] = v;
    };
    for (const path of ['/', '/track', '/signin', '/track?size=large', '/track?lang=en']) {
      await page.goto(`${base}${path}`);
      await check(path);
    }
    await page.goto(`${base}/track?lang=zh`);
    await page.getByRole('button', { name: '查询' }).click();
    await check('track with errors');
    await page.getByLabel('受理编号').fill(tracked.referenceNo);
    await page.getByLabel('查询码').fill(tracked.trackingCode);
    await page.getByRole('button', { name: '查询' }).click();
    await check('tracked case');
    await page.goto(`${base}/signin`);
    await page.getByLabel('电子邮箱').fill(WORLD.applicants.applicant.email);
    await page.getByLabel('密码').fill(PASSWORD);
    await Promise.all([
      page.waitForURL(`${base}/my/requests`),
      page.getByRole('button', { name: '登录', exact: true }).click(),
    ]);
    await check('my requests');
    await page.getByRole('link', { name: own.referenceNo }).click();
    await check('my request');
    expect(found).toEqual({});
    await context.close();
  }, 120_000);
});
