import {
  FIGURE_TABLES,
  NOT_APPLICABLE,
  type FigureFormat,
  type SectionTwo,
} from '../../proactive/domain/figures';
import { FOUR_ROW } from '../../reports/domain/report-cells';
import { FOUR_LABELS, type Grid } from '../../reports/domain/report-grid';
import {
  COLUMN_LABELS,
  HEADINGS,
  ROWS,
  type Column,
  type ReportFormat,
} from '../../reports/domain/report-format';
import {
  REPORT_TRANSITIONS,
  type ReportAction,
  type ReportStatus,
} from '../../reports/domain/report-workflow';

/**
 * What the reporting officer's pages show, made from the reports module's own tables (the
 * formats, the grid, the transition table): no rule of the report is decided here. Pure.
 */

/** The form field of one cell of section 二 (`rules.made`), and its element id. */
export const figureField = (item: string, key: string) => `${item}.${key}`;
export const figureId = (item: string, key: string) => `fig-${item}-${key}`;

/** A typed cell as the API's JSON value: "/" (not applicable), a number, or the text to refuse. */
export function cellInput(text: string): unknown {
  const v = text.trim();
  if (v === NOT_APPLICABLE) return NOT_APPLICABLE;
  return /^-?\d{1,10}(\.\d{1,10})?$/.test(v) ? Number(v) : v;
}

/**
 * The PUT bodies a posted section 二 form makes, one per row of the format (columns by key);
 * a row left entirely empty is not sent (not entered), a half-filled one is (to be refused).
 */
export function figureRows(
  format: FigureFormat,
  posted: unknown,
): Array<{ item: string; columns: Record<string, unknown> }> {
  const raw = (posted ?? {}) as Record<string, unknown>;
  const out: Array<{ item: string; columns: Record<string, unknown> }> = [];
  for (const t of FIGURE_TABLES[format])
    for (const r of t.rows) {
      const texts = t.columns.map((c) => {
        const v = raw[figureField(r.item, c.key)];
        return [c.key, typeof v === 'string' ? v.trim() : ''] as const;
      });
      if (texts.every(([, v]) => v === '')) continue;
      out.push({
        item: r.item,
        columns: Object.fromEntries(
          texts.filter(([, v]) => v !== '').map(([k, v]) => [k, cellInput(v)]),
        ),
      });
    }
  return out;
}

/** The section 二 form: every table, row and column of the format, with the values shown. */
export function figureForm(
  format: FigureFormat,
  values: SectionTwo,
  posted: Record<string, unknown> | null,
) {
  return FIGURE_TABLES[format].map((t) => ({
    caption: t.caption,
    columns: t.columns.map((c) => c.label),
    rows: t.rows.map((r) => ({
      item: r.item,
      label: r.label,
      cells: t.columns.map((c) => {
        const name = figureField(r.item, c.key);
        const sent = posted?.[name];
        const value = typeof sent === 'string' ? sent : String(values[r.item]?.[c.key] ?? 0);
        return { name, id: figureId(r.item, c.key), label: `${r.label} ${c.label}`, value };
      }),
    })),
  }));
}

/** The label of a row of section 二 (`licensing` → 行政许可), for "rows saved". */
export function figureRowLabel(format: FigureFormat, item: string): string {
  for (const t of FIGURE_TABLES[format])
    for (const r of t.rows) if (r.item === item) return r.label;
  return item;
}

export interface GridHtmlCell {
  readonly tag: 'th' | 'td';
  readonly scope?: 'col' | 'colgroup' | 'row' | 'rowgroup';
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly value: string;
  /** The figure's drill-down page. */
  readonly href?: string;
}

/**
 * A grid of the office formats (`report-grid.ts`) as HTML table rows: the first `headRows`
 * rows are column headers, label cells below them row headers, figures linked to their
 * drill-down page by `href(cell)`. The top-left cell of a header block without a label is a
 * plain cell (the 勾稽关系 note).
 */
export function gridRows(
  grid: Grid,
  headRows: number,
  href: (cell: string) => string,
): GridHtmlCell[][] {
  const rows: GridHtmlCell[][] = Array.from({ length: grid.rows }, () => []);
  const sorted = [...grid.cells].sort((a, b) => a.row - b.row || a.col - b.col);
  for (const c of sorted) {
    const base = { rowSpan: c.rowSpan, colSpan: c.colSpan, value: String(c.value) };
    if (!c.label)
      rows[c.row].push({ ...base, tag: 'td', ...(c.cell ? { href: href(c.cell) } : {}) });
    else if (c.row < headRows && c.row === 0 && c.col === 0 && c.rowSpan === headRows)
      rows[c.row].push({ ...base, tag: 'td' });
    else if (c.row < headRows)
      rows[c.row].push({ ...base, tag: 'th', scope: c.colSpan > 1 ? 'colgroup' : 'col' });
    else rows[c.row].push({ ...base, tag: 'th', scope: c.rowSpan > 1 ? 'rowgroup' : 'row' });
  }
  return rows;
}

/** What a drill-down address names, in the format's words; null when the format has no such cell. */
export function cellLabel(
  format: ReportFormat,
  section: string,
  row: string,
  column: string,
): { row: string; column: string } | null {
  if (section === 'three') {
    const r = ROWS[format].find((x) => x.id === row);
    const col = COLUMN_LABELS[column as Column] as string | undefined;
    if (!r || !col) return null;
    return { row: [r.l1, r.l2, r.l3].filter(Boolean).join(' › '), column: col };
  }
  if (section === 'four' && row === FOUR_ROW) {
    const m = /^(rv|ld|lr)_(keep|fix|other|pending|total)$/.exec(column);
    if (!m) return null;
    const group = {
      rv: '行政复议',
      ld: '行政诉讼 › 未经复议直接起诉',
      lr: '行政诉讼 › 复议后起诉',
    }[m[1] as 'rv' | 'ld' | 'lr'];
    const i = ['keep', 'fix', 'other', 'pending', 'total'].indexOf(m[2]);
    return { row: HEADINGS[format][3], column: `${group} › ${FOUR_LABELS[i]}` };
  }
  return null;
}

/** Permissions of the workflow's steps (the API's: supervisors review, the officer publishes). */
const STEP_PERMISSION: Record<Exclude<ReportAction, 'edit'>, string> = {
  review: 'reports.review',
  reopen: 'reports.review',
  publish: 'reports.publish',
  correct: 'reports.publish',
};
export const PAGE_STEPS = ['review', 'reopen', 'publish', 'correct'] as const;
export type PageStep = (typeof PAGE_STEPS)[number];

/** The workflow buttons the viewer may use now: the transition table's, by permission held. */
export function workflowSteps(status: ReportStatus, may: (permission: string) => boolean) {
  return PAGE_STEPS.filter(
    (s) => REPORT_TRANSITIONS[s].from.includes(status) && may(STEP_PERMISSION[s]),
  );
}

/** 受理编号 as the system makes them: `DQ-GA-2026-000123`, imports `DQ-GA-2026-H000001`. */
const REFERENCE = /[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*?-\d{4}-H?\d{6}/g;

/** A check's detail cut into text and the reference numbers it names (linked to their cases). */
export function detailParts(detail: string): Array<{ text: string } | { ref: string }> {
  const parts: Array<{ text: string } | { ref: string }> = [];
  let at = 0;
  for (const m of detail.matchAll(REFERENCE)) {
    if (m.index > at) parts.push({ text: detail.slice(at, m.index) });
    parts.push({ ref: m[0] });
    at = m.index + m[0].length;
  }
  if (at < detail.length) parts.push({ text: detail.slice(at) });
  return parts;
}

/**
 * How a failing check is put right, as a text key of the catalogue; R-AR-15 (上年结转 against
 * last year's published report) also links to last year's report, to correct and republish it.
 */
export function checkFix(
  rule: string,
  year: number,
  agencyCode: string,
  subtree: boolean,
): { key: string; href?: string } {
  if (rule === 'R-AR-15')
    return {
      key: 'rpFix_R-AR-15',
      href: `${editorPath(agencyCode, year - 1, subtree)}#publication`,
    };
  const known = ['R-AR-10', 'R-AR-11', 'R-AR-12', 'R-AR-13', 'R-AR-20', 'S2'];
  return { key: known.includes(rule) ? `rpFix_${rule}` : 'rpFix_other' };
}

/** The editor's address (`/reports/DQ-GA/2026`, `?subtree=1` for the whole subtree). */
export function editorPath(agencyCode: string, year: number, subtree: boolean): string {
  return `/reports/${encodeURIComponent(agencyCode)}/${year}${subtree ? '?subtree=1' : ''}`;
}

/** A page under the editor (`…/cells/three/new/np`), keeping the subtree choice. */
export function underEditor(agencyCode: string, year: number, subtree: boolean, rest: string) {
  return `/reports/${encodeURIComponent(agencyCode)}/${year}/${rest}${subtree ? '?subtree=1' : ''}`;
}

/** The narrative sections the year's format lets the officer edit, with their headings. */
export function narrativeSections(format: ReportFormat, editable: readonly string[]) {
  const h = HEADINGS[format];
  const heading: Record<string, string> =
    format === '2008'
      ? { overview: h[0], problems: `${h[5]}（主要问题）`, improvements: `${h[5]}（改进措施）` }
      : { overview: h[0], problems: h[4], other: h[5] };
  return editable.map((section) => ({ section, heading: heading[section] ?? section }));
}

/**
 * The HTML report opened from the editor, marked as a draft while the year is not published
 * (the same document the API renders; the mark uses its own `.preview` style).
 */
export function markedDraft(html: string, status: ReportStatus): string {
  if (status === 'published') return html;
  const mark =
    '<p class="preview">草稿预览：本报告尚未发布，数据以发布版本为准 · Draft preview: not published.</p>';
  return html.replace(/(<h1>[\s\S]*?<\/h1>)/, `$1\n${mark}`);
}
