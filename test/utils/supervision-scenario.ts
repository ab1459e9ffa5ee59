import type { Page } from 'playwright-core';
import { Clock, FixedClock } from '../../src/infra/clock/clock';
import { signInAs } from './browser';
import type { World } from './fixtures';
import { act, intake, setToday } from './requests';
import type { TestApp } from './test-app';

/** The supervisors' scenario's day (the board is looked at then). */
export const SUPERVISION_DAY = '2026-03-20';
/** The fixed clock the scenario's app starts at (caseTestEnv). */
export const SUPERVISION_START = '2026-02-03T18:00:00+08:00';

export type ScenarioCase = 'onTime' | 'late' | 'overdue' | 'corrected' | 'extension' | 'deferred';

/**
 * Six paper requests of DQ-GA, with the clock moved from February to SUPERVISION_DAY: one replied
 * on time, one replied late, one overdue, one late by a correction notice after its due date, one
 * due soon with a 10-day extension asked, one deferred (Art 35) to the day after its due date.
 */
export async function seedSupervisionScenario(
  t: TestApp,
  w: World,
): Promise<Record<ScenarioCase, string>> {
  const refs = {} as Record<ScenarioCase, string>;
  const clerk = (id: string, action: string, body: object = {}) =>
    act(t.app, w.tokens.clerk, id, action, body).expect(200);
  const paper = async (name: ScenarioCase, submittedOn: string) => {
    const c = await intake(t.app, w.tokens.clerk, {
      channel: 'in_person',
      submittedAt: `${submittedOn}T10:00:00+08:00`,
      title: `督办 ${name}`,
    });
    refs[name] = c.referenceNo as string;
    return c;
  };
  setToday(t.app, '2026-02-03', '18:00');
  const onTime = await paper('onTime', '2026-02-02');
  await clerk(onTime.id, 'reply', { replyType: 'DISCLOSED' });
  await clerk(onTime.id, 'record-service', { method: 'in_person', servedOn: '2026-02-03' });
  const late = await paper('late', '2026-02-02');
  await paper('overdue', '2026-02-03');
  const corrected = await paper('corrected', '2026-02-03');
  setToday(t.app, '2026-02-27', '18:00');
  const extended = await paper('extension', '2026-02-27');
  const deferred = await paper('deferred', '2026-02-26');
  await clerk(deferred.id, 'request-reasons', { why: '申请数量明显超过合理范围' });
  const reasons = await clerk(deferred.id, 'record-reasons', { reasons: '用于学术研究' });
  const due = new Date(`${reasons.body.replyDue as string}T00:00:00Z`);
  const after = new Date(due.getTime() + 86_400_000).toISOString().slice(0, 10);
  await clerk(deferred.id, 'record-deferral', { deferralDue: after, reason: '数量巨大' });
  setToday(t.app, SUPERVISION_DAY);
  await clerk(late.id, 'reply', { replyType: 'NOT_EXIST' });
  await clerk(late.id, 'record-service', { method: 'in_person', servedOn: SUPERVISION_DAY });
  await clerk(corrected.id, 'request-correction', {
    what: '请写明所需信息的年份。',
    periodEnd: '2026-04-03',
  });
  await clerk(extended.id, 'request-extension', { days: 10, reason: '需调取历史档案。' });
  return refs;
}

/**
 * Signs `email` in from `next` and lands there on SUPERVISION_DAY. The browser keeps the session
 * cookie until its expiry, which the app dates by its own clock: sign in at the real time, then
 * move the app's clock back to the scenario's day.
 */
export async function signInOnScenarioDay(
  t: TestApp,
  page: Page,
  base: string,
  email: string,
  next: string,
  lands = next,
): Promise<void> {
  t.app.get<Clock, FixedClock>(Clock).set(new Date().toISOString());
  await page.goto(`${base}${next}`);
  await signInAs(page, base, email, lands, { from: page.url().slice(base.length) });
  setToday(t.app, SUPERVISION_DAY);
  await page.reload();
}
