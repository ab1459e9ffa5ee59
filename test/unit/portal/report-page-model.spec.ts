import { NOT_APPLICABLE } from '../../../src/modules/proactive/domain/figures';
import { sectionThreeGrid } from '../../../src/modules/reports/domain/report-grid';
import type { AnnualReport } from '../../../src/modules/reports/domain/annual-report';
import { COLUMNS, ROWS } from '../../../src/modules/reports/domain/report-format';
import {
  cellInput,
  cellLabel,
  checkFix,
  detailParts,
  figureForm,
  figureRows,
  gridRows,
  markedDraft,
  workflowSteps,
} from '../../../src/modules/portal/reports/report-page-model';

describe('report page model', () => {
  it('turns typed cells into the API’s values: "/" stays, numbers become numbers, the rest is left to refuse', () => {
    expect(cellInput(' / ')).toBe(NOT_APPLICABLE);
    expect(cellInput('12')).toBe(12);
    expect(cellInput('-3')).toBe(-3);
    expect(cellInput('12.3456')).toBe(12.3456);
    expect(cellInput('三件')).toBe('三件');
    expect(cellInput('1e3')).toBe('1e3');
  });

  it('sends each row of the format that has anything typed, and skips the rows left empty', () => {
    const rows = figureRows('2021', {
      'rules.made': '/',
      'rules.abolished': '/',
      'rules.inForce': '',
      'licensing.decisions': '1200',
      'fees.amount10kYuan': '',
      'penalty.decisions': ' ',
      'unknown.made': '5',
    });
    expect(rows).toEqual([
      { item: 'rules', columns: { made: '/', abolished: '/' } },
      { item: 'licensing', columns: { decisions: 1200 } },
    ]);
    // The trial format has its own rows (其他对外管理服务事项) and columns.
    expect(figureRows('2019_TRIAL', { 'other_services.change': '-2' })).toEqual([
      { item: 'other_services', columns: { change: -2 } },
    ]);
  });

  it('shows every row and column of the format with the saved values, or what was posted', () => {
    const form = figureForm('2021', { licensing: { decisions: 7 } }, null);
    expect(form.map((t) => t.caption)).toEqual([
      '第二十条第（一）项',
      '第二十条第（五）项',
      '第二十条第（六）项',
      '第二十条第（八）项',
    ]);
    expect(form[0].rows.map((r) => r.label)).toEqual(['规章', '行政规范性文件']);
    expect(form[1].rows[0].cells[0]).toEqual({
      name: 'licensing.decisions',
      id: 'fig-licensing-decisions',
      label: '行政许可 本年处理决定数量',
      value: '7',
    });
    const again = figureForm('2021', {}, { 'rules.made': '三件' });
    expect(again[0].rows[0].cells[0].value).toBe('三件');
    expect(again[0].rows[0].cells[1].value).toBe('0');
  });

  it('lays out section 三 from the office grid: headers with scopes, labels as row headers, each figure linked', () => {
    const zero = Object.fromEntries(COLUMNS.map((c) => [c, 0]));
    const applications = Object.fromEntries(ROWS['2021'].map((r) => [r.id, { ...zero }]));
    applications.new = { ...zero, np: 2, tot: 2 };
    const report = { formatVersion: '2021', applications } as unknown as AnnualReport;
    const rows = gridRows(sectionThreeGrid(report), 3, (cell) => `/x/${cell}`);
    expect(rows).toHaveLength(3 + ROWS['2021'].length);
    // The 勾稽关系 note is a plain cell; 申请人情况 a column group; 自然人 a column header.
    expect(rows[0][0]).toMatchObject({ tag: 'td', rowSpan: 3, colSpan: 3 });
    expect(rows[0][1]).toMatchObject({ tag: 'th', scope: 'colgroup', value: '申请人情况' });
    expect(rows[1][0]).toMatchObject({ tag: 'th', scope: 'col', value: '自然人' });
    // 一、本年新收…: a row header over three columns, then its seven figures, linked.
    expect(rows[3][0]).toMatchObject({ tag: 'th', scope: 'row', colSpan: 3 });
    expect(rows[3].slice(1).map((c) => [c.value, c.href])).toEqual(
      COLUMNS.map((c) => [c === 'np' || c === 'tot' ? '2' : '0', `/x/three/new/${c}`]),
    );
    // 三、本年度办理结果 spans its 22 result rows.
    expect(rows[5][0]).toMatchObject({ tag: 'th', scope: 'rowgroup', rowSpan: 22 });
  });

  it('names a drill-down cell in the format’s words, and nothing for a cell the format lacks', () => {
    expect(cellLabel('2021', 'three', 'r_no_4', 'biz')).toEqual({
      row: '三、本年度办理结果 › （三）不予公开 › 4.保护第三方合法权益',
      column: '商业企业',
    });
    expect(cellLabel('2021', 'four', 'remedies', 'lr_fix')).toEqual({
      row: '四、政府信息公开行政复议、行政诉讼情况',
      column: '行政诉讼 › 复议后起诉 › 结果纠正',
    });
    expect(cellLabel('2019_TRIAL', 'three', 'r_oth_1', 'np')).toBeNull();
    expect(cellLabel('2021', 'four', 'remedies', 'rv_late')).toBeNull();
  });

  it('offers the workflow steps of the transition table that the viewer’s permissions allow', () => {
    const officer = (x: string) => x === 'reports.publish' || x === 'reports.write';
    const supervisor = (x: string) => x === 'reports.review';
    expect(workflowSteps('draft', officer)).toEqual([]);
    expect(workflowSteps('draft', supervisor)).toEqual(['review']);
    expect(workflowSteps('reviewed', supervisor)).toEqual(['reopen']);
    expect(workflowSteps('reviewed', officer)).toEqual(['publish']);
    expect(workflowSteps('published', officer)).toEqual(['correct']);
    expect(workflowSteps('published', supervisor)).toEqual([]);
  });

  it('finds the reference numbers a check names, live and imported, to link them to their cases', () => {
    const parts = detailParts(
      '上年结转不符 in npo：未计入已发布报告的申请 DQ-GA-2025-H000006, DQ-GA-2026-000012；已发布报告中现已不结转的申请 —',
    );
    expect(parts.filter((p) => 'ref' in p)).toEqual([
      { ref: 'DQ-GA-2025-H000006' },
      { ref: 'DQ-GA-2026-000012' },
    ]);
    expect(parts.map((p) => ('ref' in p ? p.ref : p.text)).join('')).toBe(
      '上年结转不符 in npo：未计入已发布报告的申请 DQ-GA-2025-H000006, DQ-GA-2026-000012；已发布报告中现已不结转的申请 —',
    );
    expect(detailParts('R-AR-10 holds in 2026')).toEqual([{ text: 'R-AR-10 holds in 2026' }]);
  });

  it('sends a failing R-AR-15 to last year’s report, to correct and republish it', () => {
    expect(checkFix('R-AR-15', 2026, 'DQ-GA', false)).toEqual({
      key: 'rpFix_R-AR-15',
      href: '/reports/DQ-GA/2025#publication',
    });
    expect(checkFix('R-AR-15', 2026, 'DQ', true).href).toBe(
      '/reports/DQ/2025?subtree=1#publication',
    );
    expect(checkFix('R-AR-11', 2026, 'DQ-GA', false)).toEqual({ key: 'rpFix_R-AR-11' });
  });

  it('marks the preview as a draft until the report is published', () => {
    const html =
      '<body>\n<h1>2026年大庆市公安局政府信息公开工作年度报告</h1>\n<h2>一、总体情况</h2>';
    expect(markedDraft(html, 'draft')).toContain('</h1>\n<p class="preview">草稿预览');
    expect(markedDraft(html, 'reviewed')).toContain('草稿预览');
    expect(markedDraft(html, 'published')).toBe(html);
  });
});
