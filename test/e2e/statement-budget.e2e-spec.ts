import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  REPLY_TYPE_INFO,
  REPLY_TYPES,
  type ReplyType,
} from '../../src/modules/law/domain/reply-type';
import { seedWorld, type Actor, type World } from '../utils/fixtures';
import { act, CONTENT, intake, setToday } from '../utils/requests';
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
    // An INSERT or UPDATE of the table, alone or as a data-modifying CTE of a statement.
    const txs = probe.matching(new RegExp(`(INSERT INTO|UPDATE) "?${table}"?[ (]`, 'i'));
    expect(txs).toHaveLength(1);
    return txs[0];
  };
  /** 'within budget', or the statements sent (so that a failure shows them). */
  const within = (tx: SentTransaction, budget: number) =>
    tx.length <= budget
      ? 'within budget'
      : `${tx.length} statements:\n${tx.map((s, i) => `${i + 1}. ${s.slice(0, 120)}`).join('\n')}`;

  /**
   * 'last before COMMIT' when the agency's counter (reference and document numbers: one row,
   * whose lock serialises the agency's filings and letters) is touched by exactly one statement,
   * the last before COMMIT; otherwise where it was (and the statements sent).
   */
  const counterLast = (tx: SentTransaction) => {
    const at = tx.flatMap((s, i) => (/reference_counter/.test(s) ? [i + 1] : []));
    return at.length === 1 && at[0] === tx.length - 1 && /^\s*COMMIT\b/i.test(tx[tx.length - 1])
      ? 'last before COMMIT'
      : `the counter in statement(s) ${at.join(', ') || 'none'} of ${tx.length}:\n${tx
          .map((s, i) => `${i + 1}. ${s.slice(0, 120)}`)
          .join('\n')}`;
  };

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
    expect(counterLast(tx)).toBe('last before COMMIT');
    // The numbers are taken by the statement that writes the case and its receipt letter.
    expect(tx[tx.length - 2]).toMatch(
      /INSERT INTO "request_case"[\s\S]*INSERT INTO "issued_letter"/,
    );
    const [c] = await probeFree<Record<string, string | number | boolean>>(
      `SELECT c.reference_no, c.seq, l.document_number, l.doc_seq, l.sha256,
              encode(sha256(convert_to(l.html, 'UTF8')), 'hex') AS actual,
              strpos(l.html, c.reference_no) > 0 AND strpos(l.html, l.document_number) > 0 AS printed,
              (SELECT e.payload->>'sha256' FROM case_event e
                WHERE e.case_id = c.id AND e.action = 'letter_issued') AS event_sha
         FROM request_case c JOIN issued_letter l ON l.case_id = c.id WHERE c.id = $1`,
      [id],
    );
    expect(c).toMatchObject({ printed: true, sha256: c.actual, event_sha: c.actual });
    expect(c.reference_no).toBe(`DQ-GA-2026-${String(c.seq).padStart(6, '0')}`);
    expect(c.document_number).toContain(`第${String(c.doc_seq).padStart(6, '0')}号`);
  });

  it('files online with an Idempotency-Key, the key recorded before the counter', async () => {
    setToday(t.app, '2026-09-14');
    const tx = await transactionOf('request_case', () =>
      http()
        .post('/api/v1/requests')
        .set('authorization', `Bearer ${w.tokens.applicant}`)
        .set('idempotency-key', 'statement-budget-keyed')
        .send(CONTENT)
        .expect(201),
    );
    expect(within(tx, ONLINE_FILING_BUDGET)).toBe('within budget');
    expect(counterLast(tx)).toBe('last before COMMIT');
  });

  it('files in person (staff intake) with the counter last', async () => {
    const tx = await transactionOf('request_case', () => received());
    expect(counterLast(tx)).toBe('last before COMMIT');
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

  /** A case filed in person (received today, e-mail delivery: every letter is also mailed). */
  const received = async () =>
    (await intake(t.app, w.tokens.clerk, { submittedAt: '2026-09-14T09:00:00+08:00' })).id;
  /** The statements of `action` on case `id`, which must answer 200 (and issue a letter). */
  const budgetOf = async (id: string, action: string, body: object, who: Actor = 'clerk') => {
    const letters = await lettersOf(id);
    const tx = await transactionOf('request_case', () =>
      act(t.app, w.tokens[who], id, action, body).expect(200),
    );
    expect(await lettersOf(id)).toBe(letters + 1);
    // The letter, its event and its e-mail (a consultation letter goes to the party, by post)
    // were written by this one transaction, in one statement.
    const bundle = tx.filter((s) => /issued_letter/.test(s) && /case_event/.test(s));
    expect(bundle).toHaveLength(1);
    expect(/mail_outbox/.test(bundle[0])).toBe(action !== 'start-consultation');
    // Each row read once: no read sent twice in the transaction.
    const reads = tx.filter((s) => /^\s*SELECT/i.test(s));
    expect(reads.filter((s, i) => reads.indexOf(s) !== i)).toEqual([]);
    // The document number is taken by that statement, the last before COMMIT.
    expect(counterLast(tx)).toBe('last before COMMIT');
    expect(tx[tx.length - 2]).toBe(bundle[0]);
    return within(tx, ACTION_BUDGET);
  };
  const lettersOf = async (id: string) =>
    Number(
      (await probeFree(`SELECT count(*)::int AS n FROM issued_letter WHERE case_id = $1`, [id]))[0]
        .n,
    );
  /** A read outside the probe's view (not part of any action's transaction). */
  const probeFree = <R = { n: number }>(sql: string, params: unknown[]) =>
    t.app.get(DataSource).query<R[]>(sql, params);

  describe('every letter-issuing action in at most 10 statements', () => {
    beforeEach(() => setToday(t.app, '2026-09-14'));

    it('confirm-receipt', async () => {
      const c = await intake(t.app, w.tokens.clerk, {
        channel: 'post',
        postKind: 'ordinary',
        submittedAt: '2026-09-14T09:00:00+08:00',
      });
      expect(await budgetOf(c.id, 'confirm-receipt', {})).toBe('within budget');
    });

    it('correct-receipt-date', async () => {
      const id = await received();
      setToday(t.app, '2026-09-16');
      expect(
        await budgetOf(id, 'correct-receipt-date', { receivedOn: '2026-09-15', reason: '误录' }),
      ).toBe('within budget');
    });

    it('request-correction', async () => {
      const id = await received();
      expect(
        await budgetOf(id, 'request-correction', { what: '请补充。', periodEnd: '2026-10-16' }),
      ).toBe('within budget');
    });

    it('abandon-correction', async () => {
      const id = await received();
      await act(t.app, w.tokens.clerk, id, 'request-correction', {
        what: '请补充。',
        periodEnd: '2026-09-30',
      }).expect(200);
      setToday(t.app, '2026-10-12');
      expect(await budgetOf(id, 'abandon-correction', {})).toBe('within budget');
    });

    it('start-consultation', async () => {
      const id = await received();
      expect(
        await budgetOf(id, 'start-consultation', {
          partyKind: 'third_party',
          partyName: '某公司',
          subject: '商业秘密',
        }),
      ).toBe('within budget');
    });

    it('issue-fee-notice', async () => {
      const id = await received();
      expect(await budgetOf(id, 'issue-fee-notice', { method: 'per-volume', pages: 40 })).toBe(
        'within budget',
      );
    });

    it('abandon-unpaid-fee', async () => {
      const id = await received();
      await act(t.app, w.tokens.clerk, id, 'issue-fee-notice', {
        method: 'per-volume',
        pages: 40,
        receivedOn: '2026-09-14',
      }).expect(200);
      setToday(t.app, '2026-11-02');
      expect(await budgetOf(id, 'abandon-unpaid-fee', {})).toBe('within budget');
    });

    it('reject-fee-payment after the payment period (the abandonment letter)', async () => {
      const id = await received();
      await act(t.app, w.tokens.clerk, id, 'issue-fee-notice', {
        method: 'per-volume',
        pages: 40,
        receivedOn: '2026-09-14',
      }).expect(200);
      setToday(t.app, '2026-09-18');
      await act(t.app, w.tokens.clerk, id, 'report-fee-payment', {
        paidOn: '2026-09-18',
        note: '已转账',
      }).expect(200);
      setToday(t.app, '2026-11-02');
      expect(await budgetOf(id, 'reject-fee-payment', { reason: '未到账' })).toBe('within budget');
    });

    it('decide-extension (approved: the extension notice)', async () => {
      const id = await received();
      await act(t.app, w.tokens.clerk, id, 'request-extension', {
        days: 10,
        reason: '需要会商',
      }).expect(200);
      expect(await budgetOf(id, 'decide-extension', { approve: true }, 'parentSupervisor')).toBe(
        'within budget',
      );
    });

    it('request-reasons', async () => {
      const id = await received();
      expect(await budgetOf(id, 'request-reasons', { why: '数量明显超过合理范围' })).toBe(
        'within budget',
      );
    });

    it('record-deferral', async () => {
      const id = await received();
      await act(t.app, w.tokens.clerk, id, 'request-reasons', {
        why: '数量明显超过合理范围',
      }).expect(200);
      await act(t.app, w.tokens.clerk, id, 'record-reasons', { reasons: '用于研究' }).expect(200);
      expect(
        await budgetOf(id, 'record-deferral', { deferralDue: '2026-12-31', reason: '数量巨大' }),
      ).toBe('within budget');
    });

    it('withdraw (the withdrawal confirmation), by the applicant', async () => {
      setToday(t.app, '2026-09-14');
      const res = await http()
        .post('/api/v1/requests')
        .set('authorization', `Bearer ${w.tokens.applicant}`)
        .send(CONTENT)
        .expect(201);
      expect(await budgetOf(res.body.id, 'withdraw', { reason: '不需要了' }, 'applicant')).toBe(
        'within budget',
      );
    });

    const clerkTypes = REPLY_TYPES.filter((rt) => REPLY_TYPE_INFO[rt].clerkReply);
    const extra: Partial<Record<ReplyType, object>> = {
      PARTIAL_REDACTED: {
        withheld: [
          { item: '第三方联系电话', reason: '个人隐私', basis: '《政府信息公开条例》第十五条' },
        ],
      },
      NOT_THIS_AGENCY: { responsibleAgency: '大庆市教育局，电话0459-0000000' },
      OTHER: { text: '经与申请人沟通，已安排其到本机关查阅相关档案。' },
    };
    it.each(clerkTypes)('reply %s', async (replyType) => {
      const id = await received();
      let body: object = { replyType, ...(extra[replyType] ?? {}) };
      if (replyType === 'STILL_UNCLEAR_AFTER_CORRECTION') {
        await act(t.app, w.tokens.clerk, id, 'request-correction', {
          what: '请写明年份。',
          periodEnd: '2026-10-16',
        }).expect(200);
        await act(t.app, w.tokens.clerk, id, 'record-correction', {
          correction: '有关年份。',
        }).expect(200);
      }
      if (replyType === 'UNREASONABLE_VOLUME_NOT_PROCESSED')
        await act(t.app, w.tokens.clerk, id, 'request-reasons', { why: '数量过大' }).expect(200);
      if (replyType === 'REPEAT_NOT_REPROCESSED') {
        const first = await intake(t.app, w.tokens.clerk, {
          submittedAt: '2026-09-14T09:00:00+08:00',
        });
        await act(t.app, w.tokens.clerk, first.id, 'reply', { replyType: 'DISCLOSED' }).expect(200);
        body = { ...body, previousReferenceNo: first.referenceNo };
      }
      expect(await budgetOf(id, 'reply', body)).toBe('within budget');
    });
  });
});
