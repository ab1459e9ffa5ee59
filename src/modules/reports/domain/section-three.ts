import { REPLY_TYPE_INFO, REPLY_TYPES, type ReplyType } from '../../law/domain/reply-type';
import {
  CATEGORY_COLUMNS,
  COLUMNS,
  ROWS,
  resultRows,
  rowFor,
  type Column,
  type ReportFormat,
} from './report-format';

/** What section 三 needs of a case. */
export interface CaseFact {
  readonly id: string;
  readonly referenceNo: string;
  /** The applicant's category at filing (R-AR-14). */
  readonly category: (typeof CATEGORY_COLUMNS)[number];
  /** The original date of receipt (a correction does not make a new case). */
  readonly receivedOn: string | null;
  /** The first conclusion (D-17): the day its reply was served (D-11). */
  readonly concludedOn: string | null;
  /** The 2021 report row of the first conclusion's reply type (D-10), null when unmapped. */
  readonly conclusionRow: string | null;
  readonly onTime: boolean | null;
}

export type Table = Record<string, Record<Column, number>>;

/** Section 三 as counted, with what its checks need to name cases. */
export interface SectionThreeCount {
  readonly table: Table;
  /** Cases concluded in the year whose conclusion maps to no row of the format. */
  readonly unmapped: readonly string[];
  /**
   * The cases behind each row, when counted case by case. Absent when counted in the database
   * (`sectionThreeOfGroups`): each case is one group row there, with one first conclusion and
   * so one result row (R-AR-13 by construction); the drill-down lists each cell's cases.
   */
  readonly casesByRow?: Readonly<Record<string, readonly string[]>>;
  /** 上年结转's cases, for R-AR-15 against a published previous year (when there is one). */
  readonly carryInRefs?: readonly string[];
}

export interface SectionThree extends SectionThreeCount {
  /** The cases behind each row (every figure traces to its cases). */
  readonly casesByRow: Record<string, string[]>;
  readonly unmapped: string[];
}

/**
 * The cases of a year's section 三 counted by the database, one row per combination: received
 * before the year (上年结转) or in it (新收); first concluded in the year (办理结果, with the
 * reply type) or not (结转下年度); the category at filing; timeliness. The query applies the
 * same selection as `sectionThree` (received by 31 Dec, not concluded before 1 Jan).
 */
export interface CaseGroup {
  readonly carriedIn: boolean;
  readonly concluded: boolean;
  /** The first conclusion's reply type ('' or null when it has none, or is not concluded). */
  readonly conclusionType: string | null;
  readonly category: (typeof CATEGORY_COLUMNS)[number];
  readonly onTime: boolean | null;
  readonly n: number;
}

/** The reply types whose conclusions count in a result row of `format` (D-10). */
export function mappedReplyTypes(format: ReportFormat): ReplyType[] {
  const results = new Set(resultRows(format));
  return REPLY_TYPES.filter((t) => {
    const row = REPLY_TYPE_INFO[t].reportRow;
    return row !== null && row !== undefined && results.has(rowFor(format, row));
  });
}

/**
 * `sectionThree`'s table from grouped counts (the same rules: 新收 or 上年结转 by receipt, 办理结果
 * in the row of the first conclusion's reply type, else 结转下年度), the number of concluded
 * cases whose reply maps to no row, and the concluded cases on time and late. Pure.
 */
export function sectionThreeOfGroups(
  groups: readonly CaseGroup[],
  format: ReportFormat,
): { table: Table; unmapped: number; onTime: number; late: number } {
  const table: Table = Object.fromEntries(ROWS[format].map((r) => [r.id, zeroRow()]));
  const results = new Set(resultRows(format));
  let unmapped = 0;
  let onTime = 0;
  let late = 0;
  const add = (row: string, g: CaseGroup) => {
    const t = table[row];
    if (!t) return;
    t[g.category] += g.n;
    t.tot += g.n;
  };
  for (const g of groups) {
    add(g.carriedIn ? 'carry_in' : 'new', g);
    if (!g.concluded) {
      add('carry_out', g);
      continue;
    }
    add('r_total', g);
    if (g.onTime === true) onTime += g.n;
    if (g.onTime === false) late += g.n;
    if (format === '2008') continue;
    const row2021 = g.conclusionType
      ? REPLY_TYPE_INFO[g.conclusionType as ReplyType]?.reportRow
      : null;
    const row = row2021 ? rowFor(format, row2021) : null;
    if (row && results.has(row)) add(row, g);
    else unmapped += g.n;
  }
  return { table, unmapped, onTime, late };
}

const zeroRow = () => Object.fromEntries(COLUMNS.map((c) => [c, 0])) as Record<Column, number>;

/**
 * D-11 / R-AR-14, one case = one 件 in the applicant's category at filing:
 * 新收 = received in the year; 上年结转 = received before it and not concluded by its start;
 * 办理结果 = first concluded in the year, in the row of that conclusion; 结转下年度 = received by
 * 31 Dec and not concluded by then. Cases never received (still submitted) are not counted.
 */
export function sectionThree(
  cases: readonly CaseFact[],
  year: number,
  format: ReportFormat,
): SectionThree {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const rows = ROWS[format].map((r) => r.id);
  const table: Table = Object.fromEntries(rows.map((r) => [r, zeroRow()]));
  const casesByRow: Record<string, string[]> = Object.fromEntries(rows.map((r) => [r, []]));
  const unmapped: string[] = [];
  const count = (row: string, c: CaseFact) => {
    const t = table[row];
    if (!t) return;
    t[c.category]++;
    t.tot++;
    casesByRow[row].push(c.referenceNo);
  };
  const results = new Set(resultRows(format));
  for (const c of cases) {
    if (!c.receivedOn || c.receivedOn > end) continue;
    if (c.concludedOn && c.concludedOn < start) continue;
    if (c.receivedOn >= start) count('new', c);
    else count('carry_in', c);
    if (c.concludedOn && c.concludedOn <= end) {
      count('r_total', c);
      const row = c.conclusionRow ? rowFor(format, c.conclusionRow) : null;
      if (format !== '2008') {
        if (row && results.has(row)) count(row, c);
        else unmapped.push(c.referenceNo);
      }
    } else count('carry_out', c);
  }
  return { table, casesByRow, unmapped };
}

export interface Check {
  readonly rule: string;
  readonly ok: boolean;
  readonly detail: string;
  /** R-AR-15 against a published previous year: the cases behind the difference. */
  readonly cases?: {
    /** Carried in now, but not in the published 结转下年度. */
    readonly notInPublished: string[];
    /** In the published 结转下年度, but not carried in now. */
    readonly onlyInPublished: string[];
  };
}

/** The previous year's published report, as R-AR-15 checks against it. */
export interface PublishedCarryOut {
  readonly version: number;
  readonly carryOut: Record<Column, number>;
  /** The reference numbers behind its 结转下年度. */
  readonly refs: readonly string[];
}

const cols = (f: (c: Column) => boolean) => COLUMNS.filter((c) => !f(c));

/** The integrity rules of section 三 (R-AR-10 … R-AR-13, R-AR-15) for a computed table. */
export function sectionThreeChecks(
  s: SectionThreeCount,
  format: ReportFormat,
  lastYearCarryOut: Record<Column, number> | null,
  published: PublishedCarryOut | null = null,
): Check[] {
  const t = s.table;
  const out: Check[] = [];
  const broken10 = cols((c) => t.new[c] + t.carry_in[c] === t.r_total[c] + t.carry_out[c]);
  out.push({
    rule: 'R-AR-10',
    ok: broken10.length === 0,
    detail: broken10.length
      ? `新收 + 上年结转 ≠ 办理结果总计 + 结转下年度 in ${broken10.join(', ')}`
      : '第一项加第二项之和等于第三项加第四项之和 · new + carried in = concluded + carried out',
  });
  if (format !== '2008') {
    const rows = resultRows(format);
    const broken11 = cols((c) => rows.reduce((n, r) => n + t[r][c], 0) === t.r_total[c]);
    out.push({
      rule: 'R-AR-11',
      ok: broken11.length === 0 && s.unmapped.length === 0,
      detail:
        broken11.length || s.unmapped.length
          ? `（七）总计 ≠ sum of the result rows in ${broken11.join(', ') || '—'}; cases with no row: ${s.unmapped.join(', ') || '—'}`
          : '（七）总计等于各办理结果之和 · the total equals the sum of the result rows',
    });
    // R-AR-13: a case counts in one result row only (（二）部分公开 never also in （三）).
    // Counted in the database, each case is in one group and so in one row (nothing to name).
    const seen = new Map<string, number>();
    for (const r of rows)
      for (const ref of s.casesByRow?.[r] ?? []) seen.set(ref, (seen.get(ref) ?? 0) + 1);
    const twice = [...seen.entries()].filter(([, n]) => n > 1).map(([ref]) => ref);
    out.push({
      rule: 'R-AR-13',
      ok: twice.length === 0,
      detail: twice.length
        ? `counted in two rows: ${twice.join(', ')}`
        : '每件申请只计一种办理结果 · one result per application',
    });
  }
  const broken12 = Object.keys(t).filter(
    (r) => t[r].tot !== CATEGORY_COLUMNS.reduce((n, c) => n + t[r][c], 0),
  );
  out.push({
    rule: 'R-AR-12',
    ok: broken12.length === 0,
    detail: broken12.length
      ? `总计 ≠ sum of the applicant columns in ${broken12.join(', ')}`
      : '总计列等于各类申请人之和 · totals equal the sum of the applicant columns',
  });
  if (published) {
    const now = new Set(s.casesByRow?.carry_in ?? s.carryInRefs ?? []);
    const then = new Set(published.refs);
    const notInPublished = [...now].filter((r) => !then.has(r)).sort();
    const onlyInPublished = [...then].filter((r) => !now.has(r)).sort();
    const broken15 = cols((c) => t.carry_in[c] === published.carryOut[c]);
    const ok = broken15.length === 0 && notInPublished.length + onlyInPublished.length === 0;
    out.push({
      rule: 'R-AR-15',
      ok,
      detail: ok
        ? `上年结转等于已发布的上年度报告（第${published.version}版）的结转下年度 · carried in equals the published report's carried out`
        : `上年结转与已发布的上年度报告（第${published.version}版）的结转下年度不符 in ${broken15.join(', ') || '—'}：未计入已发布报告的申请 ${notInPublished.join(', ') || '—'}；已发布报告中现已不结转的申请 ${onlyInPublished.join(', ') || '—'} · differs from the published previous year; republish it as a correction`,
      cases: { notInPublished, onlyInPublished },
    });
  } else if (lastYearCarryOut) {
    const broken15 = cols((c) => t.carry_in[c] === lastYearCarryOut[c]);
    out.push({
      rule: 'R-AR-15',
      ok: broken15.length === 0,
      detail: broken15.length
        ? `上年结转 ≠ last year's 结转下年度 in ${broken15.join(', ')}`
        : "上年结转等于上年度报告的结转下年度 · carried in equals last year's carried out",
    });
  }
  return out;
}
