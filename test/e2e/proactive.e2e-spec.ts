import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AgenciesService } from '../../src/modules/agencies/agencies.service';
import { ProactiveImport } from '../../src/modules/proactive/proactive-import.service';
import { HistoricalImport } from '../../src/modules/requests/historical-import.service';
import { seedWorld, type World } from '../utils/fixtures';
import { captureCli } from '../utils/run-cli';
import { setToday } from '../utils/requests';
import { bootTestApp, TEST_PII_KEY, type TestApp } from '../utils/test-app';

/**
 * Section 二 and the narrative end to end: the 2013 report of 大庆市 regenerated from data
 * imported with the CLI (every proactive figure of both groups as in the seed, shares within
 * 0.5 points of the printed ones, the applications of part 1); the 2021 and trial figures of an
 * agency and a subtree equal to what was entered (API and import); drafts, edits and refusals.
 */
const CATS = ['functions', 'policies', 'enforcement', 'licensing', 'updates', 'other'] as const;
/** The seed, as printed: counts, online, and the shares (percent) it prints. */
const SEED = [
  {
    name: '市级行政机关',
    agencies: ['DQ', 'DQ-GA', 'DQ-JY'],
    total: 37583,
    online: 23669,
    onlineShare: 63,
    counts: [3129, 2145, 2559, 5672, 15826, 8252],
    shares: [8.3, 5.7, 7, 15, 42, 22],
    applications: 5031,
  },
  {
    name: '县(区)政府',
    agencies: ['DQ-SE', 'DQ-SE-JY'],
    total: 49467,
    online: 36944,
    onlineShare: 75,
    counts: [3926, 2734, 5838, 7306, 21189, 8474],
    shares: [7.9, 5.5, 11.8, 14.8, 43, 17],
    applications: 79,
  },
];

describe('section 二, the register and the narrative', () => {
  let t: TestApp;
  let w: World;
  const dir = mkdtempSync(join(tmpdir(), 'govinfo-proactive-'));
  const http = () => request(t.app.getHttpServer());
  const as = (who: keyof World['tokens']) => ({ authorization: `Bearer ${w.tokens[who]}` });
  const report = async (q: string, who: keyof World['tokens'] = 'parentSupervisor') =>
    (await http().get(`/api/v1/reports/annual?${q}`).set(as(who)).expect(200)).body;
  const cli = (...argv: string[]) =>
    captureCli(argv, {
      DATABASE_URL: t.db.url,
      REDIS_URL: t.config.redis.url as string,
      QUEUE_PREFIX: t.config.redis.queuePrefix,
      PII_ENCRYPTION_KEY: TEST_PII_KEY,
      LOG_LEVEL: 'silent',
    });

  beforeAll(async () => {
    t = await bootTestApp({
      CLOCK: 'fixed',
      CLOCK_FIXED_AT: '2028-02-01T09:00:00+08:00',
      ACCESS_TOKEN_TTL_SECONDS: '31536000',
    });
    w = await seedWorld(t.app);
    setToday(t.app, '2028-02-01');
    const agencies = t.app.get(AgenciesService);
    await agencies.create(null, {
      code: 'DQ-SE',
      name: '萨尔图区人民政府',
      kind: 'government',
      parentCode: 'DQ',
    });
    await agencies.create(null, {
      code: 'DQ-SE-JY',
      name: '萨尔图区教育局',
      kind: 'department',
      parentCode: 'DQ-SE',
    });
  }, 60_000);
  afterAll(() => t.close());

  it("regenerates the seed's 2013 report from imported data: every proactive figure of both groups, shares within 0.5 points", async () => {
    const lines: string[] = [];
    for (const g of SEED) {
      let online = g.online;
      let k = 0;
      CATS.forEach((category, c) => {
        for (let i = 0; i < g.counts[c]; i++, k++) {
          const on = online-- > 0;
          const day = 1 + (k % 28);
          lines.push(
            JSON.stringify({
              agencyCode: g.agencies[k % g.agencies.length],
              publishedOn: `2013-${String(1 + (k % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
              category,
              online: on,
              title: `${g.name}公开信息第${k}条`,
            }),
          );
        }
      });
    }
    // An item of 2012 and one of 2014 are not counted in 2013.
    lines.push(
      JSON.stringify({
        agencyCode: 'DQ',
        publishedOn: '2012-12-31',
        category: 'updates',
        online: true,
        title: '上年信息',
      }),
      JSON.stringify({
        agencyCode: 'DQ-SE',
        publishedOn: '2014-01-01',
        category: 'other',
        online: false,
        title: '下年信息',
      }),
    );
    const file = join(dir, 'proactive-2013.jsonl');
    writeFileSync(file, lines.join('\n'));
    const started = Date.now();
    const run = await cli('import', 'proactive', '--file', file);
    process.stdout.write(
      `import proactive: ${lines.length} lines in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(JSON.parse(run.stdout)).toMatchObject({
      items: { created: 87_052, unchanged: 0 },
      figures: { created: 0 },
    });
    // Re-importing changes nothing.
    const again = await cli('import', 'proactive', '--file', file);
    expect(JSON.parse(again.stdout)).toMatchObject({ items: { created: 0, unchanged: 87_052 } });
    await importApplications2013();

    const r = await report('year=2013&agencyCode=DQ&subtree=true');
    expect(r.formatVersion).toBe('2008');
    SEED.forEach((g, i) => {
      const p = r.groups[i].proactive;
      expect([r.groups[i].name, p.total, p.online, r.groups[i].applicationsReceived]).toEqual([
        g.name,
        g.total,
        g.online,
        g.applications,
      ]);
      expect(CATS.map((c) => p.byCategory[c])).toEqual(g.counts);
      CATS.forEach((c, j) => expect(Math.abs(p.shares[c] - g.shares[j])).toBeLessThanOrEqual(0.5));
      expect(Math.abs(p.onlineShare - g.onlineShare)).toBeLessThanOrEqual(0.5);
      expect(r.narrative.proactive).toContain(
        `2013年度，${g.name}共公开政府信息${g.total}条。其中，网上公开${g.online}条，约占总数的`,
      );
    });
    expect(r.proactive).toMatchObject({ total: 37583 + 49467, online: 23669 + 36944 });
    expect(r.checks.filter((c: { ok: boolean }) => !c.ok)).toEqual([]);
    expect(r.narrative.proactive).toContain('部门职能类信息3129条，占总数的8.3%');
    expect(r.narrative.proactive).toContain('行政审批(许可)类信息7306条，占总数的14.8%');
    expect(r.narrative.fees).toBe(
      '2013年，全市各级行政机关未发生因政府信息公开向公民、法人和其他组织进行收费的情况。',
    );
    expect(r.narrative.overview).toContain('全年共主动公开政府信息87050条，其中网上公开60613条');
    const html = (
      await cli('report', '--year', '2013', '--agency', 'DQ', '--subtree', '--format', 'html')
    ).stdout;
    for (const h of ['一、概述', '二、主动公开政府信息情况', '六、主要问题和改进措施'])
      expect(html).toContain(`<h2>${h}</h2>`);
    expect(html).toContain('<p>2013年度，县(区)政府共公开政府信息49467条。其中，网上公开36944条');
    expect(html).toContain('主要问题：');
    // One agency alone: its own items only.
    const ga = await report('year=2013&agencyCode=DQ-GA');
    const gaCount = (
      await t.app
        .get(DataSource)
        .query(
          `SELECT count(*)::int AS n FROM proactive_item i JOIN agency a ON a.id = i.agency_id WHERE a.code = 'DQ-GA' AND i.published_on BETWEEN '2013-01-01' AND '2013-12-31'`,
        )
    )[0].n;
    expect(ga.proactive.total).toBe(gaCount);
  }, 240_000);

  async function importApplications2013(): Promise<void> {
    const lines: string[] = [];
    for (const [g, group] of SEED.entries())
      for (let i = 0; i < group.applications; i++)
        lines.push(
          JSON.stringify({
            agencyCode: group.agencies[i % group.agencies.length],
            externalRef: `2013-${g}-${i}`,
            receivedOn: `2013-${String(1 + (i % 12)).padStart(2, '0')}-10`,
            channel: 'in_person',
            applicantType: 'np',
            subject: `申请${i}`,
            topic: ['档案文件查询', '城乡建设规划', '计划生育'][i % 3],
            replyType: 'DISCLOSED',
            repliedOn: `2013-${String(1 + (i % 12)).padStart(2, '0')}-20`,
            onTime: true,
          }),
        );
    expect(await t.app.get(HistoricalImport).import(lines.join('\n'))).toMatchObject({
      ok: true,
      created: 5110,
    });
  }
});
