import request from 'supertest';
import { DataSource } from 'typeorm';
import { seedWorld, type Actor, type World } from '../utils/fixtures';
import { intake } from '../utils/requests';
import { bootTestApp, caseTestEnv, type TestApp } from '../utils/test-app';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('Every unmasked view and export of personal data writes an audit row (who, what, when)', () => {
  let t: TestApp;
  let w: World;
  let caseId: string;
  const http = () => request(t.app.getHttpServer());
  const as = (who: Actor) => ({ authorization: `Bearer ${w.tokens[who]}` });
  const rows = (action: string) =>
    t.app.get(DataSource).query<
      Array<{
        actor_id: string;
        target_id: string;
        agency_id: string | null;
        details: Record<string, string>;
        at: Date;
      }>
    >(`SELECT actor_id, target_id, agency_id, details, at FROM audit_log WHERE action = $1 ORDER BY id`, [action]);

  beforeAll(async () => {
    t = await bootTestApp(caseTestEnv('2026-09-14T09:00:00+08:00'));
    w = await seedWorld(t.app);
    caseId = (await intake(t.app, w.tokens.clerk, { submittedAt: '2026-09-14T09:00:00+08:00' })).id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('a clerk who sees the ID number, phone and address in clear is recorded; a masked view is not', async () => {
    const before = (await rows('personal-data.viewed')).length;
    const clerkView = await http().get(`/api/v1/requests/${caseId}`).set(as('clerk')).expect(200);
    expect(clerkView.body.applicant.masked).toBe(false);
    const after = await rows('personal-data.viewed');
    expect(after).toHaveLength(before + 1);
    expect(after[after.length - 1]).toEqual(
      expect.objectContaining({
        actor_id: w.ids.clerk,
        target_id: caseId,
        agency_id: expect.any(String),
        details: expect.objectContaining({ fields: 'idNumber,phone,address' }),
        at: expect.any(Date),
      }),
    );
    // A reader outside the handling agency sees masked data: nothing to record.
    const masked = await http().get(`/api/v1/requests/${caseId}`).set(as('reporter')).expect(200);
    expect(masked.body.applicant.masked).toBe(true);
    expect(await rows('personal-data.viewed')).toHaveLength(before + 1);
  });

  it('a staff download of an attachment is recorded with the file and the case', async () => {
    const up = await http()
      .post(`/api/v1/requests/${caseId}/attachments`)
      .set(as('clerk'))
      .field('kind', 'reply_document')
      .attach('file', PDF, { filename: '身份证复印件.pdf', contentType: 'application/pdf' })
      .expect(201);
    await http()
      .get(`/api/v1/requests/${caseId}/attachments/${up.body.id}`)
      .set(as('clerk'))
      .expect(200);
    const downloads = await rows('personal-data.downloaded');
    expect(downloads).toEqual([
      expect.objectContaining({
        actor_id: w.ids.clerk,
        target_id: up.body.id,
        details: expect.objectContaining({ caseId, filename: '身份证复印件.pdf' }),
      }),
    ]);
  });

  it('a CSV export is recorded with its row count and filter', async () => {
    await http().get('/api/v1/requests/export.csv').set(as('clerk')).expect(200);
    const exports = await rows('cases.exported');
    expect(exports[exports.length - 1]).toEqual(
      expect.objectContaining({
        actor_id: w.ids.clerk,
        details: expect.objectContaining({ rows: expect.any(Number) }),
      }),
    );
  });
});
