import type { EChartsOption } from 'echarts';
import type { OutcomeGroup } from '../../reports/domain/outcome-mix';
import { FOUR_LABELS } from '../../reports/domain/report-grid';
import { ROWS } from '../../reports/domain/report-format';
import type { SectionFour } from '../../remedies/domain/section-four';
import { yearTotals, type AgencyPoint, type MonthPoint } from '../../supervision/domain/charts';
import type { Lang } from '../portal-text';
import { SUPERVISOR_TEXT as T } from './supervisor-text';

export const CHART_IDS = ['intake', 'on-time', 'outcomes', 'remedies', 'agencies'] as const;
export type ChartId = (typeof CHART_IDS)[number];

/** What the charts are drawn from (the outcome and remedy figures need one agency's report). */
export interface ChartData {
  readonly year: number;
  readonly months: readonly MonthPoint[];
  readonly agencies: readonly AgencyPoint[];
  readonly outcomes: readonly OutcomeGroup[] | null;
  readonly remedies: SectionFour | null;
}

/** A chart and the same figures as a table (for screen readers, and to read exact numbers). */
export interface ChartSpec {
  readonly id: ChartId;
  readonly title: string;
  /** A sentence saying what the chart shows (the image's alt text). */
  readonly alt: string;
  readonly table: { readonly head: string[]; readonly rows: Array<Array<string | number>> };
  readonly option: EChartsOption;
}

/** （七）总计, as the report prints it. */
const TOTAL_LABEL = ROWS['2021'].find((r) => r.id === 'r_total')?.l2 ?? '';
const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
/** Single quotes only: ECharts writes the family into a double-quoted SVG attribute unescaped. */
const FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif";
const base = (): EChartsOption => ({
  animation: false,
  textStyle: { fontFamily: FONT, fontSize: 13 },
  grid: { left: 56, right: 24, top: 40, bottom: 48, containLabel: true },
  legend: { top: 4 },
});

function monthLabel(month: string, lang: Lang): string {
  const m = Number(month.slice(5));
  return lang === 'zh' ? `${m}月` : month;
}

function intake(d: ChartData, lang: Lang): ChartSpec {
  const total = yearTotals(d.months).received;
  const top = [...d.months].sort((a, b) => b.received - a.received)[0];
  return {
    id: 'intake',
    title: T.chartIntake[lang],
    alt:
      lang === 'zh'
        ? `${d.year}年共收到申请${total}件${total ? `，最多的是${monthLabel(top.month, lang)}（${top.received}件）` : ''}。`
        : `${total} requests received in ${d.year}${total ? `; most in ${top.month} (${top.received})` : ''}.`,
    table: {
      head: [T.month[lang], T.received[lang]],
      rows: [
        ...d.months.map((m) => [monthLabel(m.month, lang), m.received]),
        [T.yearTotal[lang], total],
      ],
    },
    option: {
      ...base(),
      xAxis: { type: 'category', data: d.months.map((m) => monthLabel(m.month, lang)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: T.received[lang],
          type: 'bar',
          data: d.months.map((m) => m.received),
          label: { show: true, position: 'top' },
        },
      ],
    },
  };
}

function onTime(d: ChartData, lang: Lang): ChartSpec {
  const y = yearTotals(d.months);
  return {
    id: 'on-time',
    title: T.chartOnTime[lang],
    alt:
      lang === 'zh'
        ? `${d.year}年答复${y.replied}件，按期${y.onTime}件，按期答复率${pct(y.onTimePct)}。`
        : `${y.replied} replies in ${d.year}, ${y.onTime} on time: ${pct(y.onTimePct)}.`,
    table: {
      head: [T.month[lang], T.replied[lang], T.onTimeCount[lang], T.onTimeRate[lang]],
      rows: [
        ...d.months.map((m) => [monthLabel(m.month, lang), m.replied, m.onTime, pct(m.onTimePct)]),
        [T.yearTotal[lang], y.replied, y.onTime, pct(y.onTimePct)],
      ],
    },
    option: {
      ...base(),
      xAxis: { type: 'category', data: d.months.map((m) => monthLabel(m.month, lang)) },
      yAxis: [
        { type: 'value', minInterval: 1, name: T.count[lang] },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      ],
      series: [
        { name: T.replied[lang], type: 'bar', data: d.months.map((m) => m.replied) },
        { name: T.onTimeCount[lang], type: 'bar', data: d.months.map((m) => m.onTime) },
        {
          name: T.onTimeRate[lang],
          type: 'line',
          yAxisIndex: 1,
          connectNulls: false,
          data: d.months.map((m) => m.onTimePct),
        },
      ],
    },
  };
}

function outcomes(groups: readonly OutcomeGroup[], d: ChartData, lang: Lang): ChartSpec {
  const total = groups.reduce((a, g) => a + g.n, 0);
  return {
    id: 'outcomes',
    title: T.chartOutcomes[lang],
    alt:
      lang === 'zh'
        ? `${d.year}年办结${total}件：${groups.map((g) => `${g.label}${g.n}件`).join('，')}。`
        : `${total} concluded in ${d.year}: ${groups.map((g) => `${g.label} ${g.n}`).join(', ')}.`,
    table: {
      head: [T.chartOutcomes[lang], T.count[lang]],
      rows: [...groups.map((g) => [g.label, g.n]), [TOTAL_LABEL, total]],
    },
    option: {
      ...base(),
      grid: { left: 16, right: 40, top: 16, bottom: 16, containLabel: true },
      legend: { show: false },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: groups.map((g) => g.label) },
      series: [
        {
          name: T.count[lang],
          type: 'bar',
          data: groups.map((g) => g.n),
          label: { show: true, position: 'right' },
        },
      ],
    },
  };
}

const REMEDY_GROUPS = [
  { key: 'rv', zh: '行政复议', en: 'Reconsideration' },
  { key: 'ld', zh: '未经复议直接起诉', en: 'Suit without reconsideration' },
  { key: 'lr', zh: '复议后起诉', en: 'Suit after reconsideration' },
] as const;
const REMEDY_KEYS = ['keep', 'fix', 'other', 'pending'] as const;

function remedies(f: SectionFour, d: ChartData, lang: Lang): ChartSpec {
  const cell = (g: string, k: string) => f[`${g}_${k}` as keyof SectionFour];
  return {
    id: 'remedies',
    title: T.chartRemedies[lang],
    alt:
      lang === 'zh'
        ? `${d.year}年：${REMEDY_GROUPS.map((g) => `${g.zh}${cell(g.key, 'total')}件`).join('，')}。`
        : `${d.year}: ${REMEDY_GROUPS.map((g) => `${g.en} ${cell(g.key, 'total')}`).join(', ')}.`,
    table: {
      head: [lang === 'zh' ? '类别' : 'Remedy', ...FOUR_LABELS],
      rows: REMEDY_GROUPS.map((g) => [
        g.zh,
        ...REMEDY_KEYS.map((k) => cell(g.key, k)),
        cell(g.key, 'total'),
      ]),
    },
    option: {
      ...base(),
      xAxis: { type: 'category', data: REMEDY_GROUPS.map((g) => g.zh) },
      yAxis: { type: 'value', minInterval: 1 },
      series: REMEDY_KEYS.map((k, i) => ({
        name: FOUR_LABELS[i],
        type: 'bar' as const,
        stack: 'all',
        data: REMEDY_GROUPS.map((g) => cell(g.key, k)),
      })),
    },
  };
}

function agencies(d: ChartData, lang: Lang): ChartSpec {
  const list = d.agencies;
  return {
    id: 'agencies',
    title: T.chartAgencies[lang],
    alt:
      lang === 'zh'
        ? `${list.length}个机关：${list.map((a) => `${a.name}收到${a.received}件、按期答复率${pct(a.onTimePct)}`).join('；')}。`
        : `${list.length} agencies: ${list.map((a) => `${a.name} ${a.received} received, ${pct(a.onTimePct)} on time`).join('; ')}.`,
    table: {
      head: [
        lang === 'zh' ? '机关' : 'Agency',
        T.received[lang],
        T.replied[lang],
        T.onTimeCount[lang],
        T.onTimeRate[lang],
        T.overdueNow[lang],
      ],
      rows: list.map((a) => [
        a.name,
        a.received,
        a.replied,
        a.onTime,
        pct(a.onTimePct),
        a.overdueNow,
      ]),
    },
    option: {
      ...base(),
      grid: { left: 16, right: 48, top: 40, bottom: 16, containLabel: true },
      xAxis: {
        type: 'category',
        data: list.map((a) => a.name),
        axisLabel: { interval: 0, rotate: list.length > 4 ? 30 : 0 },
      },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      ],
      series: [
        { name: T.received[lang], type: 'bar', data: list.map((a) => a.received) },
        { name: T.replied[lang], type: 'bar', data: list.map((a) => a.replied) },
        { name: T.overdueNow[lang], type: 'bar', data: list.map((a) => a.overdueNow) },
        {
          name: T.onTimeRate[lang],
          type: 'line',
          yAxisIndex: 1,
          data: list.map((a) => a.onTimePct),
        },
      ],
    },
  };
}

/** The supervisors' charts, in order; the outcome and remedy charts only with their figures. */
export function supervisorCharts(d: ChartData, lang: Lang): ChartSpec[] {
  return [
    intake(d, lang),
    onTime(d, lang),
    ...(d.outcomes ? [outcomes(d.outcomes, d, lang)] : []),
    ...(d.remedies ? [remedies(d.remedies, d, lang)] : []),
    agencies(d, lang),
  ];
}
