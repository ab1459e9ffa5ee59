import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import request from 'supertest';
import { BALANCE_NOTE, COLUMNS, ROWS } from '../../src/modules/reports/domain/report-format';
import { agencyPath, generateHistory, recountSectionThree } from '../utils/annual-report-data';
import { seedWorld, type World } from '../utils/fixtures';
import { setToday } from '../utils/requests';
import { captureCli } from '../utils/run-cli';
import { bootTestApp, TEST_PII_KEY, type TestApp } from '../utils/test-app';

/**
 * Every figure traces to its cases: each cell's list equals an independent recount, and the
 * staff HTML links every figure to its list. The office formats: the XLSX (read back with exceljs) and the DOCX (unzipped, its
 * word/document.xml read) hold the same figures as the JSON, under the official labels and
 * merges.
 */
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** The tables of a document.xml: rows of cell texts (a vertically merged continuation is ''). */
function tablesOf(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1].matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((tr) =>
      [...tr[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((tc) =>
        [...tc[1].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
      ),
    ),
  );
}

describe('annual report outputs (XLSX, DOCX)', () => {
  let t: TestApp;
  let w: World;
  const http = () => request(t.app.getHttpServer());
  const as = () => ({ authorization: `Bearer ${w.tokens.parentSupervisor}` });
  const Q = 'year=2026&agencyCode=DQ&subtree=true';

  beforeAll(async () => {
    t = await bootTestApp({
      CLOCK: 'fixed',
      CLOCK_FIXED_AT: '2028-02-01T09:00:00+08:00',
      ACCESS_TOKEN_TTL_SECONDS: '31536000',
    });
    w = await seedWorld(t.app);
    setToday(t.app, '2028-02-01');
    await generateHistory(t.app, 600);
    await http()
      .put('/api/v1/proactive/figures')
      .set({ authorization: `Bearer ${w.tokens.reporter}` })
      .send({ agencyCode: 'DQ-GA', year: 2026, item: 'licensing', decisions: 12 })
      .expect(200);
  }, 60_000);
  afterAll(() => t.close());

  const json = async () =>
    (await http().get(`/api/v1/reports/annual?${Q}`).set(as()).expect(200)).body;
  const file = async (format: 'xlsx' | 'docx') => {
    const res = await http()
      .get(`/api/v1/reports/annual?${Q}&format=${format}`)
      .set(as())
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-disposition']).toContain(`2026-DQ-subtree.${format}`);
    return res.body as Buffer;
  };

  it('writes the XLSX with the JSON figures, the exact labels and the merged headers', async () => {
    const r = await json();
    expect(r.applications.new.tot).toBeGreaterThan(20);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await file('xlsx')) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['二', '三', '四']);
    const three = wb.getWorksheet('三')!;
    expect(three.getCell('A1').value).toBe('三、收到和处理政府信息公开申请情况');
    expect(three.getCell('A2').value).toBe(BALANCE_NOTE);
    expect(three.getCell('C4').master.address).toBe('A2');
    expect(three.getCell('D2').value).toBe('申请人情况');
    expect(three.getCell('J2').master.address).toBe('D2');
    expect(three.getCell('E3').value).toBe('法人或其他组织');
    expect(three.getCell('J4').master.address).toBe('J3');
    ROWS['2021'].forEach((row, i) => {
      const y = 5 + i;
      const values = COLUMNS.map((_, j) => three.getCell(y, 4 + j).value);
      expect([row.id, ...values]).toEqual([
        row.id,
        ...COLUMNS.map((c) => r.applications[row.id][c]),
      ]);
      if (row.l3) expect(three.getCell(y, 3).value).toBe(row.l3);
    });
    // 三、本年度办理结果 spans its 22 rows; （三）不予公开 its 8; carry_out spans the label columns.
    expect(three.getCell(7, 1).value).toBe('三、本年度办理结果');
    expect(three.getCell(28, 1).master.address).toBe('A7');
    expect(three.getCell(9, 2).value).toBe('（三）不予公开');
    expect(three.getCell(16, 2).master.address).toBe('B9');
    expect(three.getCell(29, 3).master.address).toBe('A29');
    const four = wb.getWorksheet('四')!;
    expect(four.getCell('A2').value).toBe('行政复议');
    expect(four.getCell('O2').master.address).toBe('F2');
    const keys = ['rv', 'ld', 'lr'].flatMap((g) =>
      ['keep', 'fix', 'other', 'pending', 'total'].map((k) => `${g}_${k}`),
    );
    expect(keys.map((_, i) => four.getCell(5, 1 + i).value)).toEqual(
      keys.map((k) => r.remedies[k]),
    );
    const two = wb.getWorksheet('二')!;
    const licensingRow = [...Array(two.rowCount).keys()].find(
      (i) => two.getCell(1 + i, 1).value === '行政许可',
    );
    expect(licensingRow).toBeDefined();
    expect(two.getCell(1 + licensingRow!, 2).value).toBe(12);
    expect(r.proactive.licensing.decisions).toBe(12);
  });

  it('writes the DOCX with the headings, the narrative and tables holding the JSON figures', async () => {
    const r = await json();
    const zip = await JSZip.loadAsync(await file('docx'));
    const xml = await zip.file('word/document.xml')!.async('string');
    for (const h of [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ])
      expect(xml).toContain(`>${h}</w:t>`);
    expect(xml).toContain(r.narrative.overview.slice(0, 40));
    const [, three, four] = tablesOf(xml);
    expect(three[0][0]).toBe(BALANCE_NOTE);
    const data = three.slice(3);
    expect(data).toHaveLength(ROWS['2021'].length);
    ROWS['2021'].forEach((row, i) =>
      expect([row.id, ...data[i].slice(-7).map(Number)]).toEqual([
        row.id,
        ...COLUMNS.map((c) => r.applications[row.id][c]),
      ]),
    );
    expect(data[2][0]).toBe('三、本年度办理结果');
    expect(data[3][0]).toBe(''); // the vertical merge continues
    expect(xml).toMatch(/<w:gridSpan w:val="7"\/>/);
    expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(four[3].map(Number)).toEqual(
      ['rv', 'ld', 'lr'].flatMap((g) =>
        ['keep', 'fix', 'other', 'pending', 'total'].map((k) => r.remedies[`${g}_${k}`]),
      ),
    );
    expect(xml).not.toContain('〃');
  });

  const cell = async (section: string, row: string, column: string, q = Q) =>
    (
      await http()
        .get(`/api/v1/reports/annual/cells/${section}/${row}/${column}?${q}`)
        .set(as())
        .expect(200)
    ).body as { value: number; items: Array<{ referenceNo: string; caseId: string }> };

  it('lists the cases of every section 三 cell: the ids of an independent recount', async () => {
    for (const [q, code, subtree] of [
      [Q, 'DQ', true],
      ['year=2026&agencyCode=DQ-GA', 'DQ-GA', false],
    ] as const) {
      const r = (await http().get(`/api/v1/reports/annual?${q}`).set(as()).expect(200)).body;
      const { refs } = await recountSectionThree(
        t.app,
        await agencyPath(t.app, code),
        subtree,
        2026,
      );
      let nonEmpty = 0;
      for (const row of ROWS['2021'])
        for (const c of COLUMNS) {
          const got = await cell('three', row.id, c, q);
          expect([row.id, c, got.items.map((i) => i.referenceNo)]).toEqual([
            row.id,
            c,
            refs[row.id]?.[c] ?? [],
          ]);
          expect(got.value).toBe(r.applications[row.id][c]);
          if (got.value > 0) nonEmpty++;
        }
      expect(nonEmpty).toBeGreaterThan(40);
    }
    const four = await cell('four', 'remedies', 'rv_total');
    expect(four).toMatchObject({ value: 0, items: [] });
  });

  it('links every figure of the staff HTML to its cell; bad addresses are a 400 naming the field', async () => {
    const html = (await http().get(`/api/v1/reports/annual?${Q}&format=html`).set(as()).expect(200))
      .text;
    const links = [
      ...html.matchAll(
        /<td><a href="(\/api\/v1\/reports\/annual\/cells\/[^"]+)">(\d+)<\/a><\/td>/g,
      ),
    ];
    expect(links).toHaveLength(ROWS['2021'].length * COLUMNS.length + 15);
    for (const [, href, figure] of links.slice(0, 30)) {
      const got = (await http().get(href.replace(/&amp;/g, '&')).set(as()).expect(200)).body;
      expect(got.value).toBe(Number(figure));
    }
    for (const [path, field] of [
      ['five/new/np', 'section'],
      ['three/r_oth/np', 'row'],
      ['three/new/xx', 'column'],
      ['four/remedies/np', 'column'],
    ]) {
      const res = await http()
        .get(`/api/v1/reports/annual/cells/${path}?${Q}`)
        .set(as())
        .expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    await http()
      .get(`/api/v1/reports/annual/cells/three/new/np?year=2026&agencyCode=HLJ`)
      .set(as())
      .expect(404);
  });

  it('writes the same XLSX from the CLI; xlsx and docx need --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govinfo-report-cli-'));
    const env = {
      DATABASE_URL: t.db.url,
      REDIS_URL: t.config.redis.url as string,
      QUEUE_PREFIX: t.config.redis.queuePrefix,
      PII_ENCRYPTION_KEY: TEST_PII_KEY,
      LOG_LEVEL: 'silent',
    };
    try {
      const out = join(dir, 'r.xlsx');
      const run = await captureCli(
        [
          'report',
          '--year',
          '2026',
          '--agency',
          'DQ',
          '--subtree',
          '--format',
          'xlsx',
          '--out',
          out,
        ],
        env,
      );
      expect(run.code).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
      const r = await json();
      expect(wb.getWorksheet('三')!.getCell(4 + ROWS['2021'].length, 10).value).toBe(
        r.applications.carry_out.tot,
      );
      const refused = await captureCli(
        ['report', '--year', '2026', '--agency', 'DQ', '--format', 'docx'],
        env,
      );
      expect([refused.code, refused.stdout]).toEqual([2, '']);
      expect(refused.stderr).toContain('--out');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
