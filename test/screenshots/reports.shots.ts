/**
 * Refreshes the reporting officer's screenshots in docs/screenshots (the jest project
 * `screenshots`, never part of `npm test`): the editor, a figure's drill-down and the
 * publication section, each at 1280 px and 375 px (`-375`), from a seeded app whose 2025 report
 * was published before a late import, so that 2026's R-AR-15 fails naming the case.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { HistoricalImport } from '../../src/modules/requests/historical-import.service';
import { launchChromium, listen, signInAs } from '../utils/browser';
import { seedWorld, WORLD } from '../utils/fixtures';
import { bootTestApp } from '../utils/test-app';

const OUT = join(__dirname, '..', '..', 'docs', 'screenshots');

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

it('refreshes the reporting officer’s screenshots', async () => {
  mkdirSync(OUT, { recursive: true });
  const storageDir = mkdtempSync(join(tmpdir(), 'govinfo-report-shots-'));
  const t = await bootTestApp({
    CLOCK: 'fixed',
    CLOCK_FIXED_AT: '2027-02-01T09:00:00+08:00',
    ACCESS_TOKEN_TTL_SECONDS: '31536000',
    RATE_LIMIT_PER_MINUTE: '100000',
    STORAGE_DIR: storageDir,
  });
  const browser = await launchChromium();
  try {
    const w = await seedWorld(t.app);
    const history = t.app.get(HistoricalImport);
    await history.import(
      [
        line('S-2025-1', '2025-03-01', 'np', '2025-03-10'),
        line('S-2025-2', '2025-11-20', 'biz'),
        line('S-2026-1', '2026-02-01', 'np', '2026-02-15'),
        line('S-2026-2', '2026-05-01', 'np'),
        line('S-2026-3', '2026-06-01', 'res', '2026-06-20'),
        line('S-2026-4', '2026-08-11', 'law', '2026-08-30'),
      ].join('\n'),
    );
    const api = () => request(t.app.getHttpServer());
    for (const [action, who] of [
      ['review', 'parentSupervisor'],
      ['publish', 'reporter'],
    ] as const)
      await api()
        .post(`/api/v1/reports/annual/${action}`)
        .set('authorization', `Bearer ${w.tokens[who]}`)
        .send({ year: 2025, agencyCode: 'DQ-GA' })
        .expect(200);
    await history.import(line('S-LATE-1', '2025-12-30', 'npo'));
    const base = await listen(t);
    for (const [width, suffix] of [
      [1280, ''],
      [375, '-375'],
    ] as const) {
      const context = await browser.newContext({
        locale: 'zh-CN',
        viewport: { width, height: 900 },
      });
      const page = await context.newPage();
      await page.goto(`${base}/reports/DQ-GA/2026`);
      await signInAs(page, base, WORLD.staff.reporter.email, '/reports/DQ-GA/2026', {
        from: page.url().slice(base.length),
      });
      await page.screenshot({ path: join(OUT, `report-editor${suffix}.png`), fullPage: true });
      await page.goto(`${base}/reports/DQ-GA/2026/cells/three/new/np`);
      await page.screenshot({ path: join(OUT, `report-cell${suffix}.png`), fullPage: true });
      await page.goto(`${base}/reports/DQ-GA/2025`);
      const section = page.locator('section', { has: page.locator('#publication') });
      await section.screenshot({ path: join(OUT, `report-publication${suffix}.png`) });
      await context.close();
    }
  } finally {
    await browser.close();
    await t.close();
    rmSync(storageDir, { recursive: true, force: true });
  }
}, 180_000);
