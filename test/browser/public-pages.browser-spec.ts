/// <reference lib="dom" />
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium, listen, watchedPage } from '../utils/browser';
import { seedWorld, type World } from '../utils/fixtures';
import { GA_CONTACT, seedPublicData } from '../utils/public-data';
import { bootTestApp, type TestApp } from '../utils/test-app';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * The public pages in chromium, never signed in: a published report's tables (section 三's
 * merged header cells, a figure equal to the stored JSON), its files downloaded with the stored
 * SHA-256, the guide's tables with the agency's office facts, the live statistics equal to the
 * annual report's figures; axe-clean, nothing scrolls sideways at 375 px, `?lang=en`.
 */
describe('The public pages (chromium)', () => {
  let t: TestApp;
  let w: World;
  let base: string;
  let browser: Browser;
  const storageDir = mkdtempSync(join(tmpdir(), 'govinfo-public-browser-'));
  const api = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await bootTestApp({
      CLOCK: 'fixed',
      CLOCK_FIXED_AT: '2026-03-02T09:00:00+08:00',
      ACCESS_TOKEN_TTL_SECONDS: '31536000',
      RATE_LIMIT_PER_MINUTE: '100000',
      STORAGE_DIR: storageDir,
    });
    w = await seedWorld(t.app);
    await seedPublicData(t, w);
    base = await listen(t);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  const visitor = async (width = 1280) => {
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width, height: 800 },
      acceptDownloads: true,
    });
    return { context, ...(await watchedPage(context)) };
  };
  /** The text of each cell of a table's rows, by the table's caption. */
  const tableRows = (page: Page, caption: string | RegExp) =>
    page
      .getByRole('table', { name: caption })
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')),
      );

  it("renders a published report's tables from the JSON it was published with", async () => {
    const { context, page, problems } = await visitor();
    await page.goto(`${base}/agencies`);
    await page.getByRole('link', { name: '年度报告 大庆市公安局' }).click();
    await page.waitForURL(`${base}/agencies/DQ-GA/reports`);
    await page.getByRole('link', { name: /在线阅读/ }).click();
    await page.waitForURL(`${base}/agencies/DQ-GA/reports/2026`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      '2026年大庆市公安局政府信息公开工作年度报告',
    );
    const three = page.getByRole('table', { name: '三、收到和处理政府信息公开申请情况' });
    for (const header of ['申请人情况', '自然人', '法人或其他组织', '商业企业', '总计'])
      await expect(
        three.getByRole('columnheader', { name: header, exact: true }).count(),
      ).resolves.toBe(1);
    await expect(
      three.getByRole('columnheader', { name: '申请人情况' }).getAttribute('colspan'),
    ).resolves.toBe('7');
    const jsonHref = await page
      .getByRole('link', { name: 'JSON', exact: true })
      .getAttribute('href');
    const json = (await (await context.request.get(`${base}${jsonHref}`)).json()) as {
      applications: Record<string, Record<string, number>>;
    };
    const newRow = await three
      .getByRole('row', { name: /一、本年新收政府信息公开申请数量/ })
      .locator('td')
      .allTextContents();
    expect(newRow.map(Number)).toEqual(
      ['np', 'biz', 'res', 'npo', 'law', 'oth', 'tot'].map((c) => json.applications.new[c]),
    );
    expect(json.applications.new.tot).toBeGreaterThan(0);
    await expect(three.locator('a').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('downloads every file of a version with the SHA-256 stored at publication', async () => {
    const { context, page } = await visitor();
    await page.goto(`${base}/agencies/DQ-GA/reports`);
    const links = page.getByRole('table', { name: /报告版本/ }).locator('a[data-sha256]');
    const files = await links.evaluateAll((as) =>
      as.map((a) => ({
        href: a.getAttribute('href') ?? '',
        sha256: a.getAttribute('data-sha256') ?? '',
        format: a.firstChild?.textContent ?? '',
      })),
    );
    expect(files.map((f) => f.format)).toEqual(['JSON', 'HTML', 'MD', 'XLSX', 'DOCX']);
    const stored = (await api().get('/api/v1/published-reports?agencyCode=DQ-GA').expect(200))
      .body as { reports: Array<{ versions: Array<{ files: Array<{ sha256: string }> }> }> };
    expect(files.map((f) => f.sha256)).toEqual(
      stored.reports[0].versions[0].files.map((f) => f.sha256),
    );
    for (const f of files) {
      if (f.format === 'XLSX' || f.format === 'DOCX') {
        // Served as attachments: the browser saves them.
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.locator(`a[href="${f.href}"]`).click(),
        ]);
        expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${f.format.toLowerCase()}$`));
        expect(sha(readFileSync((await download.path()) ?? ''))).toBe(f.sha256);
      } else {
        const res = await context.request.get(`${base}${f.href}`);
        expect(res.status()).toBe(200);
        expect(sha(await res.body())).toBe(f.sha256);
      }
    }
    await context.close();
  }, 60_000);

  it("shows the guide's office facts and periods as tables, a fact not announced as 未公布", async () => {
    const { context, page } = await visitor();
    await page.goto(`${base}/agencies/DQ-GA/guide`);
    const facts = await tableRows(
      page,
      '政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式',
    );
    expect(facts).toEqual(
      expect.arrayContaining([
        ['工作机构', '大庆市公安局政府信息公开工作机构'],
        ['办公地址', GA_CONTACT.address],
        ['办公时间', GA_CONTACT.officeHours],
        ['联系电话', GA_CONTACT.phone],
        ['电子邮箱', GA_CONTACT.email],
        ['传真', '未公布'],
      ]),
    );
    const periods = await tableRows(page, '办理期限');
    expect(periods[1]).toEqual([
      '不能当场答复的，答复期限（自收到申请之日起）',
      '20个工作日',
      'OGI-2019 Art 33(1) (R-DL-01)',
    ]);
    await context.close();
  });

  it("shows live statistics equal to the annual report's figures for the same agency and year", async () => {
    const { context, page } = await visitor();
    await page.goto(`${base}/agencies/DQ-GA/guide`);
    await page.getByRole('link', { name: '政府信息公开申请办理统计' }).click();
    await page.waitForURL(`${base}/agencies/DQ-GA/statistics`);
    await page.getByLabel('年度', { exact: true }).selectOption('2026');
    await Promise.all([
      page.waitForURL(/year=2026/),
      page.getByRole('button', { name: '查看' }).click(),
    ]);
    const report = (
      await api()
        .get('/api/v1/reports/annual?year=2026&agencyCode=DQ-GA')
        .set('authorization', `Bearer ${w.tokens.reporter}`)
        .expect(200)
    ).body as { applications: Record<string, Record<string, number>> };
    const figures = Object.fromEntries(
      (await tableRows(page, '2026年申请办理主要指标')).map(([label, value]) => [label, value]),
    );
    expect(figures['本年新收申请']).toBe(String(report.applications.new.tot));
    expect(figures['本年办结申请']).toBe(String(report.applications.r_total.tot));
    expect(figures['答复用时（中位数）']).toBe('20个工作日');
    const outcomes = await tableRows(page, /2026年办理结果/);
    const byLabel = Object.fromEntries(outcomes.map(([label, n]) => [label, Number(n)]));
    expect(byLabel['（一）予以公开']).toBe(report.applications.r_open.tot);
    expect(byLabel['（四）无法提供 1.本机关不掌握相关政府信息']).toBe(
      report.applications.r_cant_1.tot,
    );
    expect(byLabel['（七）总计']).toBe(report.applications.r_total.tot);
    // The chart: an image of the same figures, drawn on the server (no script on the page).
    const chart = page.getByRole('img', { name: '办理结果柱状图（数字见下表）' });
    await expect(chart.evaluate((img) => (img as HTMLImageElement).naturalWidth)).resolves.toBe(
      640,
    );
    await context.close();
  });

  it('is axe-clean, never scrolls sideways at 375 px, and reads in English with ?lang=en', async () => {
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 375, height: 740 },
      bypassCSP: true,
    });
    const { page, problems } = await watchedPage(context);
    for (const path of [
      '/agencies',
      '/agencies/DQ-GA/reports',
      '/agencies/DQ-GA/reports/2026',
      '/agencies/DQ-GA/guide',
      '/agencies/DQ-GA/statistics?year=2026',
      '/agencies/DQ/statistics?year=2026&subtree=1',
      '/agencies/DQ-GA/reports/2025',
    ]) {
      await page.goto(`${base}${path}`);
      expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect({ path, width }).toEqual({ path, width: 375 });
    }
    await page.goto(`${base}/agencies/DQ-GA/statistics?year=2026&lang=en`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      'Requests for information: live statistics',
    );
    await expect(page.getByText('First conclusion (D-17)').count()).resolves.toBe(1);
    await page.goto(`${base}/agencies/DQ-GA/reports`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      'Published annual reports',
    );
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);
});
