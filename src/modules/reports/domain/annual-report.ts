import type { SectionFour } from '../../remedies/domain/section-four';
import { SECTION_FOUR_COLUMNS } from '../../remedies/domain/section-four';
import { sectionTwo, type SectionTwo } from '../../proactive/domain/figures';
import {
  CATEGORIES,
  registerParagraph,
  registerSummary,
  type RegisterCount,
  type RegisterSummary,
} from '../../proactive/domain/register';
import { draftNarrative } from './narrative';
import { type ReportFormat } from './report-format';
import {
  sectionThree,
  sectionThreeChecks,
  sectionThreeOfGroups,
  type CaseFact,
  type CaseGroup,
  type SectionThreeCount,
  type Check,
  type PublishedCarryOut,
  type Table,
} from './section-three';

/** A case as the report sees it: section 三's facts plus the group and topic it reports under. */
export interface ReportCase extends CaseFact {
  /** Index of the 2008 report's group (0 when the report has one group). */
  readonly group: number;
  readonly topic: string | null;
}

export interface Group2008 {
  readonly name: string;
  readonly proactive: RegisterSummary;
  readonly applicationsReceived: number;
  readonly topics: string[];
  readonly onTime: number;
  readonly late: number;
  readonly openAtYearEnd: number;
  readonly remedies: SectionFour;
  readonly feesCollectedYuan: number;
}

export interface AnnualReport {
  readonly year: number;
  readonly agency: { readonly code: string; readonly name: string };
  readonly subtree: boolean;
  readonly formatVersion: ReportFormat;
  /** A format other than the year's (a preview only, D-12). */
  readonly preview: boolean;
  readonly applications: Table;
  readonly remedies: SectionFour;
  /** Section 二: the register (2008) or the figures entered (2021, trial), summed. */
  readonly proactive: RegisterSummary | SectionTwo;
  readonly feesCollectedYuan: number;
  readonly checks: Check[];
  readonly narrative: Record<string, string>;
  /** The narrative sections the reporting officer saved (the others are drafts). */
  readonly narrativeSaved: string[];
  readonly groups?: Group2008[];
  /**
   * The reference numbers behind 结转下年度, when asked for (publication keeps them, so that next
   * year's R-AR-15 can name the cases behind a difference). Every other figure's cases are
   * listed by the drill-down (`…/cells/<section>/<row>/<column>`).
   */
  readonly carryOutRefs?: string[];
}

export interface ReportInput {
  readonly year: number;
  readonly agency: { readonly code: string; readonly name: string };
  readonly subtree: boolean;
  readonly format: ReportFormat;
  readonly preview: boolean;
  readonly cases: readonly ReportCase[];
  readonly lastYear: readonly ReportCase[] | null;
  /**
   * 2021 / trial: section 三 counted by the database (then `cases` is empty): the groups, the
   * cases whose conclusion maps to no row, and — when asked for — the cases carried in (R-AR-15
   * against a published year) and carried out.
   */
  /** Whether the report lists 结转下年度's cases (`carryOutRefs`: publication keeps them). */
  readonly withCarryOutRefs?: boolean;
  readonly counted?: {
    readonly groups: readonly CaseGroup[];
    readonly unmapped: readonly string[];
    readonly carryInRefs?: readonly string[];
    readonly carryOutRefs?: readonly string[];
  } | null;
  /** The previous year's published report (R-AR-15 checks against it when there is one). */
  readonly lastYearPublished?: PublishedCarryOut | null;
  /** Section 四 per group (one entry when the report has one group). */
  readonly remedies: readonly SectionFour[];
  readonly remedyTotals: SectionFour;
  readonly feesYuan: readonly number[];
  /** Group names (2008: 市级行政机关 and 县(区)政府 for a government's subtree). */
  readonly groupNames: readonly string[];
  /** How the report names the whole (全市, or the agency). */
  readonly whole: string;
  /** 2008: the register's counts, each with its group. */
  readonly register: ReadonlyArray<RegisterCount & { readonly group: number }>;
  /** 2021 / trial: section 二 as entered (summed over the subtree). */
  readonly figures: SectionTwo | null;
  /** Narrative sections saved by the reporting officer. */
  readonly saved: Readonly<Record<string, string>>;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** The most frequent topics of the applications received (at most five). */
export function mainTopics(cases: readonly ReportCase[], year: number): string[] {
  const counts = new Map<string, number>();
  for (const c of cases)
    if (c.topic && c.receivedOn?.startsWith(String(year)))
      counts.set(c.topic, (counts.get(c.topic) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 5)
    .map(([t]) => t);
}

/** R-AR-20: within each group of section 四, 总计 = the sum of its four columns. */
export function sectionFourCheck(s: SectionFour): Check {
  const broken = (['rv', 'ld', 'lr'] as const).filter(
    (g) => s[`${g}_total`] !== s[`${g}_keep`] + s[`${g}_fix`] + s[`${g}_other`] + s[`${g}_pending`],
  );
  return {
    rule: 'R-AR-20',
    ok: broken.length === 0,
    detail: broken.length
      ? `总计 ≠ sum in ${broken.join(', ')}`
      : '各组总计等于结果维持、结果纠正、其他结果、尚未审结之和',
  };
}

/**
 * S2 (2008): each group's register total is the sum of its categories, and the groups add up
 * to the whole.
 */
export function sectionTwoCheck(whole: RegisterSummary, groups: readonly Group2008[]): Check {
  const bad = groups
    .filter((g) => g.proactive.total !== sum(CATEGORIES.map((c) => g.proactive.byCategory[c])))
    .map((g) => g.name);
  const groupsTotal = sum(groups.map((g) => g.proactive.total));
  if (groupsTotal !== whole.total) bad.push(`全部 ${whole.total} ≠ 各组之和 ${groupsTotal}`);
  return {
    rule: 'S2',
    ok: bad.length === 0,
    detail: bad.length
      ? `主动公开总数与各类之和不符 · totals differ: ${bad.join('; ')}`
      : '主动公开总数等于各类之和，各组之和等于全部',
  };
}

/** Assembles the report from counted facts; computes nothing twice (section 四 comes from remedies). */
export function annualReport(input: ReportInput): AnnualReport {
  const { year, format } = input;
  const counted = input.counted ? sectionThreeOfGroups(input.counted.groups, format) : null;
  const byCase = counted ? null : sectionThree(input.cases, year, format);
  const three: SectionThreeCount = counted
    ? {
        table: counted.table,
        unmapped: input.counted?.unmapped ?? [],
        carryInRefs: input.counted?.carryInRefs,
      }
    : (byCase as SectionThreeCount);
  // Last year's 结转下年度 is made of this year's 上年结转 cases (received before 1 Jan, open then).
  const last = counted
    ? { ...counted.table.carry_in }
    : input.lastYear
      ? sectionThree(input.lastYear, year - 1, format).table.carry_out
      : null;
  const fees = sum(input.feesYuan);
  const checks: Check[] = [
    ...sectionThreeChecks(three, format, last, input.lastYearPublished ?? null),
    sectionFourCheck(input.remedyTotals),
  ];
  const whole = registerSummary(input.register);
  const proactive = format === '2008' ? whole : (input.figures ?? sectionTwo(format, []));
  const groups =
    format === '2008'
      ? input.groupNames.map((name, g): Group2008 => {
          const mine = input.cases.filter((c) => c.group === g);
          const s = sectionThree(mine, year, format).table;
          const concluded = mine.filter((c) => c.concludedOn?.startsWith(String(year)));
          return {
            name,
            proactive: registerSummary(input.register.filter((r) => r.group === g)),
            applicationsReceived: s.new.tot,
            topics: mainTopics(mine, year),
            onTime: concluded.filter((c) => c.onTime === true).length,
            late: concluded.filter((c) => c.onTime === false).length,
            openAtYearEnd: s.carry_out.tot,
            remedies: input.remedies[g],
            feesCollectedYuan: input.feesYuan[g] ?? 0,
          };
        })
      : undefined;
  if (groups) checks.push(sectionTwoCheck(whole, groups));
  const computed = narrative(input, three.table, groups, fees);
  const concluded = input.cases.filter((c) => c.concludedOn?.startsWith(String(year)));
  const onTime = counted?.onTime ?? concluded.filter((c) => c.onTime === true).length;
  const late = counted?.late ?? concluded.filter((c) => c.onTime === false).length;
  const carryOutRefs = !input.withCarryOutRefs
    ? undefined
    : input.counted
      ? (input.counted.carryOutRefs ?? [])
      : byCase?.casesByRow.carry_out;
  const drafts = draftNarrative({
    year,
    format,
    whole: input.whole,
    applications: three.table,
    remedies: input.remedyTotals,
    feesText: computed.fees,
    onTime,
    late,
    figures: format === '2008' ? null : (proactive as SectionTwo),
    register: whole,
  });
  const extra: Record<string, string> = groups
    ? { proactive: groups.map((g) => registerParagraph(year, g.name, g.proactive)).join('\n') }
    : {};
  return {
    year,
    agency: input.agency,
    subtree: input.subtree,
    formatVersion: format,
    preview: input.preview,
    applications: three.table,
    remedies: input.remedyTotals,
    proactive,
    feesCollectedYuan: fees,
    checks,
    narrative: { ...computed, ...extra, ...drafts, ...input.saved },
    narrativeSaved: Object.keys(input.saved).sort(),
    ...(groups ? { groups } : {}),
    ...(carryOutRefs ? { carryOutRefs: [...carryOutRefs].sort() } : {}),
  };
}

function narrative(
  input: ReportInput,
  t: Table,
  groups: Group2008[] | undefined,
  fees: number,
): Record<string, string> {
  const y = input.year;
  const four = input.remedyTotals;
  const remedies = four.rv_total + four.ld_total + four.lr_total;
  if (groups) {
    const received = groups
      .map((g) => `${g.name}收到公开政府信息的申请${g.applicationsReceived}件`)
      .join('；');
    const topics = [...new Set(groups.flatMap((g) => g.topics))].slice(0, 5);
    const onTime = sum(groups.map((g) => g.onTime));
    const late = sum(groups.map((g) => g.late));
    return {
      applications: `${y}年，${received}。${topics.length ? `申请的信息主要集中在${topics.join('、')}等方面。` : ''}全年按时答复${onTime}件，逾期答复${late}件，${t.carry_out.tot}件结转下年度继续办理。`,
      remedies:
        remedies === 0
          ? `${y}年，${input.whole}未发生因政府信息公开而提起的行政复议、诉讼和申诉案件。`
          : `${y}年，${input.whole}因政府信息公开被申请行政复议${four.rv_total}件，提起行政诉讼${four.ld_total + four.lr_total}件。`,
      fees:
        fees === 0
          ? `${y}年，${input.whole}各级行政机关未发生因政府信息公开向公民、法人和其他组织进行收费的情况。`
          : `${y}年，${input.whole}因政府信息公开向公民、法人和其他组织收取检索、复制、邮寄等成本费用共计${fees}元。`,
    };
  }
  return {
    applications: `本年新收政府信息公开申请${t.new.tot}件，上年结转${t.carry_in.tot}件，本年度办理${t.r_total.tot}件，结转下年度继续办理${t.carry_out.tot}件。`,
    remedies: `本年度因政府信息公开被申请行政复议${four.rv_total}件，提起行政诉讼${four.ld_total + four.lr_total}件。`,
    fees:
      fees === 0
        ? '本年度未收取信息处理费。'
        : `依据《政府信息公开信息处理费管理办法》，本年度收取信息处理费共计${fees}元。`,
  };
}

export const ZERO_FOUR = Object.fromEntries(SECTION_FOUR_COLUMNS.map((c) => [c, 0])) as SectionFour;
