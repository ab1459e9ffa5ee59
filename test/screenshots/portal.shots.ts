/**
 * Refreshes the portal screenshots in docs/screenshots (`npm run screenshots`, the jest project
 * `screenshots`, never part of `npm test`). Boots the app on a scratch database (DATABASE_URL, or the embedded PostgreSQL)
 * and a private Redis prefix, seeds the test world, drives Debian's chromium through the
 * citizen's pages at 1280 px, at 375 px and in large type, and writes one PNG per view.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { Page } from 'playwright-core';
import { launchChromium, listen, signInApplicant, signInAs } from '../utils/browser';
import { seedWorld, WORLD } from '../utils/fixtures';
import { act } from '../utils/requests';
import { bootTestApp } from '../utils/test-app';

const OUT = join(__dirname, '..', '..', 'docs', 'screenshots');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

it('refreshes docs/screenshots', async () => {
  mkdirSync(OUT, { recursive: true });
  const t = await bootTestApp({ RATE_LIMIT_PER_MINUTE: '100000', PUBLIC_URL: 'http://127.0.0.1' });
  const browser = await launchChromium();
  try {
    const w = await seedWorld(t.app);
    const api = () => request(t.app.getHttpServer());
    await api()
      .patch('/api/v1/agencies/DQ-GA')
      .set('authorization', `Bearer ${w.tokens.rootAdmin}`)
      .send({
        channels: ['online', 'in_person', 'fax', 'email'],
        address: '大庆市萨尔图区东风路12号',
        officeHours: '法定工作日 8:30—11:30，13:30—17:00',
        phone: '0459-4661111',
        fax: '0459-4661112',
        website: 'https://ga.daqing.gov.cn',
        paymentInstructions:
          '银行转账：收款单位 大庆市公安局，开户行 中国工商银行大庆分行，账号 0900 1234 5678 0001，附言请填写申请编号。',
        reconsiderationBody: '大庆市人民政府',
        court: '大庆市萨尔图区人民法院',
      })
      .expect(200);
    const file = async (title: string) => {
      const res = await api()
        .post('/api/v1/requests')
        .set('authorization', `Bearer ${w.tokens.applicant}`)
        .send({
          agencyCode: 'DQ-GA',
          title,
          docNo: '庆公发〔2026〕12号',
          description: '申请公开该文件全文。',
          form: 'electronic',
          deliveryRoute: 'portal',
        })
        .expect(201);
      const id = res.body.id as string;
      await act(t.app, w.tokens.clerk, id, 'assign', { assigneeId: w.ids.clerk }).expect(200);
      return { id, ref: res.body.referenceNo as string };
    };
    const fee = await file('2026年大庆市治安案件统计');
    await act(t.app, w.tokens.clerk, fee.id, 'issue-fee-notice', {
      method: 'per-volume',
      pages: 40,
    }).expect(200);
    const replied = await file('2026年大庆市交通信号灯设置方案');
    await api()
      .post(`/api/v1/requests/${replied.id}/attachments`)
      .set('authorization', `Bearer ${w.tokens.clerk}`)
      .field('kind', 'reply_document')
      .attach('file', PDF, { filename: '设置方案.pdf', contentType: 'application/pdf' })
      .expect(201);
    await act(t.app, w.tokens.clerk, replied.id, 'reply', { replyType: 'DISCLOSED' }).expect(200);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await act(t.app, w.tokens.clerk, replied.id, 'record-service', {
      method: 'in_person',
      servedOn: today,
      deliveredOn: today,
    }).expect(200);
    const base = await listen(t);

    const shoot = async (page: Page, name: string, path: string) => {
      await page.goto(`${base}${path}`);
      await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
    };
    const views: Array<{ suffix: string; width: number; size: string }> = [
      { suffix: '', width: 1280, size: 'normal' },
      { suffix: '-375', width: 375, size: 'normal' },
      { suffix: '-large', width: 1280, size: 'large' },
    ];
    for (const v of views) {
      const context = await browser.newContext({
        locale: 'zh-CN',
        viewport: { width: v.width, height: 900 },
      });
      const page = await context.newPage();
      await page.goto(`${base}/?size=${v.size}&lang=zh`);
      await shoot(page, `home${v.suffix}`, '/');
      await shoot(page, `guide${v.suffix}`, '/agencies/DQ-GA/guide');
      await signInApplicant(page, base);
      await shoot(page, `new-request${v.suffix}`, '/my/requests/new?agencyCode=DQ-GA');
      await shoot(page, `fee-notice${v.suffix}`, `/my/requests/${fee.ref}`);
      await shoot(page, `reply-remedies${v.suffix}`, `/my/requests/${replied.ref}`);
      if (!v.suffix) {
        await shoot(page, 'my-requests', '/my/requests');
        await shoot(page, 'problem', '/problems/action-not-allowed-in-state');
      }
      await context.close();
    }
    // The clerk's pages: the workbench, registering a request, a case page with a form open.
    for (const width of [1280, 375]) {
      const suffix = width === 1280 ? '' : '-375';
      const context = await browser.newContext({
        locale: 'zh-CN',
        viewport: { width, height: 900 },
      });
      const page = await context.newPage();
      await signInAs(page, base, WORLD.staff.clerk.email, '/staff', {
        from: '/signin?lang=zh&size=normal',
      });
      await shoot(page, `staff-workbench${suffix}`, '/staff');
      await shoot(page, `staff-intake${suffix}`, '/staff/intake');
      await page.goto(`${base}/staff/cases/${fee.ref}`);
      await page
        .locator('details.action > summary', { hasText: /^发出收费通知$|^确认缴费$/ })
        .first()
        .click();
      await page.screenshot({ path: join(OUT, `staff-case${suffix}.png`), fullPage: true });
      await context.close();
    }

    // The administrators' pages, as the province's administrator (after a clerk opened a case
    // with its personal data unmasked, so the audit log has such an entry to show).
    await api()
      .get(`/api/v1/requests/${fee.id}`)
      .set('authorization', `Bearer ${w.tokens.clerk}`)
      .expect(200);
    for (const v of views.slice(0, 2)) {
      const context = await browser.newContext({
        locale: 'zh-CN',
        viewport: { width: v.width, height: 900 },
      });
      const page = await context.newPage();
      await signInAs(page, base, WORLD.staff.rootAdmin.email, '/admin', {
        from: '/signin?next=/admin&lang=zh&size=normal',
      });
      await shoot(page, `admin-agencies${v.suffix}`, '/admin/agencies');
      await shoot(page, `admin-agency${v.suffix}`, '/admin/agencies/DQ-GA');
      await shoot(page, `admin-staff${v.suffix}`, '/admin/staff');
      await shoot(page, `admin-calendar${v.suffix}`, '/admin/calendar');
      await shoot(page, `admin-audit${v.suffix}`, '/admin/audit?action=personal-data');
      await context.close();
    }
  } finally {
    await browser.close();
    await t.close();
  }
}, 300_000);
