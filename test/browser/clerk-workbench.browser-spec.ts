/// <reference lib="dom" />
import request from 'supertest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { axeViolations, launchChromium, listen, signInAs, watchedPage } from '../utils/browser';
import { fileAsApplicant } from '../utils/requests';
import { seedWorld, WORLD, type World } from '../utils/fixtures';
import { bootTestApp, type TestApp } from '../utils/test-app';

/** Today in Beijing, and a Beijing `datetime-local` value of an hour ago. */
function beijingNow(): { today: string; hourAgo: string } {
  const bj = new Date(Date.now() + 8 * 3600_000);
  const ago = new Date(Date.now() + 7 * 3600_000);
  return { today: bj.toISOString().slice(0, 10), hourAgo: ago.toISOString().slice(0, 16) };
}

/**
 * The clerk's workbench and case page in chromium, with JavaScript on and off: registering a
 * paper request, asking for a correction and seeing the citizen's answer, a fee notice and its
 * payment confirmed, a partial disclosure with its withheld items, service recorded, an action
 * the law refuses with its reason, and the supervisor's extension approval.
 */
describe('The clerk’s workbench and case page (chromium)', () => {
  jest.setTimeout(120_000);
  let t: TestApp;
  let w: World;
  let base: string;
  let browser: Browser;
  const api = () => request(t.app.getHttpServer());
  const db = () => t.app.get(DataSource);
  const caseRow = async (ref: string) =>
    (
      await db().query<
        Array<{ status: string; assignee_id: string | null; received_on: string; channel: string }>
      >(
        `SELECT status, assignee_id, received_on::text, channel FROM request_case WHERE reference_no = $1`,
        [ref],
      )
    )[0];
  /** A request the fixture applicant filed online (the citizen's side runs over the API). */
  const fileOnline = (title: string) => fileAsApplicant(t.app, w.tokens.applicant, title);
  const signIn = (page: Page, email: string) =>
    signInAs(page, base, email, '/staff', { from: '/signin?lang=zh' });
  /** Opens an action's form on the case page (a <details>), fills it and submits it. */
  const act = async (
    page: Page,
    action: string,
    fill: (form: Page) => Promise<unknown> = async () => {},
  ) => {
    await page
      .locator('details.action > summary')
      .filter({ hasText: new RegExp(`^${action.replace(/[()（）]/g, '\\$&')}$`) })
      .click();
    await fill(page);
    await page
      .locator('details.action[open]')
      .getByRole('button', { name: action, exact: true })
      .click();
    await page.waitForLoadState('load');
  };
  /** The error summary's text ('' when the page shows none). */
  const refusals = async (page: Page) =>
    (await page.locator('.error-summary').count())
      ? await page.locator('.error-summary').innerText()
      : '';

  beforeAll(async () => {
    t = await bootTestApp({ RATE_LIMIT_PER_MINUTE: '100000', PUBLIC_URL: 'http://127.0.0.1' });
    w = await seedWorld(t.app);
    await api()
      .patch('/api/v1/agencies/DQ-GA')
      .set('authorization', `Bearer ${w.tokens.rootAdmin}`)
      .send({ channels: ['online', 'in_person', 'fax'] })
      .expect(200);
    base = await listen(t);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  for (const js of [true, false]) {
    describe(js ? 'with JavaScript' : 'without JavaScript', () => {
      let context: BrowserContext;
      beforeEach(async () => {
        // axe-core runs as an injected script: it needs JavaScript and the CSP bypassed.
        context = await browser.newContext({
          javaScriptEnabled: js,
          bypassCSP: js,
          locale: 'zh-CN',
        });
      });
      afterEach(async () => {
        await context.close();
      });

      it('registers a paper request handed in at the counter, with the receipt rules on the page', async () => {
        const { page, problems } = await watchedPage(context);
        await signIn(page, WORLD.staff.clerk.email);
        await page.getByRole('link', { name: '登记申请' }).click();
        await page.waitForURL(`${base}/staff/intake`);
        await expect(
          page.getByRole('heading', { name: '收到申请之日的确定（第三十一条）' }).count(),
        ).resolves.toBe(1);
        if (js) expect(await axeViolations(page)).toEqual([]);
        // Refused first: no applicant name, a field error linked from the summary.
        await page.getByRole('button', { name: '登记申请' }).click();
        await page.waitForLoadState('load');
        await expect(
          page.locator('.error-summary a[href="#intake-applicant.name"]').count(),
        ).resolves.toBe(1);
        expect(
          await page.locator('[id="intake-applicant.name"]').getAttribute('aria-invalid'),
        ).toBe('true');
        const { hourAgo } = beijingNow();
        await page.getByLabel('收到方式').selectOption('in_person');
        await page.getByLabel('提交（到达）时间').fill(hourAgo);
        await page.getByLabel('申请人类别').selectOption('np');
        await page.getByLabel('姓名或名称').fill('王五');
        await page.getByLabel(/^身份证明号码/).fill(WORLD.applicants.otherApplicant.idNumber);
        await page.getByLabel('联系电话').fill('13800000000');
        await page.getByLabel('所需信息的名称').fill(`纸质申请 ${js ? 'js' : 'nojs'}`);
        await page.getByLabel('所需信息的内容描述').fill('申请公开2025年交通事故统计。');
        await page.getByLabel('获取信息的方式').selectOption('paper');
        await page.getByLabel('获取信息的途径').selectOption('pickup');
        await page.getByRole('button', { name: '登记申请' }).click();
        await page.waitForLoadState('load');
        expect(await refusals(page)).toBe('');
        await page.getByRole('heading', { name: '申请已登记' }).waitFor();
        const ref = (await page.locator('dl.facts dd').first().textContent())!.trim();
        const row = await caseRow(ref);
        expect(row).toMatchObject({ status: 'received', channel: 'in_person' });
        expect(row.received_on).toBe(beijingNow().today);
        // The tracking code is shown once, for the receipt.
        expect(await page.locator('dl.facts dd strong').textContent()).toMatch(/\S{6,}/);
        // The queue lists it; the case page shows it with its deadline trace.
        await page.goto(`${base}/staff?q=${encodeURIComponent(ref)}`);
        await expect(page.getByRole('link', { name: ref }).count()).resolves.toBe(1);
        await page.getByRole('link', { name: ref }).click();
        await page.getByRole('heading', { name: '答复期限的计算' }).waitFor();
        expect(await page.locator('#trace tbody tr').count()).toBeGreaterThanOrEqual(20);
        expect(problems).toEqual([]);
      });

      it('asks for a correction, sees the answer, confirms a fee, replies in part and records service', async () => {
        const { id, ref } = await fileOnline(`流程 ${js ? 'js' : 'nojs'}`);
        const { page, problems } = await watchedPage(context);
        await signIn(page, WORLD.staff.clerk.email);
        await page.goto(`${base}/staff/cases/${ref}`);
        await act(page, '分配承办人', (p) => p.getByLabel('承办人').selectOption(w.ids.clerk));
        expect((await caseRow(ref)).assignee_id).toBe(w.ids.clerk);
        const { today } = beijingNow();
        const periodEnd = new Date(Date.now() + 8 * 3600_000 + 15 * 86_400_000)
          .toISOString()
          .slice(0, 10);
        await act(page, '告知补正', async (p) => {
          await p.getByLabel('需要补正的事项').fill('请写明所需信息的年份。');
          await p.getByLabel('补正期限').fill(periodEnd);
        });
        expect((await caseRow(ref)).status).toBe('correction_requested');
        // The law allows one correction notice: the form is gone, and the page says why.
        await expect(
          page.locator('details.action summary', { hasText: '告知补正' }).count(),
        ).resolves.toBe(0);
        await page.locator('details.unavailable summary').click();
        expect(await page.locator('details.unavailable').textContent()).toContain(
          '不能执行“告知补正”',
        );
        // The citizen answers in the portal; the clerk sees the answer on the timeline.
        await api()
          .post(`/api/v1/requests/${id}/record-correction`)
          .set('authorization', `Bearer ${w.tokens.applicant}`)
          .send({ correction: '所需信息为2025年度。' })
          .expect(200);
        await page.reload();
        expect(await page.locator('#timeline + ol').textContent()).toContain(
          '所需信息为2025年度。',
        );
        // A fee notice, a payment reported by the citizen, confirmed by the clerk.
        await act(page, '发出收费通知', async (p) => {
          await p.getByLabel('计收方式').selectOption('per-volume');
          await p.getByLabel('页数（按量计收）').fill('150');
        });
        expect((await caseRow(ref)).status).toBe('paused');
        await api()
          .post(`/api/v1/requests/${id}/report-fee-payment`)
          .set('authorization', `Bearer ${w.tokens.applicant}`)
          .send({ paidOn: today })
          .expect(200);
        // The workbench lists the reported payment; the clerk confirms it there.
        await page.goto(`${base}/staff`);
        const row = page.locator('#payments tr', { hasText: ref });
        expect(await row.textContent()).toContain(today);
        await row.getByRole('button', { name: /确认缴费/ }).click();
        await page.waitForURL(`${base}/staff`);
        expect((await caseRow(ref)).status).toBe('in_progress');
        await expect(page.locator('#payments tr', { hasText: ref }).count()).resolves.toBe(0);
        await page.goto(`${base}/staff/cases/${ref}`);
        // A partial disclosure: a withheld row half filled is refused at its field first.
        await act(page, '答复', async (p) => {
          await p.getByLabel('答复类型').selectOption('PARTIAL_REDACTED');
          await p.getByLabel('不予公开的内容 1').fill('第三方联系电话');
        });
        await expect(
          page.locator('.error-summary a[href="#reply-withheld.0.reason"]').count(),
        ).resolves.toBe(1);
        expect((await caseRow(ref)).status).toBe('in_progress');
        await page.getByLabel('理由 1').fill('涉及个人隐私');
        await page.getByLabel('依据 1').fill('《政府信息公开条例》第十五条');
        await page.locator('details.action[open]').getByRole('button', { name: '答复' }).click();
        await page.waitForLoadState('load');
        expect((await caseRow(ref)).status).toBe('replied');
        const [withheld] = await db().query<
          Array<{ detail: { withheld: Array<{ item: string }> } }>
        >(
          `SELECT r.detail FROM case_reply r JOIN request_case c ON c.id = r.case_id WHERE c.reference_no = $1`,
          [ref],
        );
        expect(withheld.detail.withheld.map((x) => x.item)).toEqual(['第三方联系电话']);
        await act(page, '登记送达', async (p) => {
          await p.getByLabel('送达方式').selectOption('post');
          await p.getByLabel('送达（交邮）日期').fill(today);
          await p.getByLabel('邮件号码').fill('EMS1234567890CN');
        });
        await expect(page.getByRole('cell', { name: 'EMS1234567890CN' }).count()).resolves.toBe(1);
        // The letters the actions issued open as printable pages.
        const letters = page.getByRole('link', { name: /查看和打印/ });
        expect(await letters.count()).toBeGreaterThanOrEqual(3);
        const href = await letters.last().getAttribute('href');
        const letter = await context.request.get(`${base}${href}`);
        expect(letter.status()).toBe(200);
        // The applicant applies for reconsideration; the agency records it and the copy it got.
        await act(page, '登记行政复议、行政诉讼或投诉举报', async (p) => {
          await p.getByLabel(/^救济途径/).selectOption('reconsideration');
          await p.getByLabel(/^申请（起诉、收到投诉）日期/).fill(today);
          await p.getByLabel('复议机关收到申请日期').fill(today);
        });
        expect(await refusals(page)).toBe('');
        const remedies = page.locator('#remedies table');
        expect(await remedies.textContent()).toContain('行政复议');
        // Accepted by the body, then the copy received: the agency's answer period starts.
        await act(page, '受理', (p) =>
          p.locator('details.action[open]').getByLabel(/^日期/).fill(today),
        );
        expect(await refusals(page)).toBe('');
        await act(page, '收到申请书（起诉状）副本', (p) =>
          p.getByLabel(/^本机关收到副本日期/).fill(today),
        );
        expect(await refusals(page)).toBe('');
        // The agency's answer has its due date now.
        expect(await remedies.textContent()).toMatch(/答复（答辩）期限 \d{4}-\d{2}-\d{2}/);
        await expect(page.getByRole('link', { name: '答复证据材料' }).count()).resolves.toBe(1);
        if (js) expect(await axeViolations(page)).toEqual([]);
        expect(problems).toEqual([]);
      });
    });
  }

  it('shows the law’s reason when an action is refused: no abandonment before the correction period ends', async () => {
    const { ref } = await fileOnline('补正期限未满');
    const context = await browser.newContext({ locale: 'zh-CN', bypassCSP: true });
    const { page } = await watchedPage(context);
    await signIn(page, WORLD.staff.clerk.email);
    await page.goto(`${base}/staff/cases/${ref}`);
    const periodEnd = new Date(Date.now() + 8 * 3600_000 + 15 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    await act(page, '告知补正', async (p) => {
      await p.getByLabel('需要补正的事项').fill('请写明年份。');
      await p.getByLabel('补正期限').fill(periodEnd);
    });
    await act(page, '视为放弃（逾期未补正）');
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    const link = summary.locator('a[href^="/problems/"]');
    expect(await link.getAttribute('href')).toMatch(/^\/problems\/[a-z-]+$/);
    expect((await caseRow(ref)).status).toBe('correction_requested');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('previews the letter an action would issue, without issuing anything', async () => {
    const { ref } = await fileOnline('文书预览');
    const context = await browser.newContext({ locale: 'zh-CN' });
    const { page, problems } = await watchedPage(context);
    await signIn(page, WORLD.staff.clerk.email);
    await page.goto(`${base}/staff/cases/${ref}`);
    const count = async () =>
      (
        await db().query<Array<{ n: number }>>(
          `SELECT count(*)::int AS n FROM issued_letter l JOIN request_case c ON c.id = l.case_id
            WHERE c.reference_no = $1`,
          [ref],
        )
      )[0].n;
    const outbox = async () =>
      (await db().query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM mail_outbox`))[0].n;
    const [letters, mails] = [await count(), await outbox()];
    await page
      .locator('details.action > summary')
      .filter({ hasText: /^告知补正$/ })
      .click();
    await page.getByLabel('需要补正的事项').fill('请写明所需信息的年份和文号。');
    await page
      .getByLabel('补正期限')
      .fill(new Date(Date.now() + 8 * 3600_000 + 15 * 86_400_000).toISOString().slice(0, 10));
    const [preview] = await Promise.all([
      context.waitForEvent('page'),
      page.locator('details.action[open]').getByRole('button', { name: '预览文书' }).click(),
    ]);
    await preview.waitForLoadState('load');
    expect(await preview.locator('.govinfo-preview').textContent()).toContain('尚未发出');
    expect(await preview.locator('body').textContent()).toContain('请写明所需信息的年份和文号。');
    // Rolled back: no letter, no mail, the case as it was.
    expect(await count()).toBe(letters);
    expect(await outbox()).toBe(mails);
    expect((await caseRow(ref)).status).toBe('received');
    // An action that issues no letter says so.
    await page
      .locator('details.action > summary')
      .filter({ hasText: /^分配承办人$/ })
      .click();
    await page.getByLabel('承办人').selectOption(w.ids.clerk);
    const [none] = await Promise.all([
      context.waitForEvent('page'),
      page.locator('#assign-main').getByRole('button', { name: '预览文书' }).click(),
    ]);
    await none.waitForLoadState('load');
    expect(await none.locator('.error-summary').textContent()).toContain('此操作不出具文书');
    expect((await caseRow(ref)).assignee_id).toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets a supervisor approve an extension the clerk asked for; clerks get no approval form', async () => {
    const { ref } = await fileOnline('延期审批');
    const context = await browser.newContext({ locale: 'zh-CN' });
    const { page } = await watchedPage(context);
    await signIn(page, WORLD.staff.clerk.email);
    await page.goto(`${base}/staff/cases/${ref}`);
    await act(page, '申请延期', async (p) => {
      await p.getByLabel('延长工作日数').fill('10');
      await p.getByLabel('延期理由').fill('需调取档案。');
    });
    await expect(
      page.locator('details.action summary', { hasText: '审批延期' }).count(),
    ).resolves.toBe(0);
    await context.clearCookies();
    await signIn(page, WORLD.staff.parentSupervisor.email);
    // A supervisor registers no requests: the link is not offered.
    await expect(page.getByRole('link', { name: '登记申请' }).count()).resolves.toBe(0);
    await page.goto(`${base}/staff/cases/${ref}`);
    await act(page, '审批延期', (p) => p.getByLabel('同意', { exact: true }).check());
    const [row] = await db().query<Array<{ extension_days: number }>>(
      `SELECT extension_days FROM request_case WHERE reference_no = $1`,
      [ref],
    );
    expect(row.extension_days).toBe(10);
    await context.close();
  });

  it('assigns several requests at once from the queue, and marks overdue ones', async () => {
    const a = await fileOnline('批量一');
    const b = await fileOnline('批量二');
    await db().query(
      `UPDATE request_case SET reply_due = current_date - 3 WHERE reference_no = $1`,
      [a.ref],
    );
    const context = await browser.newContext({ locale: 'zh-CN', bypassCSP: true });
    const { page } = await watchedPage(context);
    await signIn(page, WORLD.staff.clerk.email);
    const done = await fileOnline('批量已撤回');
    await api()
      .post(`/api/v1/requests/${done.id}/withdraw`)
      .set('authorization', `Bearer ${w.tokens.applicant}`)
      .send({})
      .expect(200);
    // Concluded requests leave the queue unless asked for.
    await page.goto(`${base}/staff?q=${encodeURIComponent('批量')}&closed=1`);
    await expect(page.getByRole('link', { name: done.ref }).count()).resolves.toBe(1);
    await page.goto(`${base}/staff?q=${encodeURIComponent('批量')}`);
    await expect(page.getByRole('link', { name: done.ref }).count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.locator('tr.risk-overdue').count()).toBe(1);
    expect(await page.locator('tr.risk-overdue').textContent()).toContain(a.ref);
    await page.getByLabel(`选择 ${a.ref}`).check();
    await page.getByLabel(`选择 ${b.ref}`).check();
    await page.getByLabel('将选中的申请分配给').selectOption(w.ids.clerk);
    await page.getByRole('button', { name: '分配', exact: true }).click();
    await page.waitForURL(/\/staff\?assigned=2$/);
    expect((await caseRow(a.ref)).assignee_id).toBe(w.ids.clerk);
    expect((await caseRow(b.ref)).assignee_id).toBe(w.ids.clerk);
    await context.close();
  });

  it('keeps applicants and other agencies’ clerks out', async () => {
    const { id, ref } = await fileOnline('越权');
    // A reported payment of DQ-GA: listed for its clerk only.
    const step = (who: 'clerk' | 'applicant', path: string, body: object) =>
      api()
        .post(`/api/v1/requests/${id}/${path}`)
        .set('authorization', `Bearer ${w.tokens[who]}`)
        .send(body)
        .expect(200);
    await step('clerk', 'issue-fee-notice', { method: 'per-volume', pages: 150 });
    await step('applicant', 'report-fee-payment', { paidOn: beijingNow().today });
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${base}/staff`);
    expect(page.url()).toBe(`${base}/signin?next=%2Fstaff`);
    await signIn(page, WORLD.staff.otherClerk.email);
    const res = await page.goto(`${base}/staff/cases/${ref}`);
    expect(res?.status()).toBe(404);
    await page.goto(`${base}/staff`);
    await expect(page.getByRole('link', { name: ref }).count()).resolves.toBe(0);
    await context.clearCookies();
    await signIn(page, WORLD.staff.clerk.email);
    await expect(
      page.locator('#payments').getByRole('link', { name: ref, exact: true }).count(),
    ).resolves.toBe(1);
    await context.close();
  });
});
