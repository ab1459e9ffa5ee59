import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ReportDeadlines } from '../../src/modules/reports/report-deadlines.service';
import { HistoricalImport } from '../../src/modules/requests/historical-import.service';
import { generateHistory } from '../utils/annual-report-data';
import { login, seedWorld, WORLD, type World } from '../utils/fixtures';
import { setToday } from '../utils/requests';
import { bootTestApp, type TestApp } from '../utils/test-app';
import { reportMailsOn } from '../utils/timers';

/**
 * Publication: draft → reviewed → published, refused while a check fails; a published report
 * is frozen (served from storage with its SHA-256, unchanged by later records); a late case
 * breaks next year's R-AR-15 against it, naming the case, until the year is republished as a
 * correction (a new version with its note); the public list per agency; the D-13 reminders.
 */
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('annual report publication', () => {
  let t: TestApp;
  let w: World;
  const storageDir = mkdtempSync(join(tmpdir(), 'govinfo-reports-'));
  const http = () => request(t.app.getHttpServer());
  const as = (who: keyof World['tokens']) => ({ authorization: `Bearer ${w.tokens[who]}` });
  const GA = { agencyCode: 'DQ-GA' };
  const post = (path: string, who: keyof World['tokens'], body: object) =>
    http().post(`/api/v1/reports/annual/${path}`).set(as(who)).send(body);
  const report = async (year: number) =>
    (
      await http()
        .get(`/api/v1/reports/annual?year=${year}&agencyCode=DQ-GA`)
        .set(as('reporter'))
        .expect(200)
    ).body;
  const fetchFile = async (href: string) =>
    (await http().get(href).buffer(true).parse(binary).expect(200)).body as Buffer;
  beforeAll(async () => {
    t = await bootTestApp({
      CLOCK: 'fixed',
      CLOCK_FIXED_AT: '2026-01-05T09:00:00+08:00',
      ACCESS_TOKEN_TTL_SECONDS: '31536000',
      RATE_LIMIT_PER_MINUTE: '100000',
      STORAGE_DIR: storageDir,
    });
    w = await seedWorld(t.app);
  }, 60_000);
  afterAll(async () => {
    await t.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  it('reminds the reporting officer of the D-13 due date on the right working days', async () => {
    setToday(t.app, '2026-01-05', '09:30');
    await t.app.get(ReportDeadlines).openYear(2025);
    // 2026-01-31 is a Saturday: the reminders count back from Fri 2026-01-30 (WE-11).
    const seen = await reportMailsOn(t.app, [
      '2026-01-22',
      '2026-01-23',
      '2026-01-27',
      '2026-01-28',
      '2026-01-29',
      '2026-01-30',
      '2026-02-02',
    ]);
    const reporter = WORLD.staff.reporter.email;
    expect(seen.filter(([, to]) => to === reporter)).toEqual([
      ['2026-01-23', reporter, 'deadline-reminder', 5],
      ['2026-01-28', reporter, 'deadline-reminder', 2],
      ['2026-01-30', reporter, 'deadline-reminder', 0],
    ]);
    // Unpublished after the due date: the supervisors above are told on the next working day.
    expect(seen).toContainEqual([
      '2026-02-02',
      WORLD.staff.parentSupervisor.email,
      'deadline-overdue',
      undefined,
    ]);
  });

  it('publishes a reviewed report only, frozen in storage; publishing ends its due date', async () => {
    setToday(t.app, '2028-02-01');
    // Two years on, the tokens of January 2026 have expired: sign in again.
    for (const who of ['reporter', 'parentSupervisor'] as const)
      w.tokens[who] = await login(t.app, WORLD.staff[who].email);
    await generateHistory(t.app, 400);
    const key = { year: 2026, ...GA };
    const early = await post('publish', 'reporter', key).expect(409);
    expect(early.body).toMatchObject({ code: 'report-not-in-state' });
    expect(early.body.detail).toContain('草稿');
    await post('review', 'reporter', key).expect(403);
    expect((await post('review', 'parentSupervisor', key).expect(200)).body.status).toBe(
      'reviewed',
    );
    const live = await report(2026);
    const pub = (await post('publish', 'reporter', key).expect(200)).body;
    expect(pub).toMatchObject({ status: 'published', version: 1 });
    const files = pub.versions[0].files as Array<{ format: string; sha256: string; href: string }>;
    expect(files.map((f) => f.format)).toEqual(['json', 'html', 'md', 'xlsx', 'docx']);
    for (const f of files) expect(sha(await fetchFile(f.href))).toBe(f.sha256);
    const json = JSON.parse((await fetchFile(files[0].href)).toString('utf8'));
    expect(json.applications).toEqual(live.applications);
    expect((await fetchFile(files[1].href)).toString()).not.toContain('/cells/');
    const [d] = await t.app
      .get(DataSource)
      .query(
        `SELECT d.status FROM deadline d JOIN annual_report r ON r.id = d.subject_id WHERE r.year = 2026 AND d.subject_type = 'report'`,
      );
    // Its record was made by the review (with its due date), which publication resolved.
    expect(d).toEqual({ status: 'resolved' });
    const [d25] = await t.app
      .get(DataSource)
      .query(
        `SELECT d.status FROM deadline d JOIN annual_report r ON r.id = d.subject_id JOIN agency a ON a.id = r.agency_id WHERE r.year = 2025 AND a.code = 'DQ-GA'`,
      );
    expect(d25).toEqual({ status: 'live' });
    await post('review', 'parentSupervisor', { year: 2025, ...GA }).expect(200);
    await post('publish', 'reporter', { year: 2025, ...GA }).expect(200);
    const [after] = await t.app
      .get(DataSource)
      .query(
        `SELECT d.status FROM deadline d JOIN annual_report r ON r.id = d.subject_id JOIN agency a ON a.id = r.agency_id WHERE r.year = 2025 AND a.code = 'DQ-GA'`,
      );
    expect(after).toEqual({ status: 'resolved' });
  });

  it('keeps a published report frozen; R-AR-15 names the late case until the year is corrected', async () => {
    const v1 = (await http().get('/api/v1/published-reports?agencyCode=DQ-GA').expect(200)).body;
    const r2026 = v1.reports.find((r: { year: number }) => r.year === 2026);
    const jsonV1 = r2026.versions[0].files[0];
    const bytesV1 = await fetchFile(jsonV1.href);
    // A late import: a case received in December 2026, still open.
    await t.app.get(HistoricalImport).import(
      JSON.stringify({
        agencyCode: 'DQ-GA',
        externalRef: 'LATE-1',
        receivedOn: '2026-12-30',
        channel: 'post',
        applicantType: 'npo',
        subject: '补录的申请',
        replyType: null,
        repliedOn: null,
      }),
    );
    const [{ reference_no: late }] = await t.app
      .get(DataSource)
      .query(`SELECT reference_no FROM request_case WHERE external_ref = 'LATE-1'`);
    expect((await report(2026)).applications.carry_out.npo).toBe(
      JSON.parse(bytesV1.toString()).applications.carry_out.npo + 1,
    );
    expect(await fetchFile(jsonV1.href)).toEqual(bytesV1);
    const r2027 = await report(2027);
    const check = r2027.checks.find((c: { rule: string }) => c.rule === 'R-AR-15');
    expect(check).toMatchObject({
      ok: false,
      cases: { notInPublished: [late], onlyInPublished: [] },
    });
    expect(check.detail).toContain(late);
    await post('review', 'parentSupervisor', { year: 2027, ...GA }).expect(200);
    const refused = await post('publish', 'reporter', { year: 2027, ...GA }).expect(409);
    expect(refused.body).toMatchObject({ code: 'report-checks-failing' });
    expect(refused.body.detail).toContain('R-AR-15');
    expect(refused.body.checks.map((c: { rule: string }) => c.rule)).toEqual(['R-AR-15']);
    // A published report's narrative is not edited, until a correction reopens it.
    const narrative = (status: number) =>
      http()
        .put('/api/v1/reports/narrative')
        .set(as('reporter'))
        .send({ year: 2026, agencyCode: 'DQ-GA', section: 'problems', text: '补录一件申请。' })
        .expect(status);
    expect((await narrative(409)).body).toMatchObject({ code: 'report-not-in-state' });
    // The correction: a note is required; then review and publish as version 2.
    const bad = await post('correction', 'reporter', { year: 2026, ...GA }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['note']);
    const note = '补录2026年12月30日收到的1件申请，更正结转下年度数量。';
    expect(
      (await post('correction', 'reporter', { year: 2026, ...GA, note }).expect(200)).body,
    ).toMatchObject({
      status: 'draft',
      pendingNote: note,
    });
    await post('publish', 'reporter', { year: 2026, ...GA }).expect(409);
    await narrative(200);
    await post('review', 'parentSupervisor', { year: 2026, ...GA }).expect(200);
    const v2 = (await post('publish', 'reporter', { year: 2026, ...GA }).expect(200)).body;
    expect(
      v2.versions.map((v: { version: number; note: string | null }) => [v.version, v.note]),
    ).toEqual([
      [1, null],
      [2, note],
    ]);
    expect(await fetchFile(jsonV1.href)).toEqual(bytesV1);
    const jsonV2 = JSON.parse(
      (await fetchFile(v2.versions[1].files[0].href as string)).toString('utf8'),
    );
    expect(jsonV2.narrative.problems).toBe('补录一件申请。');
    expect(JSON.parse(bytesV1.toString()).narrative.problems).not.toBe('补录一件申请。');
    const fixed = (await report(2027)).checks.find((c: { rule: string }) => c.rule === 'R-AR-15');
    expect(fixed).toMatchObject({ ok: true });
    expect(
      (await post('publish', 'reporter', { year: 2027, ...GA }).expect(200)).body.version,
    ).toBe(1);
    const list = (await http().get('/api/v1/published-reports?agencyCode=DQ-GA').expect(200)).body;
    expect(
      list.reports.map((r: { year: number; latestVersion: number }) => [r.year, r.latestVersion]),
    ).toEqual([
      [2027, 1],
      [2026, 2],
      [2025, 1],
    ]);
  });

  it('serves only what was stored: a changed file is refused, unknown versions are a 404', async () => {
    const list = (await http().get('/api/v1/published-reports?agencyCode=DQ-GA').expect(200)).body;
    const [id, md] = [list.reports[0].id, list.reports[0].versions[0].files[2]];
    const [{ files }] = await t.app
      .get(DataSource)
      .query(`SELECT files FROM report_version WHERE report_id = $1 AND version = 1`, [id]);
    writeFileSync(join(storageDir, files[2].key), 'tampered');
    await http().get(md.href).expect(500);
    await http().get(`/api/v1/published-reports/${id}/versions/9/md`).expect(404);
    await http().get(`/api/v1/published-reports/${id}/versions/1/pdf`).expect(404);
    await http().get('/api/v1/published-reports?agencyCode=NOWHERE').expect(404);
  });
});
