/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { MailTransport } from '../../src/infra/mail/mail-transport';
import type { MemoryMailTransport } from '../../src/infra/mail/memory.transport';
import { withResidentIdCheck } from '../../src/modules/accounts/domain/identity';
import { axeViolations, launchChromium, listen, watchedPage } from '../utils/browser';
import { seedWorld } from '../utils/fixtures';
import { bootTestApp, type TestApp } from '../utils/test-app';

const EMAIL = 'zhao.liu@example.com';
const PASSWORD = 'first-password-2026';
const NEW_PASSWORD = 'second-password-2027';

describe('A citizen registers, verifies the e-mail from its link, signs in and sets a new password (chromium)', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  const mails = () => t.app.get<MailTransport, MemoryMailTransport>(MailTransport).sent;
  /** The newest link to `path` e-mailed to EMAIL (the outbox is sent by the app's worker). */
  const linkTo = async (path: string): Promise<string> => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const found = mails()
        .filter((m) => m.to === EMAIL)
        .map((m) => new RegExp(`https?://[^\\s]+${path}\\?token=[\\w-]+`).exec(m.text)?.[0])
        .filter((x): x is string => Boolean(x));
      if (found.length)
        return `${base}${new URL(found[found.length - 1]).pathname}${new URL(found[found.length - 1]).search}`;
      if (Date.now() > deadline) throw new Error(`no ${path} link e-mailed`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  beforeAll(async () => {
    t = await bootTestApp({
      RATE_LIMIT_PER_MINUTE: '100000',
      PUBLIC_URL: 'http://127.0.0.1',
    });
    await seedWorld(t.app);
    base = await listen(t);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it.each([true, false])(
    'registers with field-level errors first, then verifies, signs in and resets the password (JavaScript %s)',
    async (javaScriptEnabled) => {
      const email = javaScriptEnabled ? EMAIL : `js-off.${EMAIL}`;
      const context = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled });
      const { page, problems } = await watchedPage(context);
      await page.goto(`${base}/register`);
      await page.getByLabel('电子邮箱 *').fill('not-an-address');
      await page.getByLabel('密码 *').fill('short');
      await page.getByRole('button', { name: '注册申请人账号' }).click();
      const summary = page.getByRole('alert');
      const text = (await summary.textContent()) ?? '';
      expect(text).toContain('请修改以下问题');
      for (const field of ['email', 'name', 'idNumber'])
        await expect(summary.locator(`a[href="#${field}"]`).count()).resolves.toBe(1);
      await expect(page.getByLabel('电子邮箱 *').inputValue()).resolves.toBe('not-an-address');
      await expect(page.locator('#email').getAttribute('aria-invalid')).resolves.toBe('true');

      await page.getByLabel('电子邮箱 *').fill(email);
      await page.getByLabel('密码 *').fill(PASSWORD);
      await page.getByLabel('姓名或名称 *').fill('赵六');
      await page
        .getByLabel('身份证明号码 *')
        .fill(withResidentIdCheck(javaScriptEnabled ? '23060219900101123' : '23060219900101124'));
      await page.getByLabel('通讯地址').fill('黑龙江省大庆市萨尔图区中央大街8号');
      await page.getByRole('button', { name: '注册申请人账号' }).click();
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        '请查收验证邮件',
      );
      if (javaScriptEnabled) {
        await page.goto(await linkTo('/verify-email'));
        await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
          '邮箱已验证',
        );
        await page.getByRole('link', { name: '登录' }).last().click();
        await page.getByLabel('电子邮箱').fill(email);
        await page.getByLabel('密码').fill(PASSWORD);
        await Promise.all([
          page.waitForURL(`${base}/my/requests`),
          page.getByRole('button', { name: '登录', exact: true }).click(),
        ]);
        await expect(page.textContent('main')).resolves.toContain('您还没有提出申请');

        await page.goto(`${base}/forgot-password`);
        await page.getByLabel('电子邮箱').fill(email);
        await page.getByRole('button', { name: '发送' }).click();
        await expect(page.textContent('main')).resolves.toContain('如该邮箱已注册');
        await page.goto(await linkTo('/reset-password'));
        await page.getByLabel('设置新密码').fill('weak');
        await page.getByRole('button', { name: '保存' }).click();
        await expect(page.getByRole('alert').textContent()).resolves.toContain('请修改以下问题');
        await page.getByLabel('设置新密码').fill(NEW_PASSWORD);
        await page.getByRole('button', { name: '保存' }).click();
        await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
          '密码已设置',
        );
        await page.goto(`${base}/signin`);
        await page.getByLabel('电子邮箱').fill(email);
        await page.getByLabel('密码').fill(NEW_PASSWORD);
        await Promise.all([
          page.waitForURL(`${base}/my/requests`),
          page.getByRole('button', { name: '登录', exact: true }).click(),
        ]);
      }
      expect(problems).toEqual([]);
      await context.close();
    },
    60_000,
  );

  it('the account pages have no serious or critical accessibility violation', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', bypassCSP: true });
    const page = await context.newPage();
    const found: Record<string, string[]> = {};
    for (const path of [
      '/register',
      '/forgot-password',
      '/reset-password?token=x',
      '/verify-email?token=nope',
    ]) {
      await page.goto(`${base}${path}`);
      const v = await axeViolations(page);
      if (v.length) found[path] = v;
    }
    await page.goto(`${base}/register`);
    await page.getByRole('button', { name: '注册申请人账号' }).click();
    const v = await axeViolations(page);
    if (v.length) found['register with errors'] = v;
    expect(found).toEqual({});
    await context.close();
  }, 60_000);
});
