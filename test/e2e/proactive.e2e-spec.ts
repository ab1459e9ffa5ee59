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

  const put = (body: object, who: keyof World['tokens'] = 'reporter', status = 200) =>
    http().put('/api/v1/proactive/figures').set(as(who)).send(body).expect(status);

  it('section 二 (2021) equals the figures entered, for an agency and for a subtree; "/" where not applicable', async () => {
    // DQ-GA through the API (its reporting officer), DQ and DQ-JY by import.
    await put({
      agencyCode: 'DQ-GA',
      year: 2026,
      item: 'rules',
      made: '/',
      abolished: '/',
      inForce: '/',
    });
    await put({
      agencyCode: 'DQ-GA',
      year: 2026,
      item: 'normative_docs',
      made: 4,
      abolished: 1,
      inForce: 37,
    });
    await put({ agencyCode: 'DQ-GA', year: 2026, item: 'licensing', decisions: 1200 });
    await put({ agencyCode: 'DQ-GA', year: 2026, item: 'penalty', decisions: 315 });
    await put({ agencyCode: 'DQ-GA', year: 2026, item: 'fees', amount10kYuan: 12.3456 });
    const imported = [
      { agencyCode: 'DQ', year: 2026, item: 'rules', made: 2, abolished: 0, inForce: 45 },
      {
        agencyCode: 'DQ',
        year: 2026,
        item: 'normative_docs',
        made: 11,
        abolished: 3,
        inForce: 120,
      },
      { agencyCode: 'DQ-JY', year: 2026, item: 'rules', made: '/', abolished: '/', inForce: '/' },
      { agencyCode: 'DQ-JY', year: 2026, item: 'licensing', decisions: 80 },
      { agencyCode: 'DQ-JY', year: 2026, item: 'coercion', decisions: 3 },
      { agencyCode: 'DQ-JY', year: 2026, item: 'fees', amount10kYuan: 0.6544 },
    ];
    expect(
      await t.app.get(ProactiveImport).import(imported.map((l) => JSON.stringify(l)).join('\n')),
    ).toMatchObject({ ok: true, figures: { created: 6, changed: 0, unchanged: 0 } });
    const ga = await report('year=2026&agencyCode=DQ-GA', 'reporter');
    expect(ga.proactive).toEqual({
      rules: { made: '/', abolished: '/', inForce: '/' },
      normative_docs: { made: 4, abolished: 1, inForce: 37 },
      licensing: { decisions: 1200 },
      penalty: { decisions: 315 },
      coercion: { decisions: 0 },
      fees: { amount10kYuan: 12.3456 },
    });
    const dq = await report('year=2026&agencyCode=DQ&subtree=true');
    expect(dq.proactive).toEqual({
      rules: { made: 2, abolished: 0, inForce: 45 },
      normative_docs: { made: 15, abolished: 4, inForce: 157 },
      licensing: { decisions: 1280 },
      penalty: { decisions: 315 },
      coercion: { decisions: 3 },
      fees: { amount10kYuan: 13 },
    });
    // The figures route says the same.
    const figures = (
      await http()
        .get('/api/v1/proactive/figures?year=2026&agencyCode=DQ&subtree=true')
        .set(as('parentSupervisor'))
        .expect(200)
    ).body;
    expect(figures.figures).toEqual(dq.proactive);
    const html = (
      await http()
        .get('/api/v1/reports/annual?year=2026&agencyCode=DQ-GA&format=html')
        .set(as('reporter'))
        .expect(200)
    ).text;
    expect(html).toContain('<tr><th colspan="4">第二十条第（一）项</th></tr>');
    expect(html).toContain(
      '<tr><th>信息内容</th><th>本年制发件数</th><th>本年废止件数</th><th>现行有效件数</th></tr>',
    );
    expect(html).toContain('<tr><td>规章</td><td>/</td><td>/</td><td>/</td></tr>');
    expect(html).toContain('<tr><td>行政许可</td><td colspan="3">1200</td></tr>');
    expect(html).toContain('<th colspan="3">本年收费金额（单位：万元）</th>');
    const md = (
      await http()
        .get('/api/v1/reports/annual?year=2026&agencyCode=DQ-GA&format=md')
        .set(as('reporter'))
        .expect(200)
    ).text;
    expect(md).toContain('| 行政规范性文件 | 4 | 1 | 37 |');
    // Entering the same row again changes nothing; other values replace it.
    expect(
      (await put({ agencyCode: 'DQ-GA', year: 2026, item: 'penalty', decisions: 315 })).body
        .changed,
    ).toBe(false);
    expect(
      (await put({ agencyCode: 'DQ-GA', year: 2026, item: 'penalty', decisions: 316 })).body
        .changed,
    ).toBe(true);
    expect((await report('year=2026&agencyCode=DQ-GA', 'reporter')).proactive.penalty).toEqual({
      decisions: 316,
    });
  });

  it("section 二 (2019 trial) has the trial's own rows, 政府集中采购 included, summed over a subtree", async () => {
    const lines = [
      {
        agencyCode: 'DQ-GA',
        year: 2020,
        item: 'rules',
        newlyMade: '/',
        newlyPublished: '/',
        totalPublished: '/',
      },
      {
        agencyCode: 'DQ-GA',
        year: 2020,
        item: 'licensing',
        lastYearItems: 52,
        change: -3,
        decisions: 900,
      },
      {
        agencyCode: 'DQ-GA',
        year: 2020,
        item: 'other_services',
        lastYearItems: 10,
        change: 2,
        decisions: 45,
      },
      { agencyCode: 'DQ-GA', year: 2020, item: 'fees', lastYearItems: 6, change: -1 },
      { agencyCode: 'DQ-GA', year: 2020, item: 'procurement', projects: 14, amount10kYuan: 356.5 },
      {
        agencyCode: 'DQ-JY',
        year: 2020,
        item: 'licensing',
        lastYearItems: 8,
        change: 1,
        decisions: 70,
      },
      { agencyCode: 'DQ-JY', year: 2020, item: 'procurement', projects: 3, amount10kYuan: '/' },
    ];
    expect(
      await t.app.get(ProactiveImport).import(lines.map((l) => JSON.stringify(l)).join('\n')),
    ).toMatchObject({ ok: true });
    const ga = await report('year=2020&agencyCode=DQ-GA', 'reporter');
    expect(ga.formatVersion).toBe('2019_TRIAL');
    expect(ga.proactive).toMatchObject({
      rules: { newlyMade: '/', newlyPublished: '/', totalPublished: '/' },
      normative_docs: { newlyMade: 0, newlyPublished: 0, totalPublished: 0 },
      licensing: { lastYearItems: 52, change: -3, decisions: 900 },
      other_services: { lastYearItems: 10, change: 2, decisions: 45 },
      fees: { lastYearItems: 6, change: -1 },
      procurement: { projects: 14, amount10kYuan: 356.5 },
    });
    const dq = await report('year=2020&agencyCode=DQ&subtree=true');
    expect(dq.proactive).toMatchObject({
      rules: { newlyMade: '/' },
      licensing: { lastYearItems: 60, change: -2, decisions: 970 },
      procurement: { projects: 17, amount10kYuan: 356.5 },
    });
    const html = (
      await http()
        .get('/api/v1/reports/annual?year=2020&agencyCode=DQ-GA&format=html')
        .set(as('reporter'))
        .expect(200)
    ).text;
    expect(html).toContain('<tr><th colspan="4">第二十条第（九）项</th></tr>');
    expect(html).toContain(
      '<tr><th>信息内容</th><th>采购项目数量</th><th colspan="2">采购总金额</th></tr>',
    );
    expect(html).toContain(
      '<tr><td>其他对外管理服务事项</td><td>10</td><td>2</td><td>45</td></tr>',
    );
    expect(ga.narrative.overview).toContain('政府集中采购项目14个，采购总金额356.5万元');
  });

  it("refuses figures that do not fit the year's format, naming the fields; nothing is written", async () => {
    const bad = (
      await put(
        { agencyCode: 'DQ-GA', year: 2026, item: 'procurement', projects: 1, amount10kYuan: 1 },
        'reporter',
        400,
      )
    ).body;
    expect(bad.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['item', 'field-not-in-format'],
    ]);
    const cols = (
      await put(
        { agencyCode: 'DQ-GA', year: 2026, item: 'rules', made: 1.5, abolished: -1 },
        'reporter',
        400,
      )
    ).body;
    expect(cols.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['made', 'field-not-figure'],
      ['abolished', 'field-not-figure'],
      ['inForce', 'field-required'],
    ]);
    await put(
      { agencyCode: 'DQ-GA', year: 2029, item: 'licensing', decisions: 1 },
      'reporter',
      400,
    );
    // Out of reach: 404 like an unknown agency; a supervisor may read but not enter.
    await put(
      { agencyCode: 'DQ-JY', year: 2026, item: 'licensing', decisions: 1 },
      'reporter',
      404,
    );
    await put(
      { agencyCode: 'DQ-GA', year: 2026, item: 'licensing', decisions: 1 },
      'parentSupervisor',
      403,
    );
    expect((await report('year=2026&agencyCode=DQ-GA', 'reporter')).proactive.licensing).toEqual({
      decisions: 1200,
    });
  });

  it('imports all or nothing, with line-numbered field problems', async () => {
    const db = t.app.get(DataSource);
    const before = (await db.query(`SELECT count(*)::int AS n FROM proactive_item`))[0].n;
    const out = await t.app
      .get(ProactiveImport)
      .import(
        [
          '{"agencyCode":"DQ-GA","publishedOn":"2026-03-01","category":"updates","online":true,"title":"好的一条"}',
          '{"agencyCode":"NOWHERE","publishedOn":"2026-03-01","category":"updates","online":true,"title":"x"}',
          '{"agencyCode":"DQ-GA","year":2026,"item":"licensing"}',
          '{"agencyCode":"DQ-GA","publishedOn":"2026-02-30","category":"news","online":1,"title":"y"}',
          '{"agencyCode":"DQ-GA","publishedOn":"2026-03-01","category":"updates","online":false,"title":"好的一条"}',
          'not json',
        ].join('\n'),
      );
    expect(!out.ok && out.problems.map((p) => [p.line, p.field ?? null])).toEqual([
      [2, 'agencyCode'],
      [3, 'decisions'],
      [4, 'publishedOn'],
      [4, 'category'],
      [4, 'online'],
      [5, 'externalRef'],
      [6, null],
    ]);
    expect((await db.query(`SELECT count(*)::int AS n FROM proactive_item`))[0].n).toBe(before);
    // The CLI: exit 2, one line per problem on stderr, nothing on stdout.
    const file = join(dir, 'bad.jsonl');
    writeFileSync(
      file,
      '{"agencyCode":"DQ-GA","year":2026,"item":"fees","amount10kYuan":1}\n{"agencyCode":"DQ-GA","year":2020,"item":"rules","made":1,"abolished":0,"inForce":3}\n',
    );
    const run = await cli('import', 'proactive', '--file', file);
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toContain('line 2 (made):');
    expect(run.stderr).toContain(
      'line 2 (made): 2019年试行格式无此项 · not in the 2019 trial format',
    );
    expect(run.stderr).toContain('6 problem(s)');
    expect((await report('year=2026&agencyCode=DQ-GA', 'reporter')).proactive.fees).toEqual({
      amount10kYuan: 12.3456,
    });
  });

  it('keeps the register by API: an item counts in its year and category; a repeat is a 409', async () => {
    const item = {
      agencyCode: 'DQ-GA',
      publishedOn: '2027-05-06',
      category: 'policies',
      online: false,
      title: '关于印发某办法的通知',
    };
    const created = (
      await http().post('/api/v1/proactive/items').set(as('reporter')).send(item).expect(201)
    ).body;
    expect(created).toMatchObject({ agencyCode: 'DQ-GA', category: 'policies', online: false });
    await http().post('/api/v1/proactive/items').set(as('reporter')).send(item).expect(409);
    await http()
      .post('/api/v1/proactive/items')
      .set(as('reporter'))
      .send({ ...item, publishedOn: '2028-03-01' })
      .expect(400);
    const reg = (
      await http()
        .get('/api/v1/proactive/register?year=2027&agencyCode=DQ&subtree=true')
        .set(as('parentSupervisor'))
        .expect(200)
    ).body;
    expect(reg).toMatchObject({
      total: 1,
      online: 0,
      onlineShare: 0,
      byCategory: { policies: 1, updates: 0 },
      shares: { policies: 100 },
    });
  });

  it('drafts the narrative from the figures; the reporting officer edits and saves it (section 一 within 1,000 characters)', async () => {
    const q = 'year=2026&agencyCode=DQ-GA';
    const draft = await report(q, 'reporter');
    expect(draft.narrativeSaved).toEqual([]);
    expect(draft.narrative.overview).toContain('作出行政许可决定1200件、行政处罚决定316件');
    expect(draft.narrative.overview).toContain('现行有效规章（不适用）');
    expect([...draft.narrative.overview].length).toBeLessThanOrEqual(1000);
    expect(draft.narrative.problems).toContain('（二）改进情况：');
    expect(draft.narrative.other).toBe(draft.narrative.fees);
    const save = (body: object, status: number, who: keyof World['tokens'] = 'reporter') =>
      http()
        .put('/api/v1/reports/narrative')
        .set(as(who))
        .send({ year: 2026, agencyCode: 'DQ-GA', ...body })
        .expect(status);
    const text = '2026年，大庆市公安局扎实推进政府信息公开工作。';
    await save({ section: 'overview', text }, 200);
    await save(
      { section: 'problems', text: '（一）存在的主要问题：无。（二）改进情况：继续努力。' },
      200,
    );
    const edited = await report(q, 'reporter');
    expect(edited.narrative.overview).toBe(text);
    expect(edited.narrativeSaved).toEqual(['overview', 'problems']);
    const html = (
      await http().get(`/api/v1/reports/annual?${q}&format=html`).set(as('reporter')).expect(200)
    ).text;
    expect(html).toContain(`<h2>一、总体情况</h2><p>${text}</p>`);
    expect(html).toContain('<h2>五、存在的主要问题及改进情况</h2><p>（一）存在的主要问题：无。');
    // The subtree's report is another report: still a draft.
    expect(
      (await report('year=2026&agencyCode=DQ-GA&subtree=true', 'reporter')).narrativeSaved,
    ).toEqual([]);
    const long = (await save({ section: 'overview', text: '字'.repeat(1001) }, 400)).body;
    expect(long.errors.map((e: { field: string }) => e.field)).toEqual(['text']);
    await save({ section: 'other', text: '字'.repeat(1001) }, 200);
    const wrong = (await save({ section: 'improvements', text: '改进' }, 400)).body;
    expect(wrong.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['section', 'field-not-in-format'],
    ]);
    await save({ section: 'overview', text }, 403, 'parentSupervisor');
    await save({ agencyCode: 'DQ-JY', section: 'overview', text }, 404);
    // The 2008 format's sections: 概述, problems, improvements.
    await save({ year: 2013, section: 'improvements', text: '2014年，将继续深化公开。' }, 200);
    await save({ year: 2013, section: 'other', text: '其他' }, 400);
    const r2008 = await report('year=2013&agencyCode=DQ-GA', 'reporter');
    expect(r2008.narrative.improvements).toBe('2014年，将继续深化公开。');
    expect(r2008.narrative.problems).toContain('网上公开比例有待提高');
    await save(
      {
        year: 2013,
        agencyCode: 'DQ',
        subtree: true,
        section: 'improvements',
        text: '2014年，将继续深化公开。',
      },
      404,
    );
  });

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
