import request from 'supertest';
import { DataSource } from 'typeorm';
import { AgenciesService } from '../../src/modules/agencies/agencies.service';
import { HistoricalImport } from '../../src/modules/requests/historical-import.service';
import {
  agencyPath as agencyPathOf,
  generateHistory,
  recountSectionThree,
} from '../utils/annual-report-data';
import { seedWorld, type World } from '../utils/fixtures';
import { setToday } from '../utils/requests';
import { bootTestApp, type TestApp } from '../utils/test-app';

/**
 * The annual report computed from the records: section 三 balances and equals an independent
 * recount (a query written here from D-11, not the production code) for an agency and a
 * subtree; section 四 is the remedies module's; the 2013 report of 大庆市 is reproduced from
 * data built from the seed's figures; HTML and Markdown keep the official labels and merges.
 */
describe('the annual report', () => {
  let t: TestApp;
  let w: World;
  const http = () => request(t.app.getHttpServer());
  const as = (who: keyof World['tokens']) => ({ authorization: `Bearer ${w.tokens[who]}` });
  const db = () => t.app.get(DataSource);
  const report = async (q: string, who: keyof World['tokens'] = 'parentSupervisor') =>
    (await http().get(`/api/v1/reports/annual?${q}`).set(as(who)).expect(200)).body;

  beforeAll(async () => {
    t = await bootTestApp({
      CLOCK: 'fixed',
      CLOCK_FIXED_AT: '2028-02-01T09:00:00+08:00',
      ACCESS_TOKEN_TTL_SECONDS: '31536000',
    });
    w = await seedWorld(t.app);
    setToday(t.app, '2028-02-01');
  }, 60_000);
  afterAll(() => t.close());

  const generated = async () => {
    await generateHistory(t.app);
  };
  const recount = async (path: string, subtree: boolean, year: number) =>
    (await recountSectionThree(t.app, path, subtree, year)).table;
  const nonZero = (t: Record<string, Record<string, number>>) =>
    Object.fromEntries(Object.entries(t).filter(([, v]) => v.tot > 0));

  it('balances section 三 and equals an independent recount, for an agency and for a subtree', async () => {
    await generated();
    const ga = await report('year=2026&agencyCode=DQ-GA');
    expect(ga.formatVersion).toBe('2021');
    expect(nonZero(ga.applications)).toEqual(await recount(await agencyPath('DQ-GA'), false, 2026));
    expect(ga.applications.new.tot).toBeGreaterThan(50);
    expect(
      ga.checks
        .filter((c: { ok: boolean; rule: string }) => !c.ok)
        .map((c: { rule: string }) => c.rule),
    ).toEqual([]);
    const dq = await report('year=2026&agencyCode=DQ&subtree=true');
    expect(nonZero(dq.applications)).toEqual(await recount(await agencyPath('DQ'), true, 2026));
    expect(dq.applications.new.tot).toBeGreaterThan(ga.applications.new.tot);
    // R-AR-15: this year's 上年结转 is last year's 结转下年度.
    const last = await report('year=2025&agencyCode=DQ&subtree=true');
    expect(dq.applications.carry_in).toEqual(last.applications.carry_out);
    // Each figure names its cases (the drill-down, counted apart from the table's GROUP BY).
    const totals = (
      await http()
        .get(`/api/v1/reports/annual/cells/three/r_total/tot?year=2026&agencyCode=DQ&subtree=true`)
        .set(as('parentSupervisor'))
        .expect(200)
    ).body;
    expect(totals.items).toHaveLength(dq.applications.r_total.tot);
    expect(dq).not.toHaveProperty('casesByRow');
  });

  it('counts a case once, by its first conclusion and its category at filing (D-11, D-17)', async () => {
    const before = await report('year=2027&agencyCode=DQ-JY');
    const lines = [
      {
        agencyCode: 'DQ-JY',
        externalRef: 'ONCE-1',
        receivedOn: '2026-12-28',
        channel: 'online',
        applicantType: 'law',
        subject: '跨年案件',
        replyType: 'PARTIAL_REDACTED',
        repliedOn: '2027-01-20',
      },
      {
        agencyCode: 'DQ-JY',
        externalRef: 'ONCE-2',
        receivedOn: '2027-03-01',
        channel: 'oral',
        applicantType: 'res',
        subject: '年内案件',
        replyType: null,
        repliedOn: null,
      },
    ];
    await t.app.get(HistoricalImport).import(lines.map((l) => JSON.stringify(l)).join('\n'));
    const after = await report('year=2027&agencyCode=DQ-JY');
    const diff = (row: string, col: string) =>
      after.applications[row][col] - before.applications[row][col];
    expect([diff('carry_in', 'law'), diff('r_partial', 'law'), diff('r_total', 'law')]).toEqual([
      1, 1, 1,
    ]);
    expect([diff('r_no_4', 'law'), diff('new', 'res'), diff('carry_out', 'res')]).toEqual([
      0, 1, 1,
    ]);
  });

  it('takes section 四 from the remedies module and checks R-AR-20', async () => {
    const r = await report('year=2026&agencyCode=DQ-GA');
    const four = (
      await http()
        .get('/api/v1/reports/section-four?year=2026&agencyCode=DQ-GA')
        .set(as('reporter'))
        .expect(200)
    ).body.figures;
    expect(r.remedies).toEqual(four);
    expect(r.checks.find((c: { rule: string }) => c.rule === 'R-AR-20')).toMatchObject({
      ok: true,
    });
  });

  it('reproduces the 2013 report of 大庆市 (2008 format): two groups, 5031 and 79 applications, no remedies or fees', async () => {
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
    const topics = ['档案文件查询', '城乡建设规划', '计划生育', '社会保障', '其他事项'];
    const lines: string[] = [];
    const city = ['DQ', 'DQ-GA', 'DQ-JY'];
    for (let i = 0; i < 5031; i++)
      lines.push(
        JSON.stringify({
          agencyCode: city[i % 3],
          externalRef: `2013-C${i}`,
          receivedOn: `2013-${String(1 + (i % 12)).padStart(2, '0')}-10`,
          channel: i % 2 ? 'online' : 'in_person',
          applicantType: 'np',
          subject: `申请${i}`,
          topic:
            topics[i % 100 < 60 ? 0 : i % 100 < 80 ? 1 : i % 100 < 92 ? 2 : i % 100 < 97 ? 3 : 4],
          replyType: 'DISCLOSED',
          repliedOn: `2013-${String(1 + (i % 12)).padStart(2, '0')}-20`,
          onTime: true,
        }),
      );
    for (let i = 0; i < 79; i++)
      lines.push(
        JSON.stringify({
          agencyCode: i % 2 ? 'DQ-SE' : 'DQ-SE-JY',
          externalRef: `2013-D${i}`,
          receivedOn: '2013-06-03',
          channel: 'in_person',
          applicantType: 'np',
          subject: `县区申请${i}`,
          topic: topics[i % 3],
          replyType: 'DISCLOSED',
          repliedOn: '2013-06-20',
          onTime: true,
        }),
      );
    expect(await t.app.get(HistoricalImport).import(lines.join('\n'))).toMatchObject({
      ok: true,
      created: 5110,
    });
    const r = await report('year=2013&agencyCode=DQ&subtree=true');
    expect(r.formatVersion).toBe('2008');
    expect(
      r.groups.map((g: { name: string; applicationsReceived: number }) => [
        g.name,
        g.applicationsReceived,
      ]),
    ).toEqual([
      ['市级行政机关', 5031],
      ['县(区)政府', 79],
    ]);
    expect(r.groups[0].topics.slice(0, 3)).toEqual(['档案文件查询', '城乡建设规划', '计划生育']);
    expect(r.groups[0]).toMatchObject({
      onTime: 5031,
      late: 0,
      openAtYearEnd: 0,
      feesCollectedYuan: 0,
    });
    expect(r.remedies.rv_total + r.remedies.ld_total + r.remedies.lr_total).toBe(0);
    expect(r.feesCollectedYuan).toBe(0);
    expect(r.narrative.applications).toContain(
      '市级行政机关收到公开政府信息的申请5031件；县(区)政府收到公开政府信息的申请79件',
    );
    expect(r.narrative.applications).toContain(
      '申请的信息主要集中在档案文件查询、城乡建设规划、计划生育',
    );
    expect(r.narrative.remedies).toBe(
      '2013年，全市未发生因政府信息公开而提起的行政复议、诉讼和申诉案件。',
    );
    expect(r.narrative.fees).toBe(
      '2013年，全市各级行政机关未发生因政府信息公开向公民、法人和其他组织进行收费的情况。',
    );
    const html = (
      await http()
        .get('/api/v1/reports/annual?year=2013&agencyCode=DQ&subtree=true&format=html')
        .set(as('parentSupervisor'))
        .expect(200)
    ).text;
    for (const h of [
      '一、概述',
      '三、依申请公开政府信息情况',
      '四、复议、诉讼和申诉的情况',
      '六、主要问题和改进措施',
    ])
      expect(html).toContain(h);
  });

  it('renders the official layout in HTML (merges, exact labels) and Markdown; a preview is marked', async () => {
    const html = (
      await http()
        .get('/api/v1/reports/annual?year=2026&agencyCode=DQ-GA&format=html')
        .set(as('reporter'))
        .expect(200)
    ).text;
    expect(html).toContain(
      '<td class="note" colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>',
    );
    expect(html).toContain('<td class="l" rowspan="22">三、本年度办理结果</td>');
    expect(html).toContain('<td class="l" rowspan="8">（三）不予公开</td>');
    expect(html).toContain('3.危及“三安全一稳定”');
    expect(html).toContain('<th colspan="5">行政复议</th><th colspan="10">行政诉讼</th>');
    for (const h of [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ])
      expect(html).toContain(`<h2>${h}</h2>`);
    expect(html).not.toContain('〃');
    const trial = (
      await http()
        .get(
          '/api/v1/reports/annual?year=2026&agencyCode=DQ-GA&format=html&formatVersion=2019_TRIAL',
        )
        .set(as('reporter'))
        .expect(200)
    ).text;
    expect(trial).toContain('<td class="l" rowspan="20">三、本年度办理结果</td>');
    expect(trial).toContain('<td class="l" colspan="2">（六）其他处理</td>');
    expect(trial).toContain('class="preview"');
    const md = (
      await http()
        .get('/api/v1/reports/annual?year=2026&agencyCode=DQ-GA&format=md')
        .set(as('reporter'))
        .expect(200)
    ).text;
    expect(md).toMatch(/\| 三、本年度办理结果 （七）总计 \| \d+ \|/);
    const json = await report('year=2026&agencyCode=DQ-GA&formatVersion=2019_TRIAL');
    expect(json).toMatchObject({ preview: true, formatVersion: '2019_TRIAL' });
    expect(Object.keys(json.applications)).toContain('r_oth');
  });

  it('imports historical cases all or nothing, naming bad lines; re-importing changes nothing', async () => {
    const good = {
      agencyCode: 'DQ-GA',
      externalRef: 'X-1',
      receivedOn: '2024-05-06',
      channel: 'fax',
      applicantType: 'biz',
      subject: '营业执照信息',
      replyType: 'NOT_EXIST',
      repliedOn: '2024-05-20',
    };
    const imports = t.app.get(HistoricalImport);
    const bad = await imports.import(
      [
        JSON.stringify(good),
        '{"agencyCode":"DQ-GA","externalRef":"X-2","receivedOn":"2024-02-30","channel":"fax","applicantType":"biz","subject":"x","replyType":"NOPE","repliedOn":null}',
        '{"agencyCode":"NOWHERE","externalRef":"X-3","receivedOn":"2024-02-03","channel":"fax","applicantType":"biz","subject":"x","replyType":null,"repliedOn":null}',
        JSON.stringify(good),
      ].join('\n'),
    );
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'receivedOn'],
      [2, 'replyType'],
      [2, 'repliedOn'],
      [3, 'agencyCode'],
      [4, 'externalRef'],
    ]);
    expect(await db().query(`SELECT id FROM request_case WHERE external_ref = 'X-1'`)).toEqual([]);
    expect(await imports.import(JSON.stringify(good))).toMatchObject({
      ok: true,
      created: 1,
      unchanged: 0,
    });
    expect(await imports.import(JSON.stringify(good))).toMatchObject({
      ok: true,
      created: 0,
      unchanged: 1,
    });
    const [c] = await db().query(
      `SELECT id, status, source, concluded_on::text, reference_no FROM request_case WHERE external_ref = 'X-1'`,
    );
    expect(c).toMatchObject({
      status: 'replied',
      source: 'import',
      concluded_on: '2024-05-20',
      reference_no: 'DQ-GA-2024-H000001',
    });
    expect(await db().query(`SELECT kind FROM deadline WHERE subject_id = $1`, [c.id])).toEqual([]);
  });

  const agencyPath = (code: string) => agencyPathOf(t.app, code);
});
