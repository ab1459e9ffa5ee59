import request from 'supertest';
import { seedWorld, type World } from '../utils/fixtures';
import { act, intake, setToday } from '../utils/requests';
import { bootTestApp, caseTestEnv, type TestApp } from '../utils/test-app';
import { textOf } from '../unit/correspondence/html-structure';

/** Report row labels that must never reach a letter (they are the annual report's words). */
const REPORT_LABELS = ['不予公开：', '不予处理：', '无法提供：', '其他处理', '申请人撤回申请'];

describe('Letters read as prose with optional text left out', () => {
  let t: TestApp;
  let w: World;
  const http = () => request(t.app.getHttpServer());
  const letter = async (id: string, kind: string, query = '') =>
    textOf(
      (
        await http()
          .get(`/api/v1/requests/${id}/letters/${kind}${query}`)
          .set('authorization', `Bearer ${w.tokens.clerk}`)
          .expect(200)
      ).text,
    );
  const fresh = (submittedAt = '2026-09-14T09:00:00+08:00') =>
    intake(t.app, w.tokens.clerk, { submittedAt });

  beforeAll(async () => {
    t = await bootTestApp(caseTestEnv('2026-09-14T09:00:00+08:00'));
    w = await seedWorld(t.app);
    setToday(t.app, '2026-09-14');
  });
  afterAll(async () => {
    await t.close();
  });

  it('a refusal without the clerk’s own reason states the exemption once, without a report row label', async () => {
    const c = await fresh();
    await act(t.app, w.tokens.clerk, c.id, 'reply', { replyType: 'WITHHELD_STATE_SECRET' }).expect(
      200,
    );
    const text = await letter(c.id, 'reply');
    expect(text).toContain('经审查，您申请获取的政府信息属于依法确定为国家秘密的政府信息。');
    expect(text).not.toContain('不予公开的理由');
    for (const label of REPORT_LABELS) expect(text).not.toContain(label);
  });

  it('“not this agency” without a known responsible agency says 本机关无法确定负责公开该信息的行政机关', async () => {
    const c = await fresh();
    await act(t.app, w.tokens.clerk, c.id, 'reply', {
      replyType: 'NOT_THIS_AGENCY',
      responsibleAgency: '无法确定',
      text: '该统计数据不由公安机关制作或者保存。',
    }).expect(200);
    const text = await letter(c.id, 'reply');
    expect(text).toContain('本机关无法确定负责公开该信息的行政机关。');
    expect(text).toContain('理由是：该统计数据不由公安机关制作或者保存。根据');
    expect(text).not.toContain('行政机关为无法确定');
    expect(text).not.toContain('。。');
    expect(text.match(/特此告知/g)).toHaveLength(1);
  });

  it('an OTHER reply needs the wording of its decision (the letter has nothing else to print)', async () => {
    const c = await fresh();
    const res = await act(t.app, w.tokens.clerk, c.id, 'reply', { replyType: 'OTHER' }).expect(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: 'text', code: 'reply-text-required' }),
    ]);
  });

  it('the withdrawal confirmation is titled and listed as such, without a remedy paragraph', async () => {
    const c = await fresh();
    await act(t.app, w.tokens.clerk, c.id, 'withdraw', { reason: '不需要了' }).expect(200);
    const list = await http()
      .get(`/api/v1/requests/${c.id}/letters`)
      .set('authorization', `Bearer ${w.tokens.clerk}`)
      .expect(200);
    expect(list.body.map((l: { title: string }) => l.title)).toContain(
      '政府信息公开申请撤回确认书',
    );
    const text = await letter(c.id, 'reply');
    expect(text).toContain('政府信息公开申请撤回确认书');
    expect(text).toContain('申请撤回上述政府信息公开申请。本机关予以确认');
    expect(text).not.toContain('行政复议');
    expect(text).not.toContain('行政诉讼');
  });

  it('a date resting on a provisional calendar year says so; one inside a published year does not', async () => {
    const inYear = await fresh();
    expect(await letter(inYear.id, 'receipt_acknowledgement')).not.toContain('尚未公布');
    setToday(t.app, '2026-12-14');
    const late = await fresh('2026-12-14T09:00:00+08:00');
    const text = await letter(late.id, 'receipt_acknowledgement');
    expect(text).toMatch(/答复期限为2027年1月\d+日/);
    expect(text).toContain(
      '注：本文书所列日期涉及的2027年节假日安排国务院办公厅尚未公布，暂按周六、周日休息计算',
    );
    setToday(t.app, '2026-09-14');
  });

  it('the extension and consultation letters print their own facts', async () => {
    const c = await fresh();
    await act(t.app, w.tokens.clerk, c.id, 'assign', { assigneeId: w.ids.clerk }).expect(200);
    await act(t.app, w.tokens.clerk, c.id, 'request-extension', {
      days: 10,
      reason: '需要调取档案并进行保密审查。',
    }).expect(200);
    await act(t.app, w.tokens.parentSupervisor, c.id, 'decide-extension', {
      approve: true,
    }).expect(200);
    const ext = await letter(c.id, 'extension_notice');
    expect(ext).toContain('原答复期限为2026年10月16日。');
    expect(ext).toContain('因需要调取档案并进行保密审查，本机关不能在原答复期限内作出答复');
    expect(ext).toContain('答复期限延长10个工作日，本机关将于2026年10月30日前作出答复');
    expect(ext).not.toContain('。）');

    const started = await act(t.app, w.tokens.clerk, c.id, 'start-consultation', {
      partyKind: 'third_party',
      partyName: '大庆某某运输有限公司',
      subject: '涉及贵公司的车辆运营数据',
    }).expect(200);
    const consultationId = started.body.consultations[0].id as string;
    const con = await letter(c.id, 'consultation_letter', `?consultationId=${consultationId}`);
    expect(con).toContain('大庆某某运输有限公司：');
    expect(con).toContain('经审查，该政府信息涉及贵公司的车辆运营数据，公开后可能损害贵方合法权益');
    expect(con.match(/涉及贵公司的车辆运营数据/g)).toHaveLength(1);
    expect(con).not.toContain('需要调取档案');
  });
});
