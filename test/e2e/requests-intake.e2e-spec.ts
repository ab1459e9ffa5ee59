import request from 'supertest';
import { DataSource } from 'typeorm';
import { withUsccCheck } from '../../src/modules/accounts/domain/identity';
import { seedWorld, type World } from '../utils/fixtures';
import { act, APPLICANT, CONTENT, intake, setToday } from '../utils/requests';
import { bootTestApp, caseTestEnv, type TestApp } from '../utils/test-app';

describe('Request intake', () => {
  let t: TestApp;
  let w: World;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await bootTestApp({
      ...caseTestEnv('2026-09-14T09:00:00+08:00'),
    });
    w = await seedWorld(t.app);
    const admin = (code: string, body: object) =>
      http()
        .patch(`/api/v1/agencies/${code}`)
        .set('authorization', `Bearer ${w.tokens.rootAdmin}`)
        .send(body)
        .expect(200);
    await admin('DQ-GA', { channels: ['online', 'email', 'fax', 'oral'] });
    await admin('DQ-JY', { channels: ['online'], onlineConfirmation: 'manual' });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('online (applicants)', () => {
    it('receives at once where confirmation is automatic, with a reference number and the 20-WD due date', async () => {
      setToday(t.app, '2026-09-14');
      const res = await http()
        .post('/api/v1/requests')
        .set('authorization', `Bearer ${w.tokens.applicant}`)
        .set('idempotency-key', 'retry-key-0001')
        .send(CONTENT)
        .expect(201);
      expect(res.body).toEqual(
        expect.objectContaining({
          referenceNo: 'DQ-GA-2026-000001',
          status: 'received',
          receivedOn: '2026-09-14',
          regime: 'OGI-2019',
          replyDue: '2026-10-16',
        }),
      );
      expect(res.body.deadlines.correctionNoticeDue).toBe('2026-09-22');
      expect(res.body.applicant).toEqual(expect.objectContaining({ name: '张三', masked: false }));
      expect(res.body.timeline).toEqual([
        expect.objectContaining({ action: 'file', toStatus: 'received', actorRole: 'applicant' }),
        expect.objectContaining({
          action: 'letter_issued',
          actorRole: 'applicant',
          payload: expect.objectContaining({ kind: 'receipt_acknowledgement' }),
        }),
      ]);
      // The receipt is issued and stored at once, numbered from the agency's letter sequence.
      expect(res.body.letters).toEqual([
        expect.objectContaining({
          kind: 'receipt_acknowledgement',
          documentNumber: '大庆市公安局〔2026〕依申请公开第000001号',
        }),
      ]);
      // The tracking code is shown once, printed on the copy of the receipt, and stored only as a hash.
      expect(res.body.trackingCode).toMatch(
        /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{5}$/,
      );
      expect(res.body.receiptWithTrackingCode).toContain(res.body.trackingCode);
      const stored = await t.app
        .get(DataSource)
        .query(`SELECT tracking_code_hash FROM request_case WHERE id = $1`, [res.body.id]);
      expect(stored[0].tracking_code_hash).toMatch(/^[0-9a-f]{64}$/);
      const letters = await t.app
        .get(DataSource)
        .query(`SELECT html FROM issued_letter WHERE case_id = $1`, [res.body.id]);
      expect(letters[0].html).not.toContain(res.body.trackingCode);
    });

    it('returns the first result when the same Idempotency-Key is retried', async () => {
      const first = await http()
        .get('/api/v1/requests')
        .set('authorization', `Bearer ${w.tokens.applicant}`)
        .expect(200);
      const retry = await http()
        .post('/api/v1/requests')
        .set('authorization', `Bearer ${w.tokens.applicant}`)
        .set('idempotency-key', 'retry-key-0001')
        .send(CONTENT)
        .expect(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body.referenceNo).toBe('DQ-GA-2026-000001');
      const after = await http()
        .get('/api/v1/requests')
        .set('authorization', `Bearer ${w.tokens.applicant}`)
        .expect(200);
      expect(after.body.total).toBe(first.body.total);
    });

    it('waits for a clerk where confirmation is manual (D-2); the confirmation day is the date of receipt', async () => {
      setToday(t.app, '2026-09-19', '22:00'); // a Saturday evening
      const res = await http()
        .post('/api/v1/requests')
        .set('authorization', `Bearer ${w.tokens.applicant}`)
        .send({ ...CONTENT, agencyCode: 'DQ-JY' })
        .expect(201);
      expect(res.body).toEqual(
        expect.objectContaining({ status: 'submitted', receivedOn: null, replyDue: null }),
      );
      setToday(t.app, '2026-09-21', '09:00');
      const confirmed = await act(
        t.app,
        w.tokens.otherClerk,
        res.body.id,
        'confirm-receipt',
      ).expect(200);
      expect(confirmed.body).toEqual(
        expect.objectContaining({
          status: 'received',
          receivedOn: '2026-09-21',
          replyDue: '2026-10-26',
        }),
      );
    });

    it('refuses a channel the agency has not announced, naming the field', async () => {
      await http()
        .patch('/api/v1/agencies/DQ')
        .set('authorization', `Bearer ${w.tokens.rootAdmin}`)
        .send({ channels: ['in_person', 'post'] })
        .expect(200);
      const res = await http()
        .post('/api/v1/requests')
        .set('authorization', `Bearer ${w.tokens.applicant}`)
        .send({ ...CONTENT, agencyCode: 'DQ' })
        .expect(400);
      expect(res.body.errors).toEqual([
        {
          field: 'agencyCode',
          code: 'channel-not-announced',
          message: expect.stringContaining('online'),
        },
      ]);
    });

    it('refuses bad input with field-level errors and stores nothing', async () => {
      const res = await http()
        .post('/api/v1/requests')
        .set('authorization', `Bearer ${w.tokens.applicant}`)
        .send({ agencyCode: 'DQ-GA', title: '', form: 'carrier-pigeon' })
        .expect(400);
      expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual([
        'deliveryRoute',
        'description',
        'form',
        'title',
      ]);
    });
  });

  describe('staff intake: the date of receipt per channel (Art 31)', () => {
    it.each([
      [
        'in person on a Friday before National Day (WE-1)',
        { channel: 'in_person', submittedAt: '2024-09-13T15:00:00+08:00' },
        '2024-09-13',
        '2024-10-17',
      ],
      [
        'registered post signed for on the eve of Labour Day (WE-3)',
        {
          channel: 'post',
          postKind: 'signed',
          submittedAt: '2025-04-29T10:00:00+08:00',
          signedAt: '2025-04-30T11:00:00+08:00',
        },
        '2025-04-30',
        '2025-06-03',
      ],
      [
        'ordinary letter confirmed by phone the same day (WE-4)',
        {
          channel: 'post',
          postKind: 'ordinary',
          submittedAt: '2026-02-13T09:00:00+08:00',
          confirmedAt: '2026-02-13T16:00:00+08:00',
        },
        '2026-02-13',
        '2026-03-19',
      ],
      [
        'fax confirmed by both sides',
        {
          channel: 'fax',
          submittedAt: '2026-02-23T18:00:00+08:00',
          confirmedAt: '2026-02-24T09:00:00+08:00',
        },
        '2026-02-24',
        '2026-03-23',
      ],
      [
        'e-mail confirmed the next working day',
        {
          channel: 'email',
          submittedAt: '2026-09-12T20:00:00+08:00',
          confirmedAt: '2026-09-14T09:00:00+08:00',
        },
        '2026-09-14',
        '2026-10-16',
      ],
      [
        'oral application recorded by the office (R-RCV-06)',
        {
          channel: 'oral',
          submittedAt: '2022-09-30T10:00:00+08:00',
          oral: { writingDifficulty: '申请人不识字。', confirmedByApplicant: true },
        },
        '2022-09-30',
        '2022-11-02',
      ],
      [
        'before 2019-05-15: OGI-2008 and 15 WD (WE-7)',
        { channel: 'in_person', submittedAt: '2019-04-26T10:00:00+08:00' },
        '2019-04-26',
        '2019-05-20',
      ],
    ])('%s', async (_label, fields, receivedOn, replyDue) => {
      const c = await intake(t.app, w.tokens.clerk, fields);
      expect(c).toEqual(
        expect.objectContaining({
          receivedOn,
          replyDue,
          status: 'received',
          regime: receivedOn < '2019-05-15' ? 'OGI-2008' : 'OGI-2019',
        }),
      );
    });

    it('keeps an unconfirmed ordinary letter pending until the applicant is reached (R-RCV-05, WE-4 variant)', async () => {
      const c = await intake(t.app, w.tokens.clerk, {
        channel: 'post',
        postKind: 'ordinary',
        submittedAt: '2026-02-13T09:00:00+08:00',
      });
      expect(c).toEqual(expect.objectContaining({ status: 'submitted', receivedOn: null }));
      const confirmed = await act(t.app, w.tokens.clerk, c.id, 'confirm-receipt', {
        confirmedAt: '2026-02-24T09:30:00+08:00',
      }).expect(200);
      expect(confirmed.body).toEqual(
        expect.objectContaining({ receivedOn: '2026-02-24', replyDue: '2026-03-23' }),
      );
    });

    it('always accepts in person and post, but refuses unannounced channels', async () => {
      const org = {
        category: 'biz',
        name: '大庆某某有限公司',
        idNumber: withUsccCheck('91230600MA1B2C3D4'),
        email: 'office@example.com',
      };
      const base = { ...CONTENT, agencyCode: 'DQ-JY', applicant: org };
      await http()
        .post('/api/v1/requests/intake')
        .set('authorization', `Bearer ${w.tokens.otherClerk}`)
        .send({
          ...base,
          channel: 'post',
          postKind: 'signed',
          submittedAt: '2026-09-14T09:00:00+08:00',
          signedAt: '2026-09-15T09:00:00+08:00',
        })
        .expect(201);
      const res = await http()
        .post('/api/v1/requests/intake')
        .set('authorization', `Bearer ${w.tokens.otherClerk}`)
        .send({
          ...base,
          channel: 'fax',
          submittedAt: '2026-09-14T09:00:00+08:00',
          confirmedAt: '2026-09-14T10:00:00+08:00',
        })
        .expect(400);
      expect(res.body.errors).toEqual([
        {
          field: 'channel',
          code: 'channel-not-announced',
          message: expect.stringContaining('fax'),
        },
      ]);
      const bad = await http()
        .post('/api/v1/requests/intake')
        .set('authorization', `Bearer ${w.tokens.otherClerk}`)
        .send({
          ...base,
          applicant: { ...org, idNumber: '91230600MA1B2C3D4E' },
          channel: 'post',
          postKind: 'signed',
          submittedAt: '2026-09-14T09:00:00+08:00',
        })
        .expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'applicant.idNumber',
        'signedAt',
      ]);
    });

    it('refuses intake for an agency outside the clerk reach as unknown', async () => {
      const res = await http()
        .post('/api/v1/requests/intake')
        .set('authorization', `Bearer ${w.tokens.otherClerk}`)
        .send({
          ...CONTENT,
          channel: 'in_person',
          submittedAt: '2026-09-14T09:00:00+08:00',
          applicant: {
            category: 'np',
            name: '王五',
            idNumber: '11010519491231002X',
            email: 'wang.wu@example.com',
          },
        });
      expect(res.status).toBe(404);
    });
  });

  describe('visibility', () => {
    it('shows applicants only their own cases and staff only their reach; the rest is 404', async () => {
      const mine = await http()
        .get('/api/v1/requests')
        .set('authorization', `Bearer ${w.tokens.applicant}`)
        .expect(200);
      const id = mine.body.items[0].id as string;
      await http()
        .get(`/api/v1/requests/${id}`)
        .set('authorization', `Bearer ${w.tokens.otherApplicant}`)
        .expect(404);
      await http()
        .get(`/api/v1/requests/${id}`)
        .set('authorization', `Bearer ${w.tokens.otherClerk}`)
        .expect(404);
      await http()
        .get('/api/v1/requests/not-a-uuid')
        .set('authorization', `Bearer ${w.tokens.clerk}`)
        .expect(404);
      const head = await http()
        .get(`/api/v1/requests/${id}`)
        .set('authorization', `Bearer ${w.tokens.parentSupervisor}`)
        .expect(200);
      expect(head.body.applicant).toEqual(
        expect.objectContaining({ masked: true, phone: '138****5678' }),
      );
      const clerk = await http()
        .get(`/api/v1/requests/${id}`)
        .set('authorization', `Bearer ${w.tokens.clerk}`)
        .expect(200);
      expect(clerk.body.applicant).toEqual(
        expect.objectContaining({ masked: false, phone: '13812345678' }),
      );
      const others = await http()
        .get('/api/v1/requests')
        .set('authorization', `Bearer ${w.tokens.otherApplicant}`)
        .expect(200);
      expect(others.body.total).toBe(0);
    });

    it('lists staff cases by due date with filters, and exports them as CSV (audited)', async () => {
      const list = await http()
        .get('/api/v1/requests?status=received&pageSize=3')
        .set('authorization', `Bearer ${w.tokens.clerk}`)
        .expect(200);
      expect(list.body.items).toHaveLength(3);
      const dues = list.body.items.map((i: { replyDue: string }) => i.replyDue);
      expect([...dues].sort()).toEqual(dues);
      const overdue = await http()
        .get('/api/v1/requests?overdue=true')
        .set('authorization', `Bearer ${w.tokens.clerk}`)
        .expect(200);
      expect(overdue.body.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
      expect(overdue.body.total).toBeGreaterThan(0);
      const csv = await http()
        .get('/api/v1/requests/export.csv?regime=OGI-2008')
        .set('authorization', `Bearer ${w.tokens.clerk}`)
        .expect(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      const lines = csv.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n');
      expect(lines[0]).toContain('受理编号');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain('2019-05-20');
      await http()
        .get('/api/v1/requests/export.csv')
        .set('authorization', `Bearer ${w.tokens.applicant}`)
        .expect(403);
    });

    it('shows the clerk an earlier similar REPLIED request of the same applicant (Art 36(6))', async () => {
      setToday(t.app, '2026-09-25');
      // Only an earlier request that was answered can be repeated (Art 36(6)).
      const none = await http()
        .post('/api/v1/requests')
        .set('authorization', `Bearer ${w.tokens.applicant}`)
        .send({ ...CONTENT, title: '2025年大庆市道路交通事故统计数据（又一次）' })
        .expect(201);
      const unseen = await http()
        .get(`/api/v1/requests/${none.body.id}`)
        .set('authorization', `Bearer ${w.tokens.clerk}`)
        .expect(200);
      expect(unseen.body.similarTo).toBeNull();
      const first = (
        await http()
          .get('/api/v1/requests?agencyCode=DQ-GA')
          .set('authorization', `Bearer ${w.tokens.clerk}`)
          .expect(200)
      ).body.items.find((c: { referenceNo: string }) => c.referenceNo === 'DQ-GA-2026-000001');
      await act(t.app, w.tokens.clerk, first.id, 'reply', {
        replyType: 'DISCLOSED',
        text: '见附件',
      }).expect(200);
      const again = await http()
        .post('/api/v1/requests')
        .set('authorization', `Bearer ${w.tokens.applicant}`)
        .send({ ...CONTENT, title: '2025年大庆市道路交通事故统计数据（再次申请）' })
        .expect(201);
      const seen = await http()
        .get(`/api/v1/requests/${again.body.id}`)
        .set('authorization', `Bearer ${w.tokens.clerk}`)
        .expect(200);
      expect(seen.body.similarTo).toEqual(expect.objectContaining({ title: CONTENT.title }));
    });
  });

  describe('the answer to a filing (built from what the filing wrote, not read back)', () => {
    /** The filing's answer without what is shown only once, and the case read afterwards. */
    const both = async (filing: request.Response, token: string) => {
      const { trackingCode, receiptWithTrackingCode, ...answer } = filing.body;
      const read = await http()
        .get(`/api/v1/requests/${filing.body.id}`)
        .set('authorization', `Bearer ${token}`)
        .expect(200);
      return { answer, read: read.body, trackingCode, receiptWithTrackingCode };
    };

    it('equals the case read back, received at once (with its receipt)', async () => {
      setToday(t.app, '2026-09-25');
      const r = await both(
        await http()
          .post('/api/v1/requests')
          .set('authorization', `Bearer ${w.tokens.applicant}`)
          .send({ ...CONTENT, title: '答复与读回一致' })
          .expect(201),
        w.tokens.applicant,
      );
      expect(r.answer).toEqual(r.read);
      expect(r.read.letters).toHaveLength(1);
      expect(r.receiptWithTrackingCode).toContain(r.trackingCode);
      expect(r.receiptWithTrackingCode).toContain(r.read.referenceNo);
      expect(r.receiptWithTrackingCode).toContain(r.read.letters[0].documentNumber);
    });

    it('equals the case read back, waiting for confirmation (no letter yet)', async () => {
      setToday(t.app, '2026-09-25');
      const r = await both(
        await http()
          .post('/api/v1/requests')
          .set('authorization', `Bearer ${w.tokens.applicant}`)
          .send({ ...CONTENT, agencyCode: 'DQ-JY' })
          .expect(201),
        w.tokens.applicant,
      );
      expect(r.answer).toEqual(r.read);
      expect(r.read.letters).toEqual([]);
      expect(r.read.referenceNo).toMatch(/^DQ-JY-2026-\d{6}$/);
    });

    it('equals the case read back by the clerk who took it in person (similar case shown)', async () => {
      setToday(t.app, '2026-09-25');
      const res = await http()
        .post('/api/v1/requests/intake')
        .set('authorization', `Bearer ${w.tokens.clerk}`)
        .send({
          ...CONTENT,
          channel: 'in_person',
          submittedAt: '2026-09-25T10:00:00+08:00',
          applicant: APPLICANT,
        });
      expect(res.status).toBe(201);
      const r = await both(res, w.tokens.clerk);
      expect(r.answer).toEqual(r.read);
      expect(r.read.similarTo).toEqual(expect.objectContaining({ title: CONTENT.title }));
    });
  });
});
