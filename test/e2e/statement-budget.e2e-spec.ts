import request from 'supertest';
import { seedWorld, type World } from '../utils/fixtures';
import { act, CONTENT, setToday } from '../utils/requests';
import { SqlProbe, type SentTransaction } from '../utils/sql-probe';
import { bootTestApp, caseTestEnv, type TestApp } from '../utils/test-app';

const ONLINE_FILING_BUDGET = 14;
const ACTION_BUDGET = 10;

describe('statements per filing and per action', () => {
  let t: TestApp;
  let w: World;
  const probe = new SqlProbe();
  const http = () => request(t.app.getHttpServer());
  /** The one transaction of the request `run` makes that wrote `table`. */
  const transactionOf = async (table: string, run: () => Promise<unknown>) => {
    probe.clear();
    await run();
    const txs = probe.matching(new RegExp(`^\\s*(INSERT INTO|UPDATE) "?${table}"?`, 'i'));
    expect(txs).toHaveLength(1);
    return txs[0];
  };
  /** 'within budget', or the statements sent (so that a failure shows them). */
  const within = (tx: SentTransaction, budget: number) =>
    tx.length <= budget
      ? 'within budget'
      : `${tx.length} statements:\n${tx.map((s, i) => `${i + 1}. ${s.slice(0, 120)}`).join('\n')}`;

  beforeAll(async () => {
    t = await bootTestApp(caseTestEnv('2026-09-14T09:00:00+08:00'));
    w = await seedWorld(t.app);
    await http()
      .patch('/api/v1/agencies/DQ-GA')
      .set('authorization', `Bearer ${w.tokens.rootAdmin}`)
      .send({ channels: ['online'] })
      .expect(200);
    // The calendar is loaded once and then re-checked every few seconds (CalendarService): a
    // first filing warms it, the budget is that of the steady state.
    setToday(t.app, '2026-09-14');
    await http()
      .post('/api/v1/requests')
      .set('authorization', `Bearer ${w.tokens.applicant}`)
      .send(CONTENT)
      .expect(201);
    probe.install();
  });
  afterAll(async () => {
    probe.uninstall();
    await t.close();
  });

  it('files online in at most 14 statements and reads the agency once', async () => {
    setToday(t.app, '2026-09-14');
    let id = '';
    const tx = await transactionOf('request_case', async () => {
      const res = await http()
        .post('/api/v1/requests')
        .set('authorization', `Bearer ${w.tokens.applicant}`)
        .send(CONTENT)
        .expect(201);
      id = res.body.id;
    });
    expect(id).not.toBe('');
    expect(within(tx, ONLINE_FILING_BUDGET)).toBe('within budget');
    expect(tx.filter((s) => /FROM "agency"/i.test(s))).toHaveLength(1);
  });

  it('runs a workflow action in at most 10 statements', async () => {
    setToday(t.app, '2026-09-14');
    const res = await http()
      .post('/api/v1/requests')
      .set('authorization', `Bearer ${w.tokens.applicant}`)
      .send(CONTENT)
      .expect(201);
    const tx = await transactionOf('request_case', () =>
      act(t.app, w.tokens.clerk, res.body.id, 'assign', { assigneeId: w.ids.clerk }).expect(200),
    );
    expect(within(tx, ACTION_BUDGET)).toBe('within budget');
  });
});
