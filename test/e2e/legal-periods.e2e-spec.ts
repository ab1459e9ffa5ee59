import request from 'supertest';
import { nationalCalendar } from '../../src/modules/calendar/domain/national-calendar';
import { LEGAL_PERIODS } from '../../src/modules/deadlines/domain/legal-periods';
import { seedWorld, type World } from '../utils/fixtures';
import { act, intake, setToday } from '../utils/requests';
import { bootTestApp, caseTestEnv, type TestApp } from '../utils/test-app';

const cal = nationalCalendar();
const cn = (d: string) =>
  `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/**
 * Every period a letter prints or an action stores comes from the one table of legal periods
 * and the deadline engine — checked for an OGI-2019 and an OGI-2008 case: 20 vs 15 WD, the fee
 * window from the APPLICANT's receipt, the consulted party's window from the PARTY's receipt.
 */
describe('Legal periods in letters and actions', () => {
  let t: TestApp;
  let w: World;
  const http = () => request(t.app.getHttpServer());
  const letter = async (id: string, kind: string, query = '') =>
    (
      await http()
        .get(`/api/v1/requests/${id}/letters/${kind}${query}`)
        .set('authorization', `Bearer ${w.tokens.clerk}`)
        .expect(200)
    ).text;
  const detail = async (id: string) =>
    (
      await http()
        .get(`/api/v1/requests/${id}`)
        .set('authorization', `Bearer ${w.tokens.clerk}`)
        .expect(200)
    ).body;

  beforeAll(async () => {
    t = await bootTestApp({
      ...caseTestEnv('2026-09-14T09:00:00+08:00'),
    });
    w = await seedWorld(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('OGI-2019', () => {
    it('prints the 20-WD reply period and the engine due date on the receipt; extends by at most 20 WD', async () => {
      setToday(t.app, '2026-09-14');
      const c = await intake(t.app, w.tokens.clerk, {
        channel: 'in_person',
        submittedAt: '2026-09-14T09:00:00+08:00',
      });
      const due = cal.addWorkingDays('2026-09-14', LEGAL_PERIODS.replyOgi2019.length).due as string;
      expect(c.replyDue).toBe(due);
      const receipt = await letter(c.id, 'receipt_acknowledgement');
      expect(receipt).toContain('自收到申请之日起20个工作日内作出答复');
      expect(receipt).toContain(`答复期限为${cn(due)}`);
      expect(receipt).toContain('延长的期限最长不超过20个工作日');
      const tooLong = await act(t.app, w.tokens.clerk, c.id, 'request-extension', {
        days: 21,
        reason: '需要会商',
      }).expect(400);
      expect(tooLong.body.errors).toEqual([
        expect.objectContaining({ field: 'days', code: 'extension-too-long' }),
      ]);
      await act(t.app, w.tokens.clerk, c.id, 'request-extension', {
        days: 20,
        reason: '需要会商',
      }).expect(200);
      const decided = await act(t.app, w.tokens.parentSupervisor, c.id, 'decide-extension', {
        approve: true,
      }).expect(200);
      expect(decided.body.replyDue).toBe(cal.addWorkingDays(due, 20).due);
      expect(await letter(c.id, 'extension_notice')).toContain('延长的期限最长不超过20个工作日');
    });

    it('gives the consulted party 15 WD from ITS receipt (WE-5): no date while the receipt is unknown', async () => {
      setToday(t.app, '2026-09-18');
      const c = await intake(t.app, w.tokens.clerk, {
        channel: 'in_person',
        submittedAt: '2026-09-14T09:00:00+08:00',
      });
      const unknown = await act(t.app, w.tokens.clerk, c.id, 'start-consultation', {
        partyKind: 'third_party',
        partyName: '某公司',
        subject: '商业秘密',
      }).expect(200);
      expect(unknown.body.consultations[0].partyDue).toBeNull();
      const first = await letter(
        c.id,
        'consultation_letter',
        `?consultationId=${unknown.body.consultations[0].id}`,
      );
      expect(first).toContain('自收到本函之日起15个工作日内提出');
      expect(first).not.toContain('（即');
      setToday(t.app, '2026-09-21');
      const known = await act(t.app, w.tokens.clerk, c.id, 'start-consultation', {
        partyKind: 'other_agency',
        partyName: '大庆市教育局',
        subject: '共同制作',
        sentOn: '2026-09-18',
        partyReceivedOn: '2026-09-21',
      }).expect(200);
      const x = known.body.consultations.find(
        (k: { partyName: string }) => k.partyName === '大庆市教育局',
      );
      // 15 WD from the party's receipt on 09-21, not from the sending on 09-18.
      expect(x.partyDue).toBe('2026-10-19');
      expect(x.partyDue).toBe(
        cal.addWorkingDays('2026-09-21', LEGAL_PERIODS.consultationReply.length).due,
      );
      expect(await letter(c.id, 'consultation_letter', `?consultationId=${x.id}`)).toContain(
        `自收到本函之日起15个工作日内（即${cn('2026-10-19')}前）`,
      );
    });

    it("counts the fee payment window from the applicant's receipt of the notice (R-FEE-04)", async () => {
      setToday(t.app, '2026-09-18');
      const c = await intake(t.app, w.tokens.clerk, {
        channel: 'in_person',
        submittedAt: '2026-09-14T09:00:00+08:00',
      });
      // Sent on Fri 09-18, received by the applicant on Mon 09-21.
      const issued = await act(t.app, w.tokens.clerk, c.id, 'issue-fee-notice', {
        method: 'per-volume',
        pages: 40,
        sentOn: '2026-09-18',
        receivedOn: '2026-09-18',
      }).expect(200);
      expect(issued.body.feeNotice.paymentDue).toBe(cal.addWorkingDays('2026-09-18', 20).due);
      const other = await intake(t.app, w.tokens.clerk, {
        channel: 'in_person',
        submittedAt: '2026-09-14T09:00:00+08:00',
      });
      const unknown = await act(t.app, w.tokens.clerk, other.id, 'issue-fee-notice', {
        method: 'per-volume',
        pages: 40,
      }).expect(200);
      expect(unknown.body.feeNotice.paymentDue).toBeNull();
      const printed = await letter(other.id, 'fee_notice');
      expect(printed).toContain('请您自收到本通知次日起20个工作日内缴纳');
      expect(printed).not.toContain('（即');
      setToday(t.app, '2026-09-24');
      const paid = await act(t.app, w.tokens.clerk, other.id, 'record-fee-payment', {
        paidOn: '2026-09-24',
        noticeReceivedOn: '2026-09-21',
      }).expect(200);
      expect(paid.body.feeNotice.paymentDue).toBe(
        cal.addWorkingDays('2026-09-21', LEGAL_PERIODS.feePayment.length).due,
      );
      expect(paid.body.feeNotice.paymentDue).not.toBe(
        cal.addWorkingDays('2026-09-18', LEGAL_PERIODS.feePayment.length).due,
      );
    });

    it('prints the remedy periods of the table in the reply, reconsideration first for a refusal dated from 2024 (D-15)', async () => {
      setToday(t.app, '2026-09-20');
      const c = await intake(t.app, w.tokens.clerk, {
        channel: 'in_person',
        submittedAt: '2026-09-14T09:00:00+08:00',
      });
      await act(t.app, w.tokens.clerk, c.id, 'reply', {
        replyType: 'WITHHELD_PROCESS_INFO',
        text: '属于过程性信息',
      }).expect(200);
      const reply = await letter(c.id, 'reply');
      expect(reply).toContain('收到本答复之日起六十日内');
      expect(reply).toContain('应当先申请行政复议');
      expect(reply).toContain('收到行政复议决定书之日起十五日内');
      expect(reply).not.toContain('六个月');
    });
  });

  describe('OGI-2008 (received before 2019-05-15)', () => {
    it('prints and stores 15 WD, extends by at most 15 WD, and has no correction, fee or party period (WE-7)', async () => {
      setToday(t.app, '2019-04-26');
      const c = await intake(t.app, w.tokens.clerk, {
        channel: 'in_person',
        submittedAt: '2019-04-26T09:00:00+08:00',
      });
      expect([c.regime, c.replyDue]).toEqual(['OGI-2008', '2019-05-20']);
      const receipt = await letter(c.id, 'receipt_acknowledgement');
      expect(receipt).toContain('自收到申请之日起15个工作日内作出答复');
      expect(receipt).toContain(`答复期限为${cn('2019-05-20')}`);
      expect(receipt).toContain('延长的期限最长不超过15个工作日');
      expect(
        (
          await act(t.app, w.tokens.clerk, c.id, 'request-extension', {
            days: 16,
            reason: '需要会商',
          }).expect(400)
        ).body.errors,
      ).toEqual([expect.objectContaining({ field: 'days', code: 'extension-too-long' })]);
      await act(t.app, w.tokens.clerk, c.id, 'request-extension', {
        days: 15,
        reason: '需要会商',
      }).expect(200);
      expect(
        (
          await act(t.app, w.tokens.parentSupervisor, c.id, 'decide-extension', {
            approve: true,
          }).expect(200)
        ).body.replyDue,
      ).toBe('2019-06-11');
      expect(await letter(c.id, 'extension_notice')).toContain('延长的期限最长不超过15个工作日');
      const fee = await act(t.app, w.tokens.clerk, c.id, 'issue-fee-notice', {
        method: 'per-volume',
        pages: 40,
      }).expect(400);
      expect(fee.body.errors).toEqual([expect.objectContaining({ code: 'fee-not-in-regime' })]);
      const correction = await act(t.app, w.tokens.clerk, c.id, 'request-correction', {
        what: '请补充',
        periodEnd: '2019-05-10',
      }).expect(400);
      expect(correction.body.errors).toEqual([
        expect.objectContaining({ code: 'correction-not-in-ogi-2008' }),
      ]);
      const consulted = await act(t.app, w.tokens.clerk, c.id, 'start-consultation', {
        partyKind: 'third_party',
        partyName: '某公司',
        subject: '商业秘密',
        partyReceivedOn: '2019-04-26',
      }).expect(200);
      expect(consulted.body.consultations[0].partyDue).toBeNull();
      const party = await letter(
        c.id,
        'consultation_letter',
        `?consultationId=${consulted.body.consultations[0].id}`,
      );
      expect(party).not.toContain('15个工作日');
      expect(party).toContain('第二十三条');
      expect((await detail(c.id)).deadlines.correctionNoticeDue).toBeNull();
    });
  });
});
