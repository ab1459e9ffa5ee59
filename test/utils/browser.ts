/// <reference lib="dom" />
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PASSWORD, WORLD } from './fixtures';
import type { TestApp } from './test-app';

/** Debian's chromium (`.ci/run` installs it with apt when missing); never downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

/** Starts the test app's HTTP server on a free port; returns its base URL. */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** A page whose CSP violations, console errors and failed sub-resources are collected in `problems`. */
export async function watchedPage(
  context: BrowserContext,
): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
      problems.push(m.text());
  });
  page.on('response', (r) => {
    if (
      r.status() >= 400 &&
      r.request().method() === 'GET' &&
      r.request().resourceType() !== 'document'
    )
      problems.push(`${r.status()} ${r.url()}`);
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return { page, problems };
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the current page (WCAG 2.1 AA rules). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run: (
          ctx: Document,
          opts: object,
        ) => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }>;
      };
    };
    return w.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes)`);
}

/**
 * Signs `email` in through the sign-in page (at `from`, or the page a signed-out visitor is sent
 * there from) and waits to land on `lands`.
 */
export async function signInAs(
  page: Page,
  base: string,
  email: string,
  lands: string,
  opts: { from?: string; password?: string } = {},
): Promise<void> {
  await page.goto(`${base}${opts.from ?? '/signin'}`);
  await page.getByLabel('电子邮箱').fill(email);
  await page.getByLabel('密码').fill(opts.password ?? PASSWORD);
  await Promise.all([
    page.waitForURL(`${base}${lands}`),
    page.getByRole('button', { name: '登录', exact: true }).click(),
  ]);
}

/** Signs the fixture applicant in through the sign-in page; ends on "my requests". */
export function signInApplicant(page: Page, base: string): Promise<void> {
  return signInAs(page, base, WORLD.applicants.applicant.email, '/my/requests');
}
