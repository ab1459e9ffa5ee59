import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { SESSION_COOKIE } from '../../src/modules/access/request-auth';
import { CSRF_COOKIE } from '../../src/modules/portal/csrf';
import { HistoricalImport } from '../../src/modules/requests/historical-import.service';
import { resultRows } from '../../src/modules/reports/domain/report-format';
import { PublicStatisticsService } from '../../src/modules/supervision/public-statistics.service';
import { SupervisionService } from '../../src/modules/supervision/supervision.service';
import { seedWorld, type World } from '../utils/fixtures';
import { GA_CONTACT, seedPublicData } from '../utils/public-data';
import { bootTestApp, type TestApp } from '../utils/test-app';

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every figure of a published report page, by its place in the report (`three/new/tot`). */
const cellsOf = (html: string) =>
  Object.fromEntries(
    [...html.matchAll(/data-cell="([^"]+)">([^<]*)</g)].map((m) => [m[1], Number(m[2])]),
  );
/** A statistics page's figure (`received`) or outcome row (`r_open`) as printed. */
const figureOf = (html: string, id: string) =>
  new RegExp(`data-(?:figure|row)="${id}"><th scope="row">[^<]*</th><td class="num">([^<]*)<`).exec(
    html,
  )?.[1];

/**
 * The public pages without signing in: the published reports (list, files with their SHA-256,
 * a version's tables from its stored JSON — frozen, never recounted), the guide's tables and the
 * live statistics, whose figures are the annual report's for the same agency and year.
 */
describe('public pages (published reports, guide, statistics)', () => {
  let t: TestApp;
  let w: World;
  const storageDir = mkdtempSync(join(tmpdir(), 'govinfo-public-'));
  const http = () => request(t.app.getHttpServer());
  const page = async (path: string, status = 200) => (await http().get(path).expect(status)).text;
  const liveReport = async (
    year: number,
    code: string,
    subtree: boolean,
    who: keyof World['tokens'],
  ) =>
    (
      await http()
        .get(`/api/v1/reports/annual?year=${year}&agencyCode=${code}&subtree=${subtree}`)
        .set('authorization', `Bearer ${w.tokens[who]}`)
        .expect(200)
    ).body as { applications: Record<string, Record<string, number>> };

  beforeAll(async () => {
    t = await bootTestApp({
      CLOCK: 'fixed',
      CLOCK_FIXED_AT: '2026-03-02T09:00:00+08:00',
      ACCESS_TOKEN_TTL_SECONDS: '31536000',
      RATE_LIMIT_PER_MINUTE: '100000',
      STORAGE_DIR: storageDir,
    });
    w = await seedWorld(t.app);
    await seedPublicData(t, w);
  }, 120_000);
  afterAll(async () => {
    await t.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  it('lists the published reports with every version and its files, which download with the stored SHA-256', async () => {
    const res = await http().get('/agencies/DQ-GA/reports').expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.text).toContain('2026年大庆市公安局政府信息公开工作年度报告');
    expect(res.text).toContain('href="/agencies/DQ-GA/reports/2026?version=1"');
    const files = [...res.text.matchAll(/href="([^"]+)" data-sha256="([0-9a-f]{64})">(\w+)/g)];
    expect(files.map((f) => f[3])).toEqual(['JSON', 'HTML', 'MD', 'XLSX', 'DOCX']);
    for (const [, href, hash] of files) {
      const body = (await http().get(href).buffer(true).parse(binary).expect(200)).body as Buffer;
      expect(sha(body)).toBe(hash);
    }
    // A signed-in visitor's page (with the sign-out form's token) is never kept by a cache;
    // choosing a language sets a cookie, so that answer is the browser's alone.
    const signedIn = await http()
      .get('/agencies/DQ-GA/reports')
      .set('cookie', `${SESSION_COOKIE}=x`)
      .expect(200);
    expect(signedIn.headers['cache-control']).toBe('private, no-store');
    const english = await http().get('/agencies/DQ-GA/reports?lang=en').expect(200);
    expect(english.headers['cache-control']).toBe('private, max-age=300');
    expect(String(english.headers['set-cookie'])).toContain('lang=en');
    expect(String(english.headers['set-cookie'])).not.toContain(CSRF_COOKIE);
    // The agency with nothing published says so; an unknown agency is the 404 page.
    expect(await page('/agencies/DQ-JY/reports')).toContain('本机关尚未发布年度报告。');
    await page('/agencies/NO-SUCH/reports', 404);
  });

  it("renders a published version's tables from its stored JSON, frozen against later records", async () => {
    const list = await page('/agencies/DQ-GA/reports');
    const jsonHref = /href="([^"]+\/json)"/.exec(list)?.[1] ?? '';
    const json = JSON.parse(
      (
        (await http().get(jsonHref).buffer(true).parse(binary).expect(200)).body as Buffer
      ).toString(),
    ) as { applications: Record<string, Record<string, number>>; remedies: Record<string, number> };
    const res = await http().get('/agencies/DQ-GA/reports/2026').expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    const html = res.text;
    for (const h of [
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ])
      expect(html).toContain(
        `<h2 id="section-${['一', '二', '三', '四', '五', '六'].indexOf(h[0])}">${h}</h2>`,
      );
    expect(html).toContain(
      '<caption class="visually-hidden">三、收到和处理政府信息公开申请情况</caption>',
    );
    expect(html).toContain('<th scope="colgroup" colspan="7">申请人情况</th>');
    expect(html).toContain('<th scope="colgroup" colspan="5">法人或其他组织</th>');
    expect(html).toContain('<th scope="col" rowspan="2">自然人</th>');
    expect(html).toContain('<th scope="row" colspan="3">一、本年新收政府信息公开申请数量</th>');
    expect(html).not.toContain('/cells/');
    const cells = cellsOf(html);
    const expected: Record<string, number> = {};
    for (const [row, cols] of Object.entries(json.applications))
      for (const [col, n] of Object.entries(cols)) expected[`three/${row}/${col}`] = n;
    for (const [k, n] of Object.entries(json.remedies)) expected[`four/remedies/${k}`] = n;
    expect(cells).toEqual(expected);
    expect(cells['three/new/tot']).toBeGreaterThan(0);
    // A case recorded after publication changes the live count, never the published page.
    await t.app.get(HistoricalImport).import(
      JSON.stringify({
        agencyCode: 'DQ-GA',
        externalRef: 'LATE-1',
        receivedOn: '2026-06-01',
        channel: 'post',
        applicantType: 'np',
        subject: '迟到的申请',
        replyType: 'DISCLOSED',
        repliedOn: '2026-06-10',
        dueOn: '2026-06-29',
      }),
    );
    const live = await liveReport(2026, 'DQ-GA', false, 'reporter');
    expect(live.applications.new.tot).toBe(json.applications.new.tot + 1);
    expect(cellsOf(await page('/agencies/DQ-GA/reports/2026'))).toEqual(expected);
    // Unpublished year, scope or version: the 404 page.
    await page('/agencies/DQ-GA/reports/2025', 404);
    await page('/agencies/DQ-GA/reports/2026?subtree=1', 404);
    await page('/agencies/DQ-GA/reports/2026?version=2', 404);
    await page('/agencies/NO-SUCH/reports/2026', 404);
    expect(await page('/agencies/DQ-GA/reports/2026?version=1&lang=en')).toContain('Version 1');
  });

  it('lists a correction as a new version with its note; each version keeps its own figures', async () => {
    const v1 = cellsOf(await page('/agencies/DQ-GA/reports/2026?version=1'));
    const key = { year: 2026, agencyCode: 'DQ-GA' };
    const step = (action: string, who: keyof World['tokens'], body: object = key) =>
      http()
        .post(`/api/v1/reports/annual/${action}`)
        .set('authorization', `Bearer ${w.tokens[who]}`)
        .send(body)
        .expect(200);
    const note = '补录2026年6月1日收到的1件申请。';
    await step('correction', 'reporter', { ...key, note });
    await step('review', 'parentSupervisor');
    await step('publish', 'reporter');
    const list = await page('/agencies/DQ-GA/reports');
    const rows = [
      ...list.matchAll(
        /<th scope="row"><a href="[^"]+">(第\d版)<\/a><\/th>\s*<td>([^<]+)<\/td>\s*<td>([^<]+)<\/td>/g,
      ),
    ];
    expect(rows.map((r) => [r[1], r[2], r[3]])).toEqual([
      ['第2版', '2028-02-01', note],
      ['第1版', '2028-02-01', '首次发布'],
    ]);
    const latest = await page('/agencies/DQ-GA/reports/2026');
    expect(latest).toContain(`更正说明：${note}`);
    expect(cellsOf(latest)['three/new/tot']).toBe(v1['three/new/tot'] + 1);
    expect(cellsOf(await page('/agencies/DQ-GA/reports/2026?version=1'))).toEqual(v1);
    const named = await http().get('/agencies/DQ-GA/reports/2026?version=2').expect(200);
    expect(named.headers['cache-control']).toBe('public, max-age=86400');
  });

  it.each([
    ['DQ-GA', false, 'reporter'],
    ['DQ', true, 'parentSupervisor'],
  ] as const)(
    'shows live statistics of %s (subtree %s) equal to the annual report of the same year',
    async (code, subtree, who) => {
      const report = await liveReport(2026, code, subtree, who);
      const res = await http()
        .get(`/agencies/${code}/statistics?year=2026${subtree ? '&subtree=1' : ''}`)
        .expect(200);
      expect(res.headers['cache-control']).toBe('public, max-age=300');
      const html = res.text;
      expect(figureOf(html, 'received')).toBe(String(report.applications.new.tot));
      expect(figureOf(html, 'concluded')).toBe(String(report.applications.r_total.tot));
      for (const row of resultRows('2021'))
        expect({ row, n: figureOf(html, row) }).toEqual({
          row,
          n: String(report.applications[row].tot),
        });
      expect(figureOf(html, 'r_total')).toBe(String(report.applications.r_total.tot));
      expect(html).toContain('按收到申请之日计（D-11）');
      expect(html).toContain('首次办结（D-17）');
      expect(html).toContain('按期：在法定期限内答复（R-DL-04）');
      // The chart is an image of the same figures: one bar per group, labelled with its count.
      const src = /<img src="([^"]+)"/.exec(html)?.[1] ?? '';
      expect(src).toBe(
        `/agencies/${code}/statistics/outcomes.svg?year=2026${subtree ? '&amp;subtree=1' : ''}`,
      );
      const chart = await http()
        .get(src.replace(/&amp;/g, '&'))
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(chart.headers['content-type']).toContain('image/svg+xml');
      expect(chart.headers['cache-control']).toBe('public, max-age=300');
      const svg = (chart.body as Buffer).toString('utf8');
      expect(svg.startsWith('<svg')).toBe(true);
      const cant = ['r_cant_1', 'r_cant_2', 'r_cant_3'].reduce(
        (n, r) => n + report.applications[r].tot,
        0,
      );
      expect(svg).toContain('（四）无法提供');
      expect(svg).toContain(`>${cant}</text>`);
    },
  );

  it("takes the time to reply from the supervisors' rule: net working days, pauses excluded", async () => {
    const html = await page('/agencies/DQ-GA/statistics?year=2026');
    // The two live replies: 10 and 30 net working days (see the supervision test).
    const stats = await t.app
      .get(SupervisionService)
      .stats({ scope: () => ({ exact: [], prefixes: ['/'] }) } as never, 2026);
    const ga = stats.filter((s) => s.agencyCode === 'DQ-GA');
    expect(ga.map((s) => s.medianNetDays)).toEqual([20]);
    expect(figureOf(html, 'median-days')).toBe('20个工作日');
    expect(figureOf(html, 'average-days')).toBe('20个工作日');
    expect(html).toContain('按本年办结的2件答复计');
  });

  it('counts once for visitors asking at the same time, and afresh afterwards', async () => {
    const svc = t.app.get(PublicStatisticsService);
    const spy = jest.spyOn(svc, 'netDays');
    try {
      const pages = await Promise.all(
        [0, 1, 2].map(() => page('/agencies/DQ-GA/statistics?year=2026')),
      );
      expect(spy).toHaveBeenCalledTimes(1);
      expect(new Set(pages.map((h) => figureOf(h, 'received'))).size).toBe(1);
      await page('/agencies/DQ-GA/statistics?year=2026');
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
  });

  it('shows the guide with its office facts and periods as tables, a missing fact as 未公布', async () => {
    const html = await page('/agencies/DQ-GA/guide');
    expect(html).toContain('<caption>办理期限</caption>');
    expect(html).toContain('<th scope="row">办公地址</th><td>' + GA_CONTACT.address + '</td>');
    expect(html).toContain('<th scope="row">联系电话</th><td>' + GA_CONTACT.phone + '</td>');
    expect(html).toContain('<tr class="missing"><th scope="row">传真</th><td>未公布</td></tr>');
    expect(html).toContain('<td>20个工作日</td><td>OGI-2019 Art 33(1) (R-DL-01)</td>');
    expect(html).toContain('href="/agencies/DQ-GA/reports"');
    expect(await page('/agencies')).toContain('href="/agencies/DQ-GA/statistics"');
    await page('/agencies/DQ-GA/statistics?year=2007', 404);
    await page('/agencies/DQ-GA/statistics?year=2029', 404);
    await page('/agencies/NO-SUCH/statistics', 404);
    await page('/agencies/NO-SUCH/statistics/outcomes.svg', 404);
    expect(await page('/agencies/DQ-GA/statistics?year=2026&lang=en')).toContain(
      'First conclusion (D-17)',
    );
  });
});
