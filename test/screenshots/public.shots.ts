/**
 * Screenshots of the public pages (a published annual report, the guide's tables, the live
 * statistics) at 1280 px and 375 px into docs/screenshots, never signed in
 * (`TZ=UTC npx jest test/screenshots/public.shots.ts --selectProjects screenshots`).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, listen } from '../utils/browser';
import { seedWorld } from '../utils/fixtures';
import { seedPublicData } from '../utils/public-data';
import { bootTestApp } from '../utils/test-app';

const OUT = join(__dirname, '..', '..', 'docs', 'screenshots');

it('refreshes the public pages in docs/screenshots', async () => {
  mkdirSync(OUT, { recursive: true });
  const storageDir = mkdtempSync(join(tmpdir(), 'govinfo-public-shots-'));
  const t = await bootTestApp({
    CLOCK: 'fixed',
    CLOCK_FIXED_AT: '2026-03-02T09:00:00+08:00',
    ACCESS_TOKEN_TTL_SECONDS: '31536000',
    RATE_LIMIT_PER_MINUTE: '100000',
    STORAGE_DIR: storageDir,
  });
  const browser = await launchChromium();
  try {
    const w = await seedWorld(t.app);
    await seedPublicData(t, w);
    const base = await listen(t);
    const views: Array<[string, string]> = [
      ['public-report', '/agencies/DQ-GA/reports/2026'],
      ['public-reports', '/agencies/DQ-GA/reports'],
      ['public-guide', '/agencies/DQ-GA/guide'],
      ['public-statistics', '/agencies/DQ-GA/statistics?year=2026'],
    ];
    for (const [width, suffix] of [
      [1280, ''],
      [375, '-375'],
    ] as const) {
      const context = await browser.newContext({
        locale: 'zh-CN',
        viewport: { width, height: 900 },
      });
      const page = await context.newPage();
      for (const [name, path] of views) {
        await page.goto(`${base}${path}`);
        await page.screenshot({ path: join(OUT, `${name}${suffix}.png`), fullPage: true });
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await t.close();
    rmSync(storageDir, { recursive: true, force: true });
  }
}, 180_000);
