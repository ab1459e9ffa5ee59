/// <reference lib="dom" />
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import {
  axeViolations,
  launchChromium,
  listen,
  signInApplicant,
  watchedPage,
} from '../utils/browser';
import { seedWorld, type World } from '../utils/fixtures';
import { bootTestApp, type TestApp } from '../utils/test-app';

describe('A citizen files a request on the portal (chromium)', () => {
  let t: TestApp;
  let w: World;
  let base: string;
  let browser: Browser;
  const casesOf = async (title: string) =>
    (
      await t.app
        .get(DataSource)
        .query<Array<{ n: number }>>(
          `SELECT count(*)::int AS n FROM request_case WHERE title = $1`,
          [title],
        )
    )[0].n;
  const signIn = (page: Page) => signInApplicant(page, base);

  beforeAll(async () => {
    t = await bootTestApp({ RATE_LIMIT_PER_MINUTE: '100000', PUBLIC_URL: 'http://127.0.0.1' });
    w = await seedWorld(t.app);
    await request(t.app.getHttpServer())
      .patch('/api/v1/agencies/DQ-GA')
      .set('authorization', `Bearer ${w.tokens.rootAdmin}`)
      .send({ channels: ['online', 'in_person'] })
      .expect(200);
    base = await listen(t);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it.each([true, false])(
    'files with every OGI-2019 field, errors first, then the confirmation with reference, tracking code and dates (JavaScript %s)',
    async (javaScriptEnabled) => {
      const title = `2026年大庆市公交线路调整方案（${javaScriptEnabled ? 'A' : 'B'}）`;
      const context = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled });
      const { page, problems } = await watchedPage(context);
      await signIn(page);
      await page.getByRole('link', { name: '提出政府信息公开申请' }).first().click();
      await page.getByRole('button', { name: '提交' }).click();
      const summary = page.getByRole('alert');
      for (const field of ['agencyCode', 'title', 'description'])
        await expect(summary.locator(`a[href="#${field}"]`).count()).resolves.toBe(1);
      await page.getByLabel('向哪个行政机关申请 *').selectOption('DQ-GA');
      await page.getByLabel('申请内容 *').fill(title);
      await page.getByLabel('文号').fill('庆交发〔2026〕3号');
      await page.getByLabel('所需信息的内容描述 *').fill('申请公开该方案全文及听证意见汇总。');
      await page.getByLabel('纸质').check();
      await page.getByLabel('电子邮件').check();
      const hidden = async (name: string) =>
        page.locator(`#main input[name="${name}"]`).inputValue();
      const resubmit = {
        _csrf: await hidden('_csrf'),
        idempotencyKey: await hidden('idempotencyKey'),
        agencyCode: 'DQ-GA',
        title,
        docNo: '庆交发〔2026〕3号',
        description: '申请公开该方案全文及听证意见汇总。',
        form: 'paper',
        deliveryRoute: 'email',
      };
      await page.getByRole('button', { name: '提交' }).click();
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        '申请已提交',
      );
      const facts = (await page.locator('dl.facts').textContent()) ?? '';
      expect(facts).toMatch(/DQ-GA-2026-\d{6}/);
      expect(facts).toContain('大庆市公安局');
      await expect(page.locator('.tracking-code').textContent()).resolves.toMatch(
        /^[A-Z0-9-]{13,20}$/,
      );
      await expect(page.textContent('main')).resolves.toContain('20个工作日内答复');
      // The same form submitted again (a double click, a resend) files nothing new.
      const again = await context.request.post(`${base}/my/requests/new`, { form: resubmit });
      expect(again.status()).toBe(200);
      expect(await again.text()).toContain('申请已提交');
      expect(await casesOf(title)).toBe(1);
      expect(problems).toEqual([]);
      await context.close();
    },
    60_000,
  );

  it('files with the keyboard only', async () => {
    const title = '2026年大庆市路灯维护合同';
    const context = await browser.newContext({ locale: 'zh-CN' });
    const { page } = await watchedPage(context);
    await signIn(page);
    await page.goto(`${base}/my/requests/new`);
    await page.locator('#agencyCode').focus();
    await page.keyboard.press('ArrowDown'); // the first agency accepting online requests
    // The chosen agency's guide appears beside the list, with a link to the whole guide.
    await page.locator('#agency-guide').waitFor();
    await page.keyboard.press('Tab'); // the link to the agencies' guides
    await page.keyboard.press('Tab'); // the link to the chosen agency's guide
    await page.keyboard.press('Tab');
    await page.keyboard.type(title);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('申请公开合同全文。');
    await page.keyboard.press('Enter'); // a new line in the description, not a submit
    await page.keyboard.press('Tab'); // the first choice of form (checked)
    await page.keyboard.press('Tab'); // the first route (checked)
    await page.keyboard.press('Tab'); // the file chooser (no file)
    await page.keyboard.press('Tab'); // the submit button
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: '申请已提交' }).waitFor();
    expect(await casesOf(title)).toBe(1);
    await context.close();
  }, 60_000);

  it('answers a correction notice with text, then withdraws, from the request page (JavaScript off)', async () => {
    const filed = await request(t.app.getHttpServer())
      .post('/api/v1/requests')
      .set('authorization', `Bearer ${w.tokens.applicant}`)
      .send({
        agencyCode: 'DQ-GA',
        title: '2026年大庆市停车场收费标准',
        description: '申请公开收费标准。',
        form: 'electronic',
        deliveryRoute: 'portal',
      })
      .expect(201);
    const ref = filed.body.referenceNo as string;
    const periodEnd = new Date(Date.now() + 21 * 86_400_000 + 8 * 3_600_000)
      .toISOString()
      .slice(0, 10);
    await request(t.app.getHttpServer())
      .post(`/api/v1/requests/${filed.body.id as string}/request-correction`)
      .set('authorization', `Bearer ${w.tokens.clerk}`)
      .send({ what: '请写明所需收费标准的年份。', periodEnd })
      .expect(200);
    const context = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false });
    const { page, problems } = await watchedPage(context);
    await signIn(page);
    await page.goto(`${base}/my/requests/${ref}`);
    await expect(page.locator('dl.facts').textContent()).resolves.toContain('待补正');
    await page.getByRole('button', { name: '提交补正' }).click();
    await expect(page.getByRole('alert').locator('a[href="#correction"]').count()).resolves.toBe(1);
    await page.getByLabel('补正内容 *').fill('所需为2026年度的收费标准。');
    await page.getByRole('button', { name: '提交补正' }).click();
    await page.waitForURL(`${base}/my/requests/${ref}`);
    await expect(page.getByRole('button', { name: '提交补正' }).count()).resolves.toBe(0);
    await expect(page.locator('ol.timeline').textContent()).resolves.toContain('补正');
    await page.getByLabel('撤回理由（可不填）').fill('已从其他渠道获得。');
    await page.getByRole('button', { name: '撤回申请' }).click();
    await page.waitForURL(`${base}/my/requests/${ref}`);
    await expect(page.locator('dl.facts').first().textContent()).resolves.toContain('已撤回');
    await expect(page.locator('#reply').count()).resolves.toBe(0); // a withdrawal is no reply
    await expect(page.locator('table').textContent()).resolves.toContain(
      '政府信息公开申请撤回确认书',
    );
    await expect(page.getByRole('button', { name: '撤回申请' }).count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('the filing pages have no serious or critical accessibility violation', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', bypassCSP: true });
    const page = await context.newPage();
    await signIn(page);
    const found: Record<string, string[]> = {};
    await page.goto(`${base}/my/requests/new`);
    let v = await axeViolations(page);
    if (v.length) found.form = v;
    await page.getByRole('button', { name: '提交' }).click();
    v = await axeViolations(page);
    if (v.length) found['form with errors'] = v;
    expect(found).toEqual({});
    await context.close();
  }, 60_000);
});
