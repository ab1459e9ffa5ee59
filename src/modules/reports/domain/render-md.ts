import { FIGURE_TABLES, type SectionTwo } from '../../proactive/domain/figures';
import type { AnnualReport } from './annual-report';
import { COLUMNS, COLUMN_LABELS, HEADINGS, ROWS } from './report-format';

/** The report as Markdown: the same figures, merged cells written out in full. Pure. */
export function renderReportMarkdown(r: AnnualReport): string {
  const h = HEADINGS[r.formatVersion];
  const lines: string[] = [`# ${r.year}年${r.agency.name}政府信息公开工作年度报告`, ''];
  if (r.preview)
    lines.push(
      `> 预览：按 ${r.formatVersion} 格式生成 · preview in a format other than the year's`,
      '',
    );
  for (const c of r.checks.filter((x) => !x.ok)) lines.push(`> 校验未通过 ${c.rule}：${c.detail}`);
  const n = r.narrative;
  lines.push('', `## ${h[0]}`, '', n.overview ?? '（文字描述）', '', `## ${h[1]}`, '');
  if (r.formatVersion === '2008') lines.push(...(n.proactive ?? '').split('\n'));
  else {
    const figures = r.proactive as SectionTwo;
    for (const t of FIGURE_TABLES[r.formatVersion]) {
      lines.push(
        `| ${t.caption} | ${t.columns.map((c) => c.label).join(' | ')} |`,
        `|---|${t.columns.map(() => '---:').join('|')}|`,
        ...t.rows.map(
          (row) =>
            `| ${row.label} | ${t.columns.map((c) => String(figures[row.item]?.[c.key] ?? 0)).join(' | ')} |`,
        ),
        '',
      );
    }
  }
  lines.push('', `## ${h[2]}`, '');
  if (r.formatVersion === '2008') lines.push(r.narrative.applications);
  else {
    lines.push(
      `| 项目 | ${COLUMNS.map((c) => COLUMN_LABELS[c]).join(' | ')} |`,
      `|---|${COLUMNS.map(() => '---:').join('|')}|`,
    );
    for (const row of ROWS[r.formatVersion]) {
      const label = [row.l1, row.l2, row.l3].filter(Boolean).join(' ');
      lines.push(`| ${label} | ${COLUMNS.map((c) => r.applications[row.id][c]).join(' | ')} |`);
    }
  }
  lines.push('', `## ${h[3]}`, '');
  if (r.formatVersion === '2008') lines.push(r.narrative.remedies);
  else {
    const f = r.remedies;
    const g = (x: 'rv' | 'ld' | 'lr') => [
      f[`${x}_keep`],
      f[`${x}_fix`],
      f[`${x}_other`],
      f[`${x}_pending`],
      f[`${x}_total`],
    ];
    lines.push(
      '| | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
      '|---|---:|---:|---:|---:|---:|',
      `| 行政复议 | ${g('rv').join(' | ')} |`,
      `| 行政诉讼（未经复议直接起诉） | ${g('ld').join(' | ')} |`,
      `| 行政诉讼（复议后起诉） | ${g('lr').join(' | ')} |`,
    );
  }
  const is2008 = r.formatVersion === '2008';
  lines.push('', `## ${h[4]}`, '', is2008 ? n.fees : n.problems, '', `## ${h[5]}`, '');
  if (is2008) lines.push(`主要问题：${n.problems}`, '', `改进措施：${n.improvements}`, '');
  else lines.push(n.other, '');
  return lines.join('\n');
}
