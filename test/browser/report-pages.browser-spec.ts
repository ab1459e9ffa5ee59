/// <reference lib="dom" />
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { HistoricalImport } from '../../src/modules/requests/historical-import.service';
import { axeViolations, launchChromium, listen, signInAs, watchedPage } from '../utils/browser';
import { seedWorld, WORLD, type World } from '../utils/fixtures';
import { bootTestApp, type TestApp } from '../utils/test-app';

/** Historical cases of DQ-GA (one JSON line each), as the import command takes them. */
const line = (ref: string, receivedOn: string, applicantType: string, repliedOn?: string) =>
  JSON.stringify({
    agencyCode: 'DQ-GA',
    externalRef: ref,
    receivedOn,
    channel: 'post',
    applicantType,
    subject: `申请 ${ref}`,
    replyType: repliedOn ? 'DISCLOSED' : null,
    repliedOn: repliedOn ?? null,
  });

/**
 * The reporting officer's pages: section 二 entered (a bad cell refused next to it, then saved,
 * saying which rows changed); a figure opened to its cases; R-AR-15 failing after a late import
 * into last year, naming the case, fixed by publishing last year's correction from the pages;
 * review by the supervisor, publication by the officer, the version listed; exports; axe-clean
 * and readable at 375 px; a clerk gets 403, a visitor without a session the sign-in page.
 */
describe("The reporting officer's pages (chromium)", () => {
  let t: TestApp;
  let w: World;
  let base: string;
  let browser: Browser;
  const storageDir = mkdtempSync(join(tmpdir(), 'govinfo-report-pages-'));
  const api = () => request(t.app.getHttpServer());
  const refOf = async (externalRef: string) =>
    (
      await t.app
        .get(DataSource)
        .query<Array<{ reference_no: string }>>(
          `SELECT reference_no FROM request_case WHERE external_ref = $1`,
          [externalRef],
        )
    )[0].reference_no;

  beforeAll(async () => {
    t = await bootTestApp({
      CLOCK: 'fixed',
      CLOCK_FIXED_AT: '2027-02-01T09:00:00+08:00',
      ACCESS_TOKEN_TTL_SECONDS: '31536000',
      RATE_LIMIT_PER_MINUTE: '100000',
      STORAGE_DIR: storageDir,
    });
    w = await seedWorld(t.app);
    await t.app
      .get(HistoricalImport)
      .import(
        [
          line('A-2025-1', '2025-03-01', 'np', '2025-03-10'),
          line('A-2025-2', '2025-11-20', 'biz'),
          line('A-2026-1', '2026-02-01', 'np', '2026-02-15'),
          line('A-2026-2', '2026-05-01', 'np'),
          line('A-2026-3', '2026-06-01', 'res', '2026-06-20'),
        ].join('\n'),
      );
    // 2025 published before a late import changes it.
    const key = { year: 2025, agencyCode: 'DQ-GA' };
    const step = (action: string, who: 'parentSupervisor' | 'reporter') =>
      api()
        .post(`/api/v1/reports/annual/${action}`)
        .set('authorization', `Bearer ${w.tokens[who]}`)
        .send(key)
        .expect(200);
    await step('review', 'parentSupervisor');
    await step('publish', 'reporter');
    await t.app.get(HistoricalImport).import(line('LATE-1', '2025-12-30', 'npo'));
    base = await listen(t);
    browser = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  const signedIn = async (who: 'reporter' | 'parentSupervisor' | 'clerk', next: string) => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const { page, problems } = await watchedPage(context);
    await page.goto(`${base}${next}`);
    await page.waitForURL(`${base}/signin?next=${encodeURIComponent(next)}`);
    await signInAs(page, base, WORLD.staff[who].email, next, {
      from: page.url().slice(base.length),
    });
    return { context, page, problems };
  };
  /**
   * Runs `act` (a click that navigates) and waits for the next document to load: the current one
   * is marked first, so a page that answers at the same address is not mistaken for the old one.
   */
  const navigates = async (page: Page, act: () => Promise<void>) => {
    await page.evaluate(() => {
      (window as unknown as { stale?: boolean }).stale = true;
    });
    await act();
    await page.waitForFunction(() => !(window as unknown as { stale?: boolean }).stale);
    await page.waitForLoadState('load');
  };
  const submit = (page: Page, name: string | RegExp) =>
    navigates(page, () =>
      page.getByRole('button', { name, exact: typeof name === 'string' }).click(),
    );
  const status = (page: Page) => page.getByRole('status').textContent();

  it('enters section 二, opens a figure’s cases, fixes R-AR-15 through last year’s correction, and publishes', async () => {
    const { context, page, problems } = await signedIn('reporter', '/reports');
    // Last year (2026) by default, DQ-GA within reach with its status.
    await expect(page.locator('#year').inputValue()).resolves.toBe('2026');
    const row = page.locator('tr', { hasText: '大庆市公安局' });
    await expect(row.textContent()).resolves.toContain('草稿');
    await navigates(page, () => row.getByRole('link').click());
    expect(new URL(page.url()).pathname).toBe('/reports/DQ-GA/2026');

    // Section 二: a bad cell is refused next to it and nothing is saved; then saved.
    await page.getByLabel('规章 本年制发件数').fill('三件');
    await page.getByLabel('行政许可 本年处理决定数量').fill('1200');
    await submit(page, '保存主动公开数据');
    const made = page.locator('#fig-rules-made');
    await expect(made.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#fig-rules-made-error').textContent()).resolves.toBeTruthy();
    await expect(
      page.getByRole('alert').locator('a[href="#fig-rules-made"]').count(),
    ).resolves.toBe(1);
    await expect(page.getByLabel('行政许可 本年处理决定数量').inputValue()).resolves.toBe('1200');
    const figures = async () =>
      (
        await api()
          .get('/api/v1/proactive/figures?year=2026&agencyCode=DQ-GA')
          .set('authorization', `Bearer ${w.tokens.reporter}`)
          .expect(200)
      ).body.figures as Record<string, Record<string, unknown>>;
    expect((await figures()).licensing.decisions).toBe(0);
    await made.fill('/');
    await page.getByLabel('规章 本年废止件数').fill('/');
    await page.getByLabel('规章 现行有效件数').fill('/');
    await submit(page, '保存主动公开数据');
    // Entered for the first time: every row of the format is saved.
    await expect(status(page)).resolves.toContain('规章、行政规范性文件、行政许可');
    const saved = await figures();
    expect(saved.rules).toEqual({ made: '/', abolished: '/', inForce: '/' });
    expect(saved.licensing.decisions).toBe(1200);
    await expect(page.getByLabel('规章 本年制发件数').inputValue()).resolves.toBe('/');
    // Saved again with one cell changed: only that row is said to have changed.
    await page.getByLabel('行政处罚 本年处理决定数量').fill('35');
    await submit(page, '保存主动公开数据');
    await expect(status(page)).resolves.toBe('主动公开数据已保存。 已修改的行：行政处罚');
    expect((await figures()).penalty.decisions).toBe(35);

    // A figure of section 三 opens its cases: 新收, 自然人 = A-2026-1 and A-2026-2.
    const newNp = page.locator('a[href="/reports/DQ-GA/2026/cells/three/new/np"]');
    await expect(newNp.textContent()).resolves.toBe('2');
    await navigates(page, () => newNp.click());
    await expect(page.locator('#cell-value').textContent()).resolves.toBe('2');
    const listed = await page.locator('table.cell-items tbody a').allTextContents();
    expect(listed).toEqual([await refOf('A-2026-1'), await refOf('A-2026-2')].sort());
    expect(await page.textContent('main')).toContain('一、本年新收政府信息公开申请数量');
    await page.goBack();

    // The narrative: section 一 saved (marked saved).
    await page.locator('#narrative-overview').fill('2026年，大庆市公安局认真贯彻落实《条例》。');
    await submit(page, /保存本部分 一、总体情况/);
    await expect(status(page)).resolves.toBe('文字部分已保存。');
    await expect(page.locator('label[for="narrative-overview"]').textContent()).resolves.toContain(
      '已保存',
    );

    // R-AR-15 fails, naming the late case (linked to its case page), and says how to fix it.
    const late = await refOf('LATE-1');
    const check = page.locator('#check-R-AR-15');
    await expect(check.textContent()).resolves.toContain('未通过');
    await expect(check.getByRole('link', { name: late }).getAttribute('href')).resolves.toBe(
      `/staff/cases/${late}`,
    );
    expect(problems).toEqual([]);

    // The supervisor reviews 2026; publishing it is refused while R-AR-15 fails (409).
    const sup = await signedIn('parentSupervisor', '/reports/DQ-GA/2026');
    await expect(sup.page.locator('#fig-rules-made').getAttribute('readonly')).resolves.toBe('');
    await submit(sup.page, '审核通过');
    await expect(status(sup.page)).resolves.toBe('报告已审核通过。');
    await expect(sup.page.getByRole('button', { name: '发布' }).count()).resolves.toBe(0);
    await page.reload();
    const answered = page.waitForResponse((r) => r.url().endsWith('/publication/publish'));
    await submit(page, '发布');
    const refused = await answered;
    expect(refused.status()).toBe(409);
    const alert = page.getByRole('alert');
    await expect(alert.textContent()).resolves.toContain('R-AR-15');
    await expect(alert.locator('a[href="/problems/report-checks-failing"]').count()).resolves.toBe(
      1,
    );

    // The fix: last year's report, corrected (a note is required), reviewed, published as v2.
    await navigates(page, () =>
      page.locator('#check-R-AR-15').getByRole('link', { name: '打开上年度报告进行更正' }).click(),
    );
    expect(new URL(page.url()).pathname).toBe('/reports/DQ-GA/2025');
    await submit(page, '更正');
    await expect(page.locator('#publication-note').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    const note = '补录2025年12月30日收到的1件申请，更正结转下年度数量。';
    await page.locator('#publication-note').fill(note);
    await submit(page, '更正');
    await expect(status(page)).resolves.toContain('更正草稿');
    await sup.page.goto(`${base}/reports/DQ-GA/2025`);
    await submit(sup.page, '审核通过');
    await page.reload();
    await submit(page, '发布');
    await expect(status(page)).resolves.toBe('报告已发布。');
    const versions = page.locator('table.versions tbody tr');
    await expect(versions.count()).resolves.toBe(2);
    await expect(versions.nth(1).textContent()).resolves.toContain(note);
    const files = versions.nth(1).locator('a');
    await expect(files.first().getAttribute('href')).resolves.toMatch(
      /^\/api\/v1\/published-reports\/[0-9a-f-]{36}\/versions\/2\/json$/,
    );

    // This year now passes, and is published.
    await page.goto(`${base}/reports/DQ-GA/2026`);
    await expect(page.locator('#check-R-AR-15').textContent()).resolves.toContain('通过');
    await expect(page.locator('#check-R-AR-15').textContent()).resolves.not.toContain('未通过');
    await submit(page, '发布');
    await expect(status(page)).resolves.toBe('报告已发布。');
    await expect(page.locator('table.versions tbody tr').count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: '更正' }).count()).resolves.toBe(1);
    // The narrative of a published report is not edited.
    await expect(page.locator('#narrative-overview').getAttribute('readonly')).resolves.toBe('');

    // Exports: the API's renderers, downloaded with the session.
    for (const [format, type] of [
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['html', 'text/html; charset=utf-8'],
    ]) {
      const res = await context.request.get(`${base}/reports/DQ-GA/2026/export/${format}`);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe(type);
      expect(res.headers()['content-disposition']).toContain(`2026-DQ-GA.${format}`);
      const body = await res.body();
      expect(body.length).toBeGreaterThan(1000);
      if (format !== 'html') expect(body.subarray(0, 2).toString()).toBe('PK');
    }
    // The preview in its tab: the API's HTML, its inline A4 style allowed (no CSP report).
    const tab = await watchedPage(context);
    await tab.page.goto(`${base}/reports/DQ-GA/2026/preview`);
    await expect(tab.page.locator('h1').textContent()).resolves.toBe(
      '2026年大庆市公安局政府信息公开工作年度报告',
    );
    await expect(tab.page.locator('.preview').count()).resolves.toBe(0);
    await expect(
      tab.page.evaluate(() => getComputedStyle(document.querySelector('h1')!).textAlign),
    ).resolves.toBe('center');
    expect(tab.problems).toEqual([]);
    // The supervisor of DQ: the city's report with its subtree sums its departments' cases.
    await sup.page.goto(`${base}/reports?year=2026&subtree=1`);
    const listedAgencies = await sup.page.locator('table.reports-list tbody th').allTextContents();
    // In tree order: the government, then its departments (siblings in the order of their ids).
    const [top, ...below] = listedAgencies.map((x) => x.trim().split(' ')[0]);
    expect(top).toBe('大庆市人民政府');
    expect(below.sort()).toEqual(['大庆市公安局', '大庆市教育局'].sort());
    await navigates(sup.page, () =>
      sup.page.locator('tr', { hasText: '大庆市人民政府' }).getByRole('link').click(),
    );
    expect(sup.page.url()).toBe(`${base}/reports/DQ/2026?subtree=1`);
    const newTotal = sup.page.locator('a[href="/reports/DQ/2026/cells/three/new/tot?subtree=1"]');
    await expect(newTotal.textContent()).resolves.toBe('3');
    await navigates(sup.page, () => newTotal.click());
    await expect(sup.page.locator('table.cell-items tbody a').count()).resolves.toBe(3);
    await sup.context.close();
    await context.close();
  }, 180_000);

  it('every report page is axe-clean and readable at 375 px; a clerk gets 403, a visitor the sign-in page', async () => {
    const context: BrowserContext = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 375, height: 740 },
      // axe-core is injected as an inline script, which the pages' CSP refuses.
      bypassCSP: true,
    });
    const { page, problems } = await watchedPage(context);
    await page.goto(`${base}/reports`);
    await signInAs(page, base, WORLD.staff.reporter.email, '/reports', {
      from: page.url().slice(base.length),
    });
    const pages: Array<[string, number]> = [
      ['/reports', 200],
      ['/reports?year=2025&subtree=1', 200],
      ['/reports/DQ-GA/2027', 200],
      ['/reports/DQ-GA/2026', 200],
      ['/reports/DQ-GA/2026?lang=en', 200],
      ['/reports/DQ-GA/2026/cells/three/new/np', 200],
      ['/reports/DQ-GA/2026/cells/four/remedies/rv_total', 200],
      ['/reports/DQ-GA/2026/cells/three/r_nothing/np', 400],
      ['/reports/DQ-JY/2026', 404],
      ['/reports/DQ-GA/2018', 200],
    ];
    for (const [path, code] of pages) {
      const res = await page.goto(`${base}${path}`);
      expect({ path, status: res?.status() }).toEqual({ path, status: code });
      expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect({ path, width }).toEqual({ path, width: 375 });
    }
    // The 400 page names the field.
    await page.goto(`${base}/reports/DQ-GA/2026/cells/three/r_nothing/np`);
    expect(await page.textContent('main')).toContain('row');
    // A refused form: the error summary and the marked cell are clean too.
    await page.goto(`${base}/reports/DQ-GA/2027?lang=zh`);
    await page.getByLabel('行政许可 本年处理决定数量').fill('-3');
    await submit(page, '保存主动公开数据');
    await expect(
      page.locator('#fig-licensing-decisions').getAttribute('aria-invalid'),
    ).resolves.toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    // Section 一 over 1,000 characters: the service's limit, said beside the textarea.
    await page.locator('#narrative-overview').fill('情'.repeat(1001));
    await submit(page, /保存本部分 一、总体情况/);
    await expect(page.locator('#narrative-overview').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    await expect(page.locator('#narrative-overview-error').textContent()).resolves.toContain(
      '1000',
    );
    await expect(page.locator('#narrative-overview').inputValue()).resolves.toHaveLength(1001);
    const draft = await page.context().request.get(`${base}/reports/DQ-GA/2027/preview`);
    expect(await draft.text()).toContain('草稿预览');
    // The 2008 format: the register, and an item added to it (a title is required).
    await page.goto(`${base}/reports/DQ-GA/2018`);
    await page.getByLabel('公开日期 *').fill('2018-03-05');
    await page.getByLabel('类别 *').selectOption('policies');
    await submit(page, '登记主动公开信息');
    await expect(page.locator('#item-title').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByLabel('公开日期 *').inputValue()).resolves.toBe('2018-03-05');
    await page.getByLabel('信息名称 *').fill('大庆市公安局关于户籍办理的规定');
    await submit(page, '登记主动公开信息');
    await expect(status(page)).resolves.toBe('已登记到主动公开目录。');
    const register = page.locator('dl.facts', { hasText: '主动公开政府信息总数' });
    await expect(register.textContent()).resolves.toMatch(/主动公开政府信息总数\s*1/);
    await expect(
      page.locator('tr', { hasText: '政策法规类' }).locator('td').first().textContent(),
    ).resolves.toBe('1');
    expect(problems).toEqual([]);
    await context.close();

    // A clerk (no reports.read): the 403 page; without a session: the sign-in page.
    const clerk = await signedIn('clerk', '/staff');
    const denied = await clerk.page.goto(`${base}/reports/DQ-GA/2026`);
    expect(denied?.status()).toBe(403);
    await expect(
      clerk.page.getByRole('navigation').getByRole('link', { name: '年度报告' }).count(),
    ).resolves.toBe(0);
    await clerk.context.close();
    const anonymous = await api().get('/reports/DQ-GA/2026').expect(303);
    expect(anonymous.headers.location).toBe('/signin?next=%2Freports%2FDQ-GA%2F2026');
  }, 120_000);
});
