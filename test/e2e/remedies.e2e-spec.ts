import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { RemediesImport } from '../../src/modules/remedies/remedies-import.service';
import { seedWorld, WORLD, type World } from '../utils/fixtures';
import { act, intake, setToday } from '../utils/requests';
import { settle } from '../utils/timers';
import { bootTestApp, type TestApp } from '../utils/test-app';

/**
 * Remedies end to end: each kind and outcome, deemed acceptance by the timers, suspension,
 * an appeal counted once, reopening after a corrective decision, the applicant's windows across
 * holidays and a make-up Saturday, the case file, section 四 against a hand count, and import.
 */
describe('remedies', () => {
  let t: TestApp;
  let w: World;
  const http = () => request(t.app.getHttpServer());
  const as = (who: keyof World['tokens']) => ({ authorization: `Bearer ${w.tokens[who]}` });
  const db = () => t.app.get(DataSource);

  beforeAll(async () => {
    t = await bootTestApp({
      CLOCK: 'fixed',
      CLOCK_FIXED_AT: '2026-01-05T09:00:00+08:00',
      ACCESS_TOKEN_TTL_SECONDS: '31536000',
      RATE_LIMIT_PER_MINUTE: '100000',
    });
    w = await seedWorld(t.app);
  }, 60_000);
  afterAll(() => t.close());

  /** A case of DQ-GA received in person on `day`. */
  async function caseOn(
    day: string,
    token = w.tokens.clerk,
  ): Promise<{ id: string; referenceNo: string }> {
    setToday(t.app, day);
    const c = await intake(t.app, token, {
      channel: 'in_person',
      submittedAt: `${day}T09:00:00+08:00`,
    });
    return { id: c.id, referenceNo: c.referenceNo as string };
  }
  async function replied(
    c: { id: string },
    on: string,
    replyType: string,
    deliveredOn: string,
  ): Promise<void> {
    setToday(t.app, deliveredOn);
    await act(t.app, w.tokens.clerk, c.id, 'reply', {
      replyType,
      text: '答复如下。',
      repliedOn: on,
    }).expect(200);
    await act(t.app, w.tokens.clerk, c.id, 'record-service', {
      method: 'post',
      servedOn: on,
      deliveredOn,
      trackingNo: 'EMS1234567890CN',
    }).expect(200);
  }
  async function remedy(caseId: string, body: object, who: keyof World['tokens'] = 'clerk') {
    const res = await http().post(`/api/v1/requests/${caseId}/remedies`).set(as(who)).send(body);
    expect(res.status).toBe(201);
    return res.body as { id: string; status: string; dates: Record<string, string | null> };
  }
  async function step(id: string, action: string, body: object, status = 200) {
    const res = await http().post(`/api/v1/remedies/${id}/${action}`).set(as('clerk')).send(body);
    expect({ status: res.status, code: res.body.code }).toEqual(
      expect.objectContaining({ status }),
    );
    return res.body;
  }
  const get = async (id: string) =>
    (await http().get(`/api/v1/remedies/${id}`).set(as('clerk')).expect(200)).body;
  const windows = async (caseId: string, who: keyof World['tokens'] = 'clerk') =>
    (await http().get(`/api/v1/requests/${caseId}/remedy-windows`).set(as(who)).expect(200)).body
      .windows as Array<{
      id: string;
      due: string;
      rolled: boolean;
      warnings: string[];
      remedyId?: string;
    }>;
  const outbox = async (template: string, ref: string) =>
    db().query<Array<{ to_address: string }>>(
      `SELECT to_address FROM mail_outbox WHERE template = $1 AND params->>'referenceNo' LIKE $2`,
      [template, `${ref}%`],
    );

  it('takes a reconsideration from application to service; the timers deem it accepted after 5 WD (WE-13)', async () => {
    const c = await caseOn('2026-09-01');
    setToday(t.app, '2026-09-28');
    const r = await remedy(c.id, {
      kind: 'reconsideration',
      appliedOn: '2026-09-28',
      bodyName: '大庆市人民政府',
    });
    expect(r).toMatchObject({ status: 'applied', dates: { acceptanceDue: '2026-10-10' } });
    setToday(t.app, '2026-10-10', '23:00');
    await settle(t.app);
    expect((await get(r.id)).status).toBe('applied');
    setToday(t.app, '2026-10-11', '00:10');
    await settle(t.app);
    const accepted = await get(r.id);
    expect(accepted).toMatchObject({
      status: 'accepted',
      acceptedOn: '2026-10-10',
      acceptedDeemed: true,
      dates: { decisionDue: '2026-12-09', acceptanceDue: null },
    });
    expect(
      accepted.events.map(
        (e: { action: string; actorRole: string }) => `${e.action}/${e.actorRole}`,
      ),
    ).toEqual(['create/clerk', 'accept/system']);
    setToday(t.app, '2026-10-12');
    const copied = await step(r.id, 'record-copy', { on: '2026-10-12' });
    expect(copied.dates.answerDue).toBe('2026-10-26');
    // The clerk is reminded on the agency's own answer due date.
    setToday(t.app, '2026-10-26', '09:30');
    await settle(t.app);
    expect(await outbox('deadline-reminder', c.referenceNo)).toEqual(
      expect.arrayContaining([{ to_address: WORLD.staff.clerk.email }]),
    );
    await step(r.id, 'answer', { on: '2026-10-26' });
    setToday(t.app, '2026-11-25');
    await step(r.id, 'decide', { on: '2026-11-20', result: 'upheld' });
    const served = await step(r.id, 'serve', { on: '2026-11-25' });
    expect(served).toMatchObject({
      status: 'served',
      decisions: [expect.objectContaining({ resultLabel: '维持', resultClass: 'keep' })],
    });
    expect((await windows(c.id)).find((x) => x.remedyId === r.id)).toMatchObject({
      id: 'suit_after_reconsideration',
      due: '2026-12-10',
    });
  });

  it('alerts the clerk and the supervisors above when the body lets its decision period pass', async () => {
    const c = await caseOn('2026-01-05');
    setToday(t.app, '2026-01-06');
    const r = await remedy(c.id, {
      kind: 'reconsideration',
      appliedOn: '2026-01-06',
      procedure: 'simplified',
    });
    await step(r.id, 'accept', { on: '2026-01-06' });
    expect((await get(r.id)).dates.decisionDue).toBe('2026-02-05');
    setToday(t.app, '2026-02-06', '09:30');
    await settle(t.app);
    expect((await outbox('deadline-overdue', c.referenceNo)).map((x) => x.to_address)).toEqual(
      expect.arrayContaining([WORLD.staff.clerk.email, WORLD.staff.parentSupervisor.email]),
    );
    // The reconsideration period ran out without a decision: the applicant may sue within 15 days.
    expect((await windows(c.id)).find((x) => x.remedyId === r.id)).toMatchObject({
      id: 'suit_after_reconsideration_lapsed',
      due: '2026-02-24',
    });
  });

  it('stops the decision clock while suspended and adds the days on resumption (R-RV-13, WE-13)', async () => {
    const c = await caseOn('2026-02-10');
    setToday(t.app, '2026-03-02');
    const r = await remedy(c.id, { kind: 'reconsideration', appliedOn: '2026-03-02' });
    expect((await step(r.id, 'accept', { on: '2026-03-02' })).dates.decisionDue).toBe('2026-05-06');
    setToday(t.app, '2026-03-20');
    expect((await step(r.id, 'suspend', { on: '2026-03-10' })).dates.decisionDue).toBeNull();
    const resumed = await step(r.id, 'resume', { on: '2026-03-20' });
    expect(resumed).toMatchObject({
      status: 'accepted',
      suspendedDays: 10,
      dates: { decisionDue: '2026-05-11' },
    });
    expect((await step(r.id, 'extend', { days: 20 })).dates.decisionDue).toBe('2026-06-01');
    expect((await step(r.id, 'extend', { days: 11 }, 400)).errors[0].code).toBe(
      'remedy-extension-over-limit',
    );
    expect((await step(r.id, 'extend', { days: 10 })).dates.decisionDue).toBe('2026-06-10');
    // Not in this state: 409 with the state named; nothing changes.
    const refused = await step(r.id, 'docket', { on: '2026-03-20' }, 409);
    expect(refused).toMatchObject({ code: 'action-not-allowed-in-state' });
    expect((await get(r.id)).version).toBe(resumed.version + 2);
  });

  it('counts a suit with its appeal once, under the latest instance decided by 31 Dec', async () => {
    const c = await caseOn('2026-01-05');
    setToday(t.app, '2026-02-02');
    const s = await remedy(c.id, {
      kind: 'litigation_direct',
      appliedOn: '2026-02-01',
      bodyCaseNo: '（2026）黑0602行初12号',
    });
    expect(s.status).toBe('filed');
    expect((await step(s.id, 'docket', { on: '2026-02-02' })).dates.decisionDue).toBe('2026-08-03');
    setToday(t.app, '2026-05-12');
    await step(s.id, 'decide', { on: '2026-05-10', result: 'dismissed', form: 'judgment' });
    await step(s.id, 'serve', { on: '2026-05-12' });
    expect((await windows(c.id)).find((x) => x.remedyId === s.id)).toMatchObject({
      id: 'appeal_judgment',
      due: '2026-05-27',
    });
    setToday(t.app, '2026-05-25');
    const appealed = await step(s.id, 'appeal', {
      on: '2026-05-20',
      appealReceivedOn: '2026-05-25',
    });
    expect(appealed).toMatchObject({
      status: 'appealed',
      instance: 2,
      dates: { decisionDue: '2026-08-25' },
    });
    setToday(t.app, '2026-11-20');
    await step(s.id, 'decide', { on: '2026-11-20', result: 'revoked' });
    expect((await step(s.id, 'appeal', { on: '2026-11-21' }, 409)).code).toBe(
      'remedy-no-further-appeal',
    );
    const four = (
      await http()
        .get('/api/v1/reports/section-four?year=2026&agencyCode=DQ-GA')
        .set(as('reporter'))
        .expect(200)
    ).body;
    expect(four.remedies.filter((x: { id: string }) => x.id === s.id)).toEqual([
      expect.objectContaining({ column: 'ld_fix' }),
    ]);
  });

  it('reopens the case when a decision orders a new answer; the first conclusion stays (D-18, D-17)', async () => {
    const c = await caseOn('2026-03-02');
    await replied(c, '2026-03-20', 'NOT_EXIST', '2026-03-23');
    const before = (await http().get(`/api/v1/requests/${c.id}`).set(as('clerk')).expect(200)).body;
    expect(before.conclusion).toMatchObject({ concludedOn: '2026-03-20' });
    setToday(t.app, '2026-04-01');
    const r = await remedy(c.id, { kind: 'reconsideration', appliedOn: '2026-04-01' });
    await step(r.id, 'accept', { on: '2026-04-01' });
    setToday(t.app, '2026-05-11');
    await step(r.id, 'decide', { on: '2026-05-08', result: 'ordered_to_act' }, 400);
    await step(r.id, 'decide', {
      on: '2026-05-08',
      result: 'ordered_to_act',
      reanswerReceivedOn: '2026-05-11',
    });
    const after = (await http().get(`/api/v1/requests/${c.id}`).set(as('clerk')).expect(200)).body;
    expect(after).toMatchObject({ status: 'in_progress', replyDue: '2026-06-08' });
    expect(after.conclusion).toMatchObject({ concludedOn: '2026-03-20', type: 'NOT_EXIST' });
    expect(after.timeline.at(-1)).toMatchObject({
      action: 'reopen',
      payload: expect.objectContaining({ remedyId: r.id }),
    });
    setToday(t.app, '2026-06-01');
    await act(t.app, w.tokens.clerk, c.id, 'reply', {
      replyType: 'DISCLOSED',
      text: '重新答复，予以公开。',
    }).expect(200);
    const replies = await db().query(
      `SELECT round, reply_type FROM case_reply WHERE case_id = $1 ORDER BY round`,
      [c.id],
    );
    expect(replies).toEqual([
      { round: 1, reply_type: 'NOT_EXIST' },
      { round: 2, reply_type: 'DISCLOSED' },
    ]);
  });

  it('tells the applicant the last day of every remedy, across holidays and a make-up Saturday (§3.4)', async () => {
    // WE-8: a refusal delivered on Sat 2025-08-02 → 60 days end on National Day → 10-09; no direct suit (D-15).
    const refusal = await caseOn('2025-07-01');
    await replied(refusal, '2025-08-01', 'WITHHELD_STATE_SECRET', '2025-08-02');
    expect((await windows(refusal.id)).map((x) => [x.id, x.due, x.rolled])).toEqual([
      ['reconsideration', '2025-10-09', true],
    ]);
    // WE-10: "does not exist" known on 2025-08-31 → 6 months end on a make-up Saturday: no roll, flagged.
    const notExist = await caseOn('2025-08-01');
    await replied(notExist, '2025-08-29', 'NOT_EXIST', '2025-08-31');
    expect(await windows(notExist.id)).toEqual([
      expect.objectContaining({ id: 'reconsideration', due: '2025-10-30' }),
      expect.objectContaining({
        id: 'direct_suit',
        raw: '2026-02-28',
        due: '2026-02-28',
        rolled: false,
        warnings: ['makeup-weekend'],
      }),
    ]);
    // No reply by the due date: the inaction windows.
    const silent = await caseOn('2026-03-02');
    setToday(t.app, '2026-04-10');
    expect((await windows(silent.id)).map((x) => [x.id, x.due])).toEqual([
      // Due 03-30; from the day after it: 60 days end on Sat 05-30 → Mon 06-01.
      ['inaction_reconsideration', '2026-06-01'],
      ['inaction_suit', '2026-09-30'],
    ]);
    // WE-9: a reconsideration decision served on 2026-02-05 → 15 days end in the Spring Festival → 02-24.
    const decided = await caseOn('2025-11-03');
    setToday(t.app, '2025-12-02');
    const r = await remedy(decided.id, { kind: 'reconsideration', appliedOn: '2025-12-01' });
    await step(r.id, 'accept', { on: '2025-12-02' });
    setToday(t.app, '2026-02-05');
    await step(r.id, 'decide', { on: '2026-02-03', result: 'upheld' });
    await step(r.id, 'serve', { on: '2026-02-05' });
    // A ruling dismissing a suit, served 2026-09-30: 10 days to appeal → 10-10, a make-up Saturday.
    setToday(t.app, '2026-02-24');
    const s = await remedy(decided.id, {
      kind: 'litigation_after_reconsideration',
      appliedOn: '2026-02-20',
    });
    await step(s.id, 'docket', { on: '2026-02-24' });
    setToday(t.app, '2026-09-30');
    await step(s.id, 'decide', { on: '2026-09-25', result: 'dismissed', form: 'ruling' });
    await step(s.id, 'serve', { on: '2026-09-30' });
    const all = await windows(decided.id);
    expect(all.filter((x) => x.remedyId).map((x) => [x.id, x.due, x.warnings])).toEqual([
      ['suit_after_reconsideration', '2026-02-24', []],
      ['appeal_ruling', '2026-10-10', ['makeup-weekend']],
    ]);
  });

  it('shows an applicant the windows of their own case only', async () => {
    setToday(t.app, '2026-03-02');
    await http()
      .patch('/api/v1/agencies/DQ-GA')
      .set(as('rootAdmin'))
      .send({ channels: ['online'] })
      .expect(200);
    const filed = await http()
      .post('/api/v1/requests')
      .set(as('applicant'))
      .send({
        agencyCode: 'DQ-GA',
        title: '某项统计数据',
        description: '申请公开某项统计数据。',
        form: 'electronic',
        deliveryRoute: 'portal',
      })
      .expect(201);
    setToday(t.app, '2026-04-10');
    expect((await windows(filed.body.id, 'applicant')).map((x) => x.id)).toEqual([
      'inaction_reconsideration',
      'inaction_suit',
    ]);
    await http()
      .get(`/api/v1/requests/${filed.body.id}/remedy-windows`)
      .set(as('otherApplicant'))
      .expect(404);
  });

  it('assembles the case file: every letter as issued, services, the trace, the logs; audited with its hash', async () => {
    const c = await caseOn('2026-09-25');
    await replied(c, '2026-10-20', 'DISCLOSED', '2026-10-22');
    setToday(t.app, '2026-10-26');
    const r = await remedy(c.id, { kind: 'reconsideration', appliedOn: '2026-10-26' });
    const res = await http()
      .get(`/api/v1/remedies/${r.id}/case-file.zip`)
      .set(as('clerk'))
      .buffer(true)
      .parse((response, cb) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const zip = await JSZip.loadAsync(res.body as Buffer);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as {
      files: Array<{ path: string; sha256: string }>;
    };
    const letters = await db().query<
      Array<{ document_number: string; sha256: string; html: string }>
    >(
      `SELECT document_number, sha256, html FROM issued_letter WHERE case_id = $1 ORDER BY created_at`,
      [c.id],
    );
    expect(letters.length).toBeGreaterThanOrEqual(2); // the receipt and the reply
    for (const f of manifest.files) {
      const content = await zip.file(f.path)!.async('nodebuffer');
      expect(createHash('sha256').update(content).digest('hex')).toBe(f.sha256);
    }
    expect(
      manifest.files
        .filter((f) => f.path.startsWith('letters/'))
        .map((f) => f.sha256)
        .sort(),
    ).toEqual(letters.map((l) => l.sha256).sort());
    const html = await zip.file('case-file.html')!.async('string');
    for (const l of letters) expect(html).toContain(l.document_number);
    expect(html).toContain(c.referenceNo);
    expect(html).toContain('EMS1234567890CN');
    expect(html).toMatch(/国庆节/); // the trace skipped National Day, named
    expect(html).toContain('reply');
    const [audit] = await db().query(
      `SELECT details FROM audit_log WHERE action = 'remedy.case-file' AND target_id = $1`,
      [r.id],
    );
    expect(audit.details.sha256).toBe(res.headers['x-content-sha256']);
    await http().get(`/api/v1/remedies/${r.id}/case-file`).set(as('otherClerk')).expect(404);
  });

  it('counts section 四 by a hand count, with R-AR-21, for an agency and its subtree', async () => {
    const c = await caseOn('2026-01-05');
    const figures = async (code: string, subtree = false) =>
      (
        await http()
          .get(
            `/api/v1/reports/section-four?year=2026&agencyCode=${code}${subtree ? '&subtree=true' : ''}`,
          )
          .set(as('parentSupervisor'))
          .expect(200)
      ).body.figures as Record<string, number>;
    const base = await figures('DQ-GA');
    // Each step on its day: the timers would deem a reconsideration accepted once its review lapsed.
    setToday(t.app, '2026-03-02');
    const rvs: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await remedy(c.id, { kind: 'reconsideration', appliedOn: '2026-03-01' });
      await step(r.id, 'accept', { on: '2026-03-02' });
      rvs.push(r.id);
    }
    await remedy(c.id, { kind: 'reconsideration', appliedOn: '2025-12-20' }); // another year
    setToday(t.app, '2026-04-03');
    const wd = await remedy(c.id, { kind: 'reconsideration', appliedOn: '2026-04-01' });
    await step(wd.id, 'withdraw', { on: '2026-04-03' }); // 其他结果
    const na = await remedy(c.id, { kind: 'reconsideration', appliedOn: '2026-04-02' });
    await step(na.id, 'refuse', { on: '2026-04-03' }); // 其他结果
    setToday(t.app, '2026-06-01');
    for (const [i, result] of ['upheld', 'changed', 'confirmed_unlawful', 'mediated'].entries())
      await step(rvs[i], 'decide', { on: '2026-06-01', result }); // rvs[4] stays pending at 31 Dec
    await remedy(c.id, { kind: 'complaint', appliedOn: '2026-05-01' }); // not in section 四
    const ld = await remedy(c.id, { kind: 'litigation_direct', appliedOn: '2026-05-01' });
    await step(ld.id, 'docket', { on: '2026-05-06' });
    await step(ld.id, 'decide', { on: '2026-06-01', result: 'upheld' });
    // R-AR-21: the reconsideration body is co-defendant for upholding — only DQ-GA counts it.
    const lr1 = await remedy(c.id, {
      kind: 'litigation_after_reconsideration',
      appliedOn: '2026-05-20',
      defendants: [
        { role: 'original', name: '大庆市公安局', agencyCode: 'DQ-GA' },
        { role: 'reconsideration_body', name: '大庆市人民政府', agencyCode: 'DQ' },
      ],
    });
    await step(lr1.id, 'docket', { on: '2026-05-25' });
    // D-20: the body changed the act and alone is the defendant — DQ counts it, DQ-GA does not.
    const lr2 = await remedy(c.id, {
      kind: 'litigation_after_reconsideration',
      appliedOn: '2026-05-20',
      defendants: [{ role: 'reconsideration_body', name: '大庆市人民政府', agencyCode: 'DQ' }],
    });
    await step(lr2.id, 'docket', { on: '2026-05-26' });
    setToday(t.app, '2026-12-31');
    await step(lr2.id, 'decide', { on: '2027-01-10', result: 'revoked' }, 400); // not in the future
    const ga = await figures('DQ-GA');
    const delta = Object.fromEntries(Object.entries(ga).map(([k, v]) => [k, v - (base[k] ?? 0)]));
    expect(delta).toEqual({
      rv_keep: 1,
      rv_fix: 2,
      rv_other: 3,
      rv_pending: 1,
      rv_total: 7,
      ld_keep: 1,
      ld_fix: 0,
      ld_other: 0,
      ld_pending: 0,
      ld_total: 1,
      lr_keep: 0,
      lr_fix: 0,
      lr_other: 0,
      lr_pending: 1,
      lr_total: 1,
    });
    expect(await figures('DQ')).toEqual(
      expect.objectContaining({ lr_pending: 1, lr_total: 1, rv_total: 0, ld_total: 0 }),
    );
    const sub = await figures('DQ', true);
    expect(sub.lr_total).toBe(ga.lr_total + 1);
    expect(sub.rv_total).toBe(ga.rv_total);
    await http()
      .get('/api/v1/reports/section-four?year=2026&agencyCode=DQ-GA')
      .set(as('clerk'))
      .expect(403);
  });

  it('imports remedies from JSONL: all or nothing, and re-importing changes nothing', async () => {
    const c = await caseOn('2024-03-04');
    setToday(t.app, '2025-01-02');
    const lines = [
      {
        caseRef: c.referenceNo,
        kind: 'reconsideration',
        filedOn: '2024-05-01',
        concludedOn: '2024-07-01',
        result: 'corrected',
        body: '大庆市人民政府',
      },
      {
        caseRef: c.referenceNo,
        kind: 'litigation_direct',
        filedOn: '2024-06-01',
        concludedOn: null,
        result: null,
        body: '大庆市萨尔图区人民法院',
      },
    ];
    const text = lines.map((l) => JSON.stringify(l)).join('\n');
    const imports = t.app.get(RemediesImport);
    const bad = await imports.import(
      `${text}\n{"caseRef":"NOPE-2024-000001","kind":"complaint","filedOn":"2024-02-30","body":"x"}`,
    );
    expect(bad).toEqual({
      ok: false,
      problems: [expect.objectContaining({ line: 3, field: 'filedOn' })],
    });
    const unknown = await imports.import(
      `${text}\n{"caseRef":"NOPE-2024-000001","kind":"complaint","filedOn":"2024-02-03","concludedOn":null,"result":null,"body":"x"}`,
    );
    expect(unknown).toEqual({
      ok: false,
      problems: [expect.objectContaining({ line: 3, field: 'caseRef' })],
    });
    expect(await db().query(`SELECT id FROM remedy WHERE case_id = $1`, [c.id])).toEqual([]);
    expect(await imports.import(text)).toEqual({ ok: true, created: 2, unchanged: 0 });
    expect(await imports.import(text)).toEqual({ ok: true, created: 0, unchanged: 2 });
    setToday(t.app, '2025-01-02');
    const four = (
      await http()
        .get('/api/v1/reports/section-four?year=2024&agencyCode=DQ-GA')
        .set(as('reporter'))
        .expect(200)
    ).body.figures;
    expect(four).toMatchObject({ rv_fix: 1, rv_total: 1, ld_pending: 1, ld_total: 1 });
    const rows = await db().query(
      `SELECT kind FROM deadline WHERE subject_type = 'remedy' AND subject_id IN (SELECT id FROM remedy WHERE case_id = $1)`,
      [c.id],
    );
    expect(rows).toEqual([]); // no clocks for history
  });
});
