/// <reference lib="dom" />
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { axeViolations, launchChromium, listen, watchedPage } from '../utils/browser';
import { seedWorld, WORLD, type World } from '../utils/fixtures';
import {
  seedSupervisionScenario,
  signInOnScenarioDay,
  SUPERVISION_START,
  type ScenarioCase,
} from '../utils/supervision-scenario';
import { bootTestApp, caseTestEnv, type TestApp } from '../utils/test-app';

/**
 * The supervisors' pages in chromium: the board of the subtree with the overdue case, the one
 * late by a correction notice after its due date and the deferred one marked; an extension the
 * clerk asked for approved from the board (its letter issued); the charts drawn as SVG images,
 * each with its table, the outcome and remedy figures equal to the annual report's.
 */
describe('The supervisors’ pages (chromium)', () => {
  jest.setTimeout(120_000);
  let t: TestApp;
  let w: World;
  let base: string;
  let browser: Browser;
  let refs: Record<ScenarioCase, string>;
  const db = () => t.app.get(DataSource);

  beforeAll(async () => {
    t = await bootTestApp(caseTestEnv(SUPERVISION_START));
    w = await seedWorld(t.app);
    refs = await seedSupervisionScenario(t, w);
    base = await listen(t);
    browser = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  const supervisor = async (next: string, opts: { js?: boolean; width?: number } = {}) => {
    const context = await browser.newContext({
      locale: 'zh-CN',
      javaScriptEnabled: opts.js ?? true,
      bypassCSP: opts.js ?? true,
      viewport: { width: opts.width ?? 1280, height: 900 },
    });
    const { page, problems } = await watchedPage(context);
    await signInOnScenarioDay(t, page, base, WORLD.staff.parentSupervisor.email, next);
    return { context, page, problems };
  };
  const rowOf = (page: Page, section: string, ref: string) =>
    page.locator(`section#${section} tr`, { has: page.getByRole('link', { name: ref }) });

  it('shows the overdue, the late and the deferred cases of the subtree, and approves an extension', async () => {
    const { context, page, problems } = await supervisor('/supervisor');
    await page.getByRole('heading', { name: '督办台', level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Overdue: past its due date, and the one whose correction notice came after it (D-4).
    await expect(rowOf(page, 'overdue', refs.overdue).count()).resolves.toBe(1);
    await expect(rowOf(page, 'overdue', refs.corrected).textContent()).resolves.toMatch(
      /期限届满后作出：答复期限已于2026-03-\d\d届满后才发出补正通知/,
    );
    await expect(rowOf(page, 'overdue', refs.overdue).textContent()).resolves.not.toContain(
      '期限届满后作出',
    );
    // Due soon: the deferred case (marked with its date) and the one waiting for its extension.
    await expect(rowOf(page, 'at-risk', refs.deferred).textContent()).resolves.toMatch(
      /延迟答复至 2026-03-\d\d/,
    );
    await expect(rowOf(page, 'at-risk', refs.extension).count()).resolves.toBe(1);
    // Concluded cases are not on the board.
    for (const done of [refs.onTime, refs.late])
      await expect(page.getByRole('link', { name: done }).count()).resolves.toBe(0);
    // The extension request, with the clerk's reason; approved from the board.
    const card = page.locator('section#extensions article', { hasText: refs.extension });
    await expect(card.textContent()).resolves.toContain('需调取历史档案。');
    await expect(page.locator('section#extensions article').count()).resolves.toBe(1);
    await card.getByLabel('审批意见').fill('同意延长。');
    await card.getByRole('button', { name: `同意 ${refs.extension}`, exact: true }).click();
    await page.waitForURL(
      `${base}/supervisor?decided=${encodeURIComponent(refs.extension)}#extensions`,
    );
    await expect(page.getByRole('status').textContent()).resolves.toContain(refs.extension);
    await expect(page.locator('section#extensions article').count()).resolves.toBe(0);
    const [row] = await db().query<Array<{ extension_days: number; letters: number }>>(
      `SELECT c.extension_days,
              (SELECT count(*)::int FROM issued_letter l WHERE l.case_id = c.id AND l.kind = 'extension_notice') AS letters
         FROM request_case c WHERE c.reference_no = $1`,
      [refs.extension],
    );
    expect(row).toEqual({ extension_days: 10, letters: 1 });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('narrows the board to one agency and keeps out clerks and other subtrees', async () => {
    const { context, page } = await supervisor('/supervisor?agencyCode=DQ-JY', { js: false });
    await expect(page.locator('section#overdue tr').count()).resolves.toBe(0);
    await page.goto(`${base}/supervisor?agencyCode=HLJ`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.not.toBe('督办台');
    expect((await page.request.get(`${base}/supervisor?agencyCode=HLJ`)).status()).toBe(404);
    await context.clearCookies();
    await signInOnScenarioDay(t, page, base, WORLD.staff.clerk.email, '/signin', '/staff');
    await expect(page.getByRole('link', { name: '督办' }).count()).resolves.toBe(0);
    expect((await page.request.get(`${base}/supervisor`)).status()).toBe(403);
    expect((await page.request.get(`${base}/supervisor/charts/intake.svg`)).status()).toBe(403);
    await context.close();
  });

  it('draws the charts as images with their tables, the report’s own outcome and remedy figures', async () => {
    const { context, page, problems } = await supervisor('/supervisor/charts?agencyCode=DQ');
    await page.getByRole('heading', { name: '统计图表 · 2026', level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.waitForLoadState('load');
    const images = page.locator('section.chart img');
    await expect(images.count()).resolves.toBe(5);
    for (const img of await images.all()) {
      expect(await img.getAttribute('alt')).toMatch(/\S{6,}/);
      // Loaded and drawn: an SVG the browser could not read has no natural width.
      expect(await img.evaluate((e) => (e as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    }
    const svg = await page.request.get(`${base}/supervisor/charts/intake.svg?year=2026`);
    expect(svg.headers()['content-type']).toContain('image/svg+xml');
    expect(await svg.text()).toContain('<svg');
    const cell = (chart: string, row: string, col: number) =>
      page
        .locator(`section#chart-${chart} table tr`, { has: page.locator('th', { hasText: row }) })
        .locator('td')
        .nth(col)
        .textContent();
    // Six received in February, none in March; two replies, one on time.
    await expect(cell('intake', '2月', 0)).resolves.toBe('6');
    await expect(cell('intake', '全年', 0)).resolves.toBe('6');
    await expect(cell('on-time', '全年', 0)).resolves.toBe('2');
    await expect(cell('on-time', '全年', 1)).resolves.toBe('1');
    await expect(cell('on-time', '全年', 2)).resolves.toBe('50%');
    await expect(cell('agencies', '大庆市公安局', 4)).resolves.toBe('2');
    // Outcomes and remedies: the annual report's own figures for the subtree.
    const report = await request(t.app.getHttpServer())
      .get('/api/v1/reports/annual?year=2026&agencyCode=DQ&subtree=true')
      .set('authorization', `Bearer ${w.tokens.parentSupervisor}`)
      .expect(200);
    const apps = report.body.applications as Record<string, { tot: number }>;
    await expect(cell('outcomes', '（一）予以公开', 0)).resolves.toBe(String(apps.r_open.tot));
    expect(apps.r_open.tot).toBe(1);
    const cant = apps.r_cant_1.tot + apps.r_cant_2.tot + apps.r_cant_3.tot;
    await expect(cell('outcomes', '（四）无法提供', 0)).resolves.toBe(String(cant));
    await expect(cell('outcomes', '（七）总计', 0)).resolves.toBe(String(apps.r_total.tot));
    await expect(cell('remedies', '行政复议', 4)).resolves.toBe(
      String(report.body.remedies.rv_total),
    );
    // English on the same figures: the language link keeps the agency and the year chosen.
    await page.goto(`${base}/supervisor/charts?agencyCode=DQ-GA&year=2026`);
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`${base}/supervisor/charts?agencyCode=DQ-GA&year=2026&lang=en`);
    await page.getByRole('heading', { name: 'Charts · 2026', level: 1 }).waitFor();
    expect(await page.getByLabel('Agency (with those below it)').inputValue()).toBe('DQ-GA');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is readable at 375 px: nothing scrolls sideways but the tables in their boxes', async () => {
    for (const next of ['/supervisor', '/supervisor/charts']) {
      const { context, page } = await supervisor(next, { width: 375 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await context.close();
    }
  });
});
