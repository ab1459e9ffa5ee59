/**
 * Refreshes the supervisors' screenshots in docs/screenshots (`npm run screenshots`, never part of
 * `npm test`): the board and the charts of the supervision scenario, at 1280 px and 375 px.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, listen } from '../utils/browser';
import { seedWorld, WORLD } from '../utils/fixtures';
import {
  seedSupervisionScenario,
  signInOnScenarioDay,
  SUPERVISION_START,
} from '../utils/supervision-scenario';
import { bootTestApp, caseTestEnv } from '../utils/test-app';

const OUT = join(__dirname, '..', '..', 'docs', 'screenshots');

it('refreshes the supervisors’ screenshots', async () => {
  mkdirSync(OUT, { recursive: true });
  const t = await bootTestApp(caseTestEnv(SUPERVISION_START));
  const browser = await launchChromium();
  try {
    const w = await seedWorld(t.app);
    await seedSupervisionScenario(t, w);
    const base = await listen(t);
    for (const width of [1280, 375]) {
      const suffix = width === 1280 ? '' : '-375';
      const context = await browser.newContext({
        locale: 'zh-CN',
        viewport: { width, height: 900 },
      });
      const page = await context.newPage();
      await signInOnScenarioDay(t, page, base, WORLD.staff.parentSupervisor.email, '/supervisor');
      await page.screenshot({ path: join(OUT, `supervisor-board${suffix}.png`), fullPage: true });
      await page.goto(`${base}/supervisor/charts?agencyCode=DQ`);
      await page.waitForLoadState('load');
      await page.screenshot({ path: join(OUT, `supervisor-charts${suffix}.png`), fullPage: true });
      await context.close();
    }
  } finally {
    await browser.close();
    await t.close();
  }
}, 180_000);
