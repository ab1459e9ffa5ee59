import request from 'supertest';
import { MailTransport } from '../../src/infra/mail/mail-transport';
import type { MemoryMailTransport } from '../../src/infra/mail/memory.transport';
import { seedWorld, type World } from '../utils/fixtures';
import { eventually } from '../utils/queues';
import { act, intake, setToday } from '../utils/requests';
import { bootTestApp, type TestApp } from '../utils/test-app';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('Letters and attachments', () => {
  let t: TestApp;
  let w: World;
  let caseId: string;
  const http = () => request(t.app.getHttpServer());
  const as = (who: keyof World['tokens']) => ({
    get: (p: string) => http().get(p).set('authorization', `Bearer ${w.tokens[who]}`),
  });

  beforeAll(async () => {
    t = await bootTestApp({
      CLOCK: 'fixed',
      CLOCK_FIXED_AT: '2026-03-02T09:00:00+08:00',
      ACCESS_TOKEN_TTL_SECONDS: '31536000',
      RATE_LIMIT_PER_MINUTE: '100000',
    });
    w = await seedWorld(t.app);
    await http()
      .patch('/api/v1/agencies/DQ-GA')
      .set('authorization', `Bearer ${w.tokens.rootAdmin}`)
      .send({
        channels: ['online'],
        address: '大庆市萨尔图区东风路1号',
        phone: '0459-6666666',
        reconsiderationBody: '大庆市人民政府',
        court: '大庆市萨尔图区人民法院',
      })
      .expect(200);
    const filed = await http()
      .post('/api/v1/requests')
      .set('authorization', `Bearer ${w.tokens.applicant}`)
      .send({
        agencyCode: 'DQ-GA',
        title: '<script>alert(1)</script>交通事故统计',
        description: '申请公开2025年全市交通事故统计。',
        form: 'electronic',
        deliveryRoute: 'email',
      })
      .expect(201);
    caseId = filed.body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('prints the receipt acknowledgement with letterhead, document number, reference and due date', async () => {
    const res = await as('applicant')
      .get(`/api/v1/requests/${caseId}/letters/receipt_acknowledgement`)
      .expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('<html lang="zh-CN">');
    expect(res.text).toContain('@page');
    expect(res.text).toContain('大庆市公安局〔2026〕依申请公开第000001号');
    expect(res.text).toContain('DQ-GA-2026-000001');
    expect(res.text).toContain('2026年3月30日');
    expect(res.text).not.toContain('<script>alert(1)</script>');
    expect(res.text).toContain('&lt;script&gt;');
  });

  it('lists only the letters that exist, and refuses the others with 404', async () => {
    const list = await as('applicant').get(`/api/v1/requests/${caseId}/letters`).expect(200);
    expect(list.body.map((l: { kind: string }) => l.kind)).toEqual(['receipt_acknowledgement']);
    await as('applicant').get(`/api/v1/requests/${caseId}/letters/reply`).expect(404);
    await as('applicant').get(`/api/v1/requests/${caseId}/letters/nonsense`).expect(404);
    await as('otherApplicant')
      .get(`/api/v1/requests/${caseId}/letters/receipt_acknowledgement`)
      .expect(404);
  });

  it('prints a refusal with reconsideration first (D-15), naming the bodies of the agency', async () => {
    await act(t.app, w.tokens.clerk, caseId, 'reply', {
      replyType: 'WITHHELD_THIRD_PARTY',
      text: '涉及第三方商业秘密，第三方不同意公开。',
    }).expect(200);
    const res = await as('applicant').get(`/api/v1/requests/${caseId}/letters/reply`).expect(200);
    expect(res.text).toContain('政府信息公开申请答复书');
    expect(res.text).toContain('《政府信息公开条例》第十五条');
    expect(res.text).toContain('大庆市人民政府');
    expect(res.text).toMatch(/先申请行政复议/);
    expect(res.text).toContain('大庆市萨尔图区人民法院');
  });

  it('e-mails each letter to an applicant who chose e-mail, with the letter as HTML', async () => {
    const smtpLetters = t.app.get<MailTransport, MemoryMailTransport>(MailTransport);
    const sent = await eventually(
      async () =>
        smtpLetters.sent.filter(
          (m) => m.to === 'zhang.san@example.com' && m.subject.startsWith('政府信息公开申请答复书'),
        ).length > 0 && smtpLetters.sent,
    );
    const receipt = sent.find((m) => m.subject.startsWith('政府信息公开申请登记回执'));
    expect(receipt?.html).toContain('DQ-GA-2026-000001');
    const reply = sent.find((m) => m.subject.startsWith('政府信息公开申请答复书'));
    expect(reply?.html).toMatch(/先申请行政复议/);
    expect(reply?.text).toContain('大庆市公安局');
    expect(reply?.text).not.toContain('<p');
  });

  it('prints the consultation letter for staff only', async () => {
    setToday(t.app, '2026-03-03');
    const c = await intake(t.app, w.tokens.clerk, {
      channel: 'in_person',
      submittedAt: '2026-03-02T10:00:00+08:00',
    });
    const started = await act(t.app, w.tokens.clerk, c.id, 'start-consultation', {
      partyKind: 'third_party',
      partyName: '大庆某某有限公司',
      subject: '申请公开的许可材料涉及贵公司商业秘密',
    }).expect(200);
    const consultationId = started.body.consultations[0].id;
    const letter = await as('clerk')
      .get(`/api/v1/requests/${c.id}/letters/consultation_letter?consultationId=${consultationId}`)
      .expect(200);
    expect(letter.text).toContain('征求意见');
    expect(letter.text).toContain('大庆某某有限公司');
    await as('clerk').get(`/api/v1/requests/${c.id}/letters/consultation_letter`).expect(404);
  });

  describe('attachments', () => {
    it('stores a PDF with its checksum and lets the applicant download the reply document', async () => {
      const up = await http()
        .post(`/api/v1/requests/${caseId}/attachments`)
        .set('authorization', `Bearer ${w.tokens.clerk}`)
        .field('kind', 'reply_document')
        .attach('file', PDF, {
          filename: '../../答复书 final.pdf',
          contentType: 'application/octet-stream',
        })
        .expect(201);
      expect(up.body).toEqual(
        expect.objectContaining({
          kind: 'reply_document',
          filename: '答复书 final.pdf',
          contentType: 'application/pdf',
          size: PDF.length,
          sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        }),
      );
      const list = await as('applicant').get(`/api/v1/requests/${caseId}/attachments`).expect(200);
      expect(list.body).toHaveLength(1);
      const file = await as('applicant')
        .get(`/api/v1/requests/${caseId}/attachments/${up.body.id}`)
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(Buffer.compare(file.body as Buffer, PDF)).toBe(0);
      expect(file.headers['content-disposition']).toContain(
        "filename*=UTF-8''%E7%AD%94%E5%A4%8D%E4%B9%A6%20final.pdf",
      );
      await as('otherApplicant')
        .get(`/api/v1/requests/${caseId}/attachments/${up.body.id}`)
        .expect(404);
      await as('otherClerk')
        .get(`/api/v1/requests/${caseId}/attachments/${up.body.id}`)
        .expect(404);
    });

    it('refuses files by content, not by name, and files that are too large', async () => {
      const exe = await http()
        .post(`/api/v1/requests/${caseId}/attachments`)
        .set('authorization', `Bearer ${w.tokens.clerk}`)
        .field('kind', 'scan')
        .attach('file', Buffer.from('MZ\x90\x00 not a pdf'), { filename: 'scan.pdf' })
        .expect(400);
      expect(exe.body.errors).toEqual([
        { field: 'file', code: 'attachment-type', message: expect.stringContaining('PDF') },
      ]);
      const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]);
      const res = await http()
        .post(`/api/v1/requests/${caseId}/attachments`)
        .set('authorization', `Bearer ${w.tokens.clerk}`)
        .field('kind', 'scan')
        .attach('file', big, { filename: 'big.pdf' });
      expect([400, 413]).toContain(res.status);
      await http()
        .post(`/api/v1/requests/${caseId}/attachments`)
        .set('authorization', `Bearer ${w.tokens.applicant}`)
        .field('kind', 'scan')
        .attach('file', PDF, { filename: 'x.pdf' })
        .expect(403);
    });
  });
});
