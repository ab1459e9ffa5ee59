import { markup, type Html } from '../../correspondence/domain/html';
import type { AnnualReport } from './annual-report';
import { FIGURE_TABLES, type SectionTwo } from '../../proactive/domain/figures';
import { BALANCE_NOTE, COLUMNS, COLUMN_LABELS, HEADINGS, ROWS, type RowDef } from './report-format';

/**
 * The report as printable A4 HTML, faithful to the official layout (DOMAIN §2.2–§2.4: merged
 * header cells, exact labels; the 2008 report as prose, like the 2013 seed). Pure.
 */
export interface HtmlOptions {
  /** Staff copy: each figure of sections 三 and 四 links to the cases behind it. */
  readonly cellLinks?: boolean;
}

/** The drill-down address of a cell (GET …/reports/annual/cells/<section>/<row>/<column>). */
export function cellHref(r: AnnualReport, section: string, row: string, column: string): string {
  const q = `year=${r.year}&agencyCode=${encodeURIComponent(r.agency.code)}&subtree=${r.subtree}`;
  return `/api/v1/reports/annual/cells/${section}/${row}/${column}?${q}`;
}

const figure = (r: AnnualReport, o: HtmlOptions, v: number, at: [string, string, string]) =>
  o.cellLinks ? markup`<td><a href="${cellHref(r, ...at)}">${v}</a></td>` : markup`<td>${v}</td>`;

const CSS = `@page{size:A4;margin:25mm 20mm}body{font-family:"SimSun","Songti SC",serif;font-size:12pt;line-height:1.6}h1{text-align:center;font-size:18pt}h2{font-size:14pt}table{border-collapse:collapse;width:100%;margin:8pt 0}td,th{border:1px solid #000;padding:2pt 4pt;font-size:10.5pt;text-align:center;font-weight:normal}td.l{text-align:left}.note{font-family:KaiTi,STKaiti,serif}.check{border:1px solid #900;padding:4pt;color:#900}.preview{border:2px dashed #900;padding:4pt}`;

function sectionThreeTable(r: AnnualReport, o: HtmlOptions): Html {
  const rows = ROWS[r.formatVersion];
  const span = (i: number, key: 'l1' | 'l2') => {
    const v = rows[i][key];
    if (v === null || (i > 0 && rows[i - 1][key] === v)) return 0;
    let n = 1;
    while (i + n < rows.length && rows[i + n][key] === v) n++;
    return n;
  };
  const body = rows.map((row: RowDef, i) => {
    const l1 = span(i, 'l1');
    const l2 = span(i, 'l2');
    const cells: Html[] = [];
    if (row.l2 === null) cells.push(markup`<td class="l" colspan="3">${row.l1}</td>`);
    else {
      if (l1) cells.push(markup`<td class="l" rowspan="${l1}">${row.l1}</td>`);
      if (row.l3 === null) cells.push(markup`<td class="l" colspan="2">${row.l2}</td>`);
      else {
        if (l2) cells.push(markup`<td class="l" rowspan="${l2}">${row.l2}</td>`);
        cells.push(markup`<td class="l">${row.l3}</td>`);
      }
    }
    const v = r.applications[row.id];
    return markup`<tr>${cells}${COLUMNS.map((c) => figure(r, o, v[c], ['three', row.id, c]))}</tr>`;
  });
  return markup`<table>
<tr><td class="note" colspan="3" rowspan="3">${BALANCE_NOTE}</td><th colspan="7">申请人情况</th></tr>
<tr><th rowspan="2">${COLUMN_LABELS.np}</th><th colspan="5">法人或其他组织</th><th rowspan="2">${COLUMN_LABELS.tot}</th></tr>
<tr>${(['biz', 'res', 'npo', 'law', 'oth'] as const).map((c) => markup`<th>${COLUMN_LABELS[c]}</th>`)}</tr>
${body}</table>`;
}

const FOUR_LABELS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

function sectionFourTable(r: AnnualReport, o: HtmlOptions): Html {
  const f = r.remedies;
  const values = (g: 'rv' | 'ld' | 'lr') =>
    (['keep', 'fix', 'other', 'pending', 'total'] as const).map((k) =>
      figure(r, o, f[`${g}_${k}`], ['four', 'remedies', `${g}_${k}`]),
    );
  return markup`<table>
<tr><th colspan="5">行政复议</th><th colspan="10">行政诉讼</th></tr>
<tr>${FOUR_LABELS.map((l) => markup`<th rowspan="2">${l}</th>`)}<th colspan="5">未经复议直接起诉</th><th colspan="5">复议后起诉</th></tr>
<tr>${[...FOUR_LABELS, ...FOUR_LABELS].map((l) => markup`<th>${l}</th>`)}</tr>
<tr>${values('rv')}${values('ld')}${values('lr')}</tr></table>`;
}

/** Section 二 of the 2021 / trial format: one 4-column table, each block under its caption. */
function sectionTwoTable(r: AnnualReport): Html {
  if (r.formatVersion === '2008') return markup``;
  const figures = r.proactive as SectionTwo;
  const blocks = FIGURE_TABLES[r.formatVersion].map((t) => {
    const span = (i: number) => (i === t.columns.length - 1 ? 4 - t.columns.length : 1);
    const cells = (f: (i: number) => Html) => t.columns.map((_, i) => f(i));
    return markup`<tr><th colspan="4">${t.caption}</th></tr>
<tr><th>信息内容</th>${cells((i) => (span(i) > 1 ? markup`<th colspan="${span(i)}">${t.columns[i].label}</th>` : markup`<th>${t.columns[i].label}</th>`))}</tr>
${t.rows.map(
  (row) =>
    markup`<tr><td>${row.label}</td>${cells((i) => {
      const v = String(figures[row.item]?.[t.columns[i].key] ?? 0);
      return span(i) > 1 ? markup`<td colspan="${span(i)}">${v}</td>` : markup`<td>${v}</td>`;
    })}</tr>`,
)}`;
  });
  return markup`<table>
${blocks}</table>`;
}

export function renderReportHtml(r: AnnualReport, o: HtmlOptions = {}): string {
  const h = HEADINGS[r.formatVersion];
  const failing = r.checks.filter((c) => !c.ok);
  const prose = (text: string | undefined) =>
    markup`${(text ?? '（文字描述）').split('\n').map((para) => markup`<p>${para}</p>`)}`;
  const n = r.narrative;
  const is2008 = r.formatVersion === '2008';
  const doc = markup`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${`${r.year}年${r.agency.name}政府信息公开工作年度报告`}</title><style>${CSS}</style></head><body>
<h1>${r.year}年${r.agency.name}政府信息公开工作年度报告</h1>
${r.preview ? markup`<p class="preview">预览：本报告按${r.formatVersion}格式生成，非该年度规定格式 · Preview in a format other than the year's.</p>` : ''}
${failing.length ? markup`<div class="check"><p>校验未通过 · Checks that fail:</p><ul>${failing.map((c) => markup`<li>${c.rule}：${c.detail}</li>`)}</ul></div>` : ''}
<h2>${h[0]}</h2>${prose(n.overview)}
<h2>${h[1]}</h2>${is2008 ? prose(n.proactive) : sectionTwoTable(r)}
<h2>${h[2]}</h2>${is2008 ? prose(r.narrative.applications) : sectionThreeTable(r, o)}
<h2>${h[3]}</h2>${is2008 ? prose(r.narrative.remedies) : sectionFourTable(r, o)}
<h2>${h[4]}</h2>${is2008 ? prose(n.fees) : prose(n.problems)}
<h2>${h[5]}</h2>${is2008 ? markup`<p>主要问题：${n.problems}</p><p>改进措施：${n.improvements}</p>` : prose(n.other)}
</body></html>`;
  return doc.toString();
}
