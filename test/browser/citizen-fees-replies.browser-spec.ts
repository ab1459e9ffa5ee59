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
import { act, fileAsApplicant } from '../utils/requests';
import { bootTestApp, type TestApp } from '../utils/test-app';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PAYMENT = '收款单位 大庆市公安局，账号 0900 1234 5678 0001，附言请填写申请编号。';

/**
 * The rest of the citizen's path: the agency's OGI guide, files with a filing and a correction
 * answer, the fee notice with how to pay and the payment report, the reply with its documents
 * and the remedy windows, and the pages explaining a refusal.
 */
describe('The citizen portal: guide, files, fees, replies and remedies (chromium)', () => {
  let t: TestApp;
  let w: World;
  let base: string;
  let browser: Browser;
  const api = () => request(t.app.getHttpServer());
  const db = () => t.app.get(DataSource);
  const filesOf = async (ref: string) =>
    db().query<Array<{ kind: string; filename: string }>>(
      `SELECT a.kind, a.filename FROM case_attachment a JOIN request_case c ON c.id = a.case_id
        WHERE c.reference_no = $1 ORDER BY a.filename`,
      [ref],
    );
  const signIn = (page: Page) => signInApplicant(page, base);
  /** A request the applicant filed over the API, assigned to the clerk. */
  const fileAndAssign = async (title: string) => {
    const { id, ref } = await fileAsApplicant(t.app, w.tokens.applicant, title);
    await act(t.app, w.tokens.clerk, id, 'assign', { assigneeId: w.ids.clerk }).expect(200);
    return { id, ref };
  };

  beforeAll(async () => {
    t = await bootTestApp({ RATE_LIMIT_PER_MINUTE: '100000', PUBLIC_URL: 'http://127.0.0.1' });
    w = await seedWorld(t.app);
    await api()
      .patch('/api/v1/agencies/DQ-GA')
      .set('authorization', `Bearer ${w.tokens.rootAdmin}`)
      .send({
        channels: ['online', 'in_person', 'fax'],
        address: '大庆市萨尔图区东风路12号',
        officeHours: '法定工作日 8:30—11:30，13:30—17:00',
        phone: '0459-4661111',
        fax: '0459-4661112',
        website: 'https://ga.daqing.gov.cn',
        paymentInstructions: PAYMENT,
        reconsiderationBody: '大庆市人民政府',
        court: '大庆市萨尔图区人民法院',
      })
      .expect(200);
    base = await listen(t);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it.each([true, false])(
    "reads an agency's OGI guide from the directory and files there with a file (JavaScript %s)",
    async (javaScriptEnabled) => {
      const context = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled });
      const { page, problems } = await watchedPage(context);
      await page.goto(`${base}/agencies`);
      await page.getByRole('link', { name: '大庆市公安局 政府信息公开指南' }).click();
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        '大庆市公安局政府信息公开指南',
      );
      const office = (await page.locator('#guide-office').textContent()) ?? '';
      for (const fact of ['东风路12号', '8:30—11:30', '0459-4661111', '0459-4661112'])
        expect(office).toContain(fact);
      const main = (await page.textContent('main')) ?? '';
      expect(main).toContain('传真'); // an announced channel
      expect(main).toContain('20个工作日内答复');
      expect(main).toContain(PAYMENT);
      await signIn(page);
      await page.goto(`${base}/agencies/DQ-GA/guide`);
      await page.getByRole('link', { name: '向本机关提出申请' }).click();
      await expect(page.getByLabel('向哪个行政机关申请 *').inputValue()).resolves.toBe('DQ-GA');
      await expect(page.locator('#agency-guide').textContent()).resolves.toContain('0459-4661112');
      const title = `2026年大庆市交通违法处理流程（${javaScriptEnabled ? 'A' : 'B'}）`;
      await page.getByLabel('申请内容 *').fill(title);
      await page.getByLabel('所需信息的内容描述 *').fill('申请公开处理流程全文。');
      // A file of a type the office cannot open is refused next to its field, nothing filed.
      await page.getByLabel('附件').setInputFiles({
        name: 'run.exe',
        mimeType: 'application/octet-stream',
        buffer: Buffer.from('MZ'),
      });
      await page.getByRole('button', { name: '提交' }).click();
      await expect(
        page.getByRole('alert').locator('a[href="#files"]').textContent(),
      ).resolves.toContain('文件类型不受支持');
      await page.getByLabel('申请内容 *').fill(title);
      await page.getByLabel('所需信息的内容描述 *').fill('申请公开处理流程全文。');
      await page
        .getByLabel('附件')
        .setInputFiles({ name: '身份证明.pdf', mimeType: 'application/pdf', buffer: PDF });
      const hidden = (name: string) => page.locator(`#main input[name="${name}"]`).inputValue();
      const resubmit = {
        _csrf: await hidden('_csrf'),
        idempotencyKey: await hidden('idempotencyKey'),
        agencyCode: 'DQ-GA',
        title,
        description: '申请公开处理流程全文。',
        form: 'electronic',
        deliveryRoute: 'portal',
        files: { name: '身份证明.pdf', mimeType: 'application/pdf', buffer: PDF },
      };
      await page.getByRole('button', { name: '提交' }).click();
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        '申请已提交',
      );
      const ref = /DQ-GA-2026-\d{6}/.exec(
        (await page.textContent('dl.facts')) ?? '',
      )?.[0] as string;
      expect(await filesOf(ref)).toEqual([
        { kind: 'applicant_document', filename: '身份证明.pdf' },
      ]);
      // The same form sent again (a lost answer, a resend) files nothing new and adds no file.
      const again = await context.request.post(`${base}/my/requests/new`, {
        multipart: resubmit,
      });
      expect(await again.text()).toContain('申请已提交');
      expect(await filesOf(ref)).toEqual([
        { kind: 'applicant_document', filename: '身份证明.pdf' },
      ]);
      await page.goto(`${base}/my/requests/${ref}`);
      await expect(page.locator('ul.files').textContent()).resolves.toContain('身份证明.pdf');
      expect(problems).toEqual([]);
      await context.close();
    },
    60_000,
  );

  it('answers a correction notice with a file (JavaScript off)', async () => {
    const { id, ref } = await fileAndAssign('2026年大庆市户籍业务办理指南');
    const periodEnd = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
    await act(t.app, w.tokens.clerk, id, 'request-correction', {
      what: '请提供身份证明。',
      periodEnd,
    }).expect(200);
    const context = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false });
    const { page, problems } = await watchedPage(context);
    await signIn(page);
    await page.goto(`${base}/my/requests/${ref}`);
    await page.getByLabel('补正内容 *').fill('已附身份证明。');
    await page
      .getByLabel('附件')
      .setInputFiles({ name: '补正材料.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: '提交补正' }).click();
    await page.waitForURL(`${base}/my/requests/${ref}`);
    await expect(page.locator('ol.timeline').textContent()).resolves.toContain('补正');
    expect(await filesOf(ref)).toEqual([{ kind: 'applicant_document', filename: '补正材料.pdf' }]);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it.each([true, false])(
    'sees a fee notice with the amount and how to pay, and reports the payment (JavaScript %s)',
    async (javaScriptEnabled) => {
      const { id, ref } = await fileAndAssign(`2026年大庆市治安案件统计（${javaScriptEnabled}）`);
      await act(t.app, w.tokens.clerk, id, 'issue-fee-notice', {
        method: 'per-volume',
        pages: 40,
      }).expect(200);
      const context = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled });
      const { page, problems } = await watchedPage(context);
      await signIn(page);
      await page.goto(`${base}/my/requests/${ref}`);
      const fee = page.locator('#fee');
      // While the fee pauses the clock the due date is not known yet, and the page says why.
      await expect(page.locator('dl.facts').first().textContent()).resolves.toContain('暂停计时中');
      await expect(fee.textContent()).resolves.toContain('100 元'); // pages 31–40 at 10 yuan
      await expect(fee.textContent()).resolves.toContain(PAYMENT);
      // The fee notice itself prints the same instructions (the agency's data).
      await page.getByRole('link', { name: /查看.*收费通知/ }).click();
      await expect(page.textContent('body')).resolves.toContain(PAYMENT);
      await page.goBack();
      await page.getByRole('button', { name: '报告已缴费' }).click();
      await expect(page.getByRole('alert').locator('a[href="#paidOn"]').count()).resolves.toBe(1);
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      await page.getByLabel('缴费日期 *').fill(today);
      await page.getByLabel('缴费凭证信息').fill('转账流水号 20261201001');
      await page.getByRole('button', { name: '报告已缴费' }).click();
      await page.waitForURL(`${base}/my/requests/${ref}`);
      await expect(fee.textContent()).resolves.toContain('等待行政机关确认');
      await expect(page.getByRole('button', { name: '报告已缴费' }).count()).resolves.toBe(0);
      const [row] = await db().query<Array<{ reported_paid_on: string }>>(
        `SELECT reported_paid_on::text FROM case_fee_notice WHERE case_id = $1`,
        [id],
      );
      expect(row.reported_paid_on).toBe(today);
      expect(problems).toEqual([]);
      await context.close();
    },
    60_000,
  );

  it.each([true, false])(
    'sees the reply, downloads its letter and document, and the remedy windows with bodies and last days (JavaScript %s)',
    async (javaScriptEnabled) => {
      const { id, ref } = await fileAndAssign(
        `2026年大庆市交通信号灯设置方案（${javaScriptEnabled}）`,
      );
      await api()
        .post(`/api/v1/requests/${id}/attachments`)
        .set('authorization', `Bearer ${w.tokens.clerk}`)
        .field('kind', 'reply_document')
        .attach('file', PDF, { filename: '设置方案.pdf', contentType: 'application/pdf' })
        .expect(201);
      await act(t.app, w.tokens.clerk, id, 'reply', {
        replyType: 'PARTIAL_REDACTED',
        withheld: [
          { item: '第三方联系电话', reason: '个人隐私', basis: '《政府信息公开条例》第十五条' },
        ],
      }).expect(200);
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      const context = await browser.newContext({
        locale: 'zh-CN',
        acceptDownloads: true,
        javaScriptEnabled,
      });
      const { page, problems } = await watchedPage(context);
      await signIn(page);
      await page.goto(`${base}/my/requests/${ref}`);
      await expect(page.locator('#reply').textContent()).resolves.toContain('部分公开');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: '设置方案.pdf' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('设置方案.pdf');
      // The windows run from delivery: until it is recorded the page says so.
      await expect(page.locator('#reply').textContent()).resolves.toContain('答复送达后');
      await act(t.app, w.tokens.clerk, id, 'record-service', {
        method: 'in_person',
        servedOn: today,
        deliveredOn: today,
      }).expect(200);
      await page.reload();
      const remedies = (await page.locator('#remedies').textContent()) ?? '';
      // A partial disclosure withholds information: reconsideration comes first (since 2024),
      // before the agency's reconsideration body; no direct suit is offered.
      expect(remedies).toContain('大庆市人民政府');
      expect(remedies).not.toContain('大庆市萨尔图区人民法院');
      expect(remedies).toMatch(/20\d\d-\d\d-\d\d/);
      await page
        .getByRole('link', { name: /查看.*答复/ })
        .first()
        .click();
      await expect(page.locator('h1.title').textContent()).resolves.toContain('答复');
      expect(problems).toEqual([]);
      await context.close();
    },
    60_000,
  );

  it('the guide and a request page with fee, reply and remedies fit 375 px, also in large type', async () => {
    const { id, ref } = await fileAndAssign('2026年大庆市道路施工许可清单');
    await act(t.app, w.tokens.clerk, id, 'reply', { replyType: 'DISCLOSED' }).expect(200);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await act(t.app, w.tokens.clerk, id, 'record-service', {
      method: 'in_person',
      servedOn: today,
      deliveredOn: today,
    }).expect(200);
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 375, height: 740 },
    });
    const page = await context.newPage();
    await signIn(page);
    for (const size of ['normal', 'large'])
      for (const path of ['/agencies', '/agencies/DQ-GA/guide', `/my/requests/${ref}`]) {
        await page.goto(`${base}${path}?size=${size}`);
        await expect(
          page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
        ).resolves.toBe(true);
      }
    await expect(page.locator('#remedies').count()).resolves.toBe(1);
    await context.close();
  }, 60_000);

  it('a refused action links to the page explaining its reason code', async () => {
    const { ref } = await fileAndAssign('2026年大庆市警务公开目录');
    const context = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false });
    const { page } = await watchedPage(context);
    await signIn(page);
    await page.goto(`${base}/my/requests/${ref}`);
    const form = await page.locator('form[action$="/withdraw"] input[name=_csrf]').inputValue();
    // The clerk replied meanwhile: withdrawing now is refused by the transition table.
    const c = await db().query<Array<{ id: string }>>(
      `SELECT id FROM request_case WHERE reference_no = $1`,
      [ref],
    );
    await act(t.app, w.tokens.clerk, c[0].id, 'reply', { replyType: 'DISCLOSED' }).expect(200);
    const res = await context.request.post(`${base}/my/requests/${ref}/withdraw`, {
      form: { _csrf: form },
    });
    expect(res.status()).toBe(400);
    await page.setContent(await res.text());
    const href = await page.getByRole('link', { name: '原因说明' }).getAttribute('href');
    expect(href).toMatch(/^\/problems\/[a-z-]+$/);
    await page.goto(`${base}${href}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.not.toBe('');
    await expect(page.locator('dl.facts').textContent()).resolves.toContain('409');
    await context.close();
  }, 60_000);

  it('an error on a portal address is a readable page linking to its reason; the API keeps problem details', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', bypassCSP: true });
    const page = await context.newPage();
    const res = await page.goto(`${base}/no-such-page`);
    expect(res?.status()).toBe(404);
    expect(res?.headers()['content-type']).toContain('text/html');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('未找到');
    await expect(page.getByRole('link', { name: 'not-found' }).getAttribute('href')).resolves.toBe(
      '/problems/not-found',
    );
    expect(await axeViolations(page)).toEqual([]);
    const apiRes = await page.goto(`${base}/api/v1/no-such-thing`);
    expect(apiRes?.headers()['content-type']).toContain('application/problem+json');
    await context.close();
  });

  it('the guide, directory, problem and request pages have no serious or critical accessibility violation', async () => {
    const { id, ref } = await fileAndAssign('2026年大庆市出入境办理须知');
    await act(t.app, w.tokens.clerk, id, 'issue-fee-notice', {
      method: 'per-volume',
      pages: 40,
    }).expect(200);
    const context = await browser.newContext({ locale: 'zh-CN', bypassCSP: true });
    const page = await context.newPage();
    const found: Record<string, string[]> = {};
    const check = async (path: string) => {
      await page.goto(`${base}${path}`);
      const v = await axeViolations(page);
      if (v.length) found[path] = v;
    };
    for (const path of [
      '/agencies',
      '/agencies/DQ-GA/guide',
      '/problems',
      '/problems/action-not-allowed-in-state',
      '/agencies/DQ-GA/guide?lang=en',
      '/agencies?lang=zh',
    ])
      await check(path);
    await signIn(page);
    await check(`/my/requests/${ref}`);
    await check('/my/requests/new?agencyCode=DQ-GA');
    expect(found).toEqual({});
    await context.close();
  }, 90_000);
});
