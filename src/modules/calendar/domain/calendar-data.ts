import chineseDays from 'chinese-days/dist/chinese-days.json';
import { englishHolidayName, normaliseHolidayName } from './holiday-names';
import { monthOf, yearOf, type LocalDate } from './local-date';
import { noticeProvenance } from './notice-provenance';
import type { MakeupWorkday, NoticeHoliday, YearArrangement } from './year-arrangement';

/**
 * The national calendar as data (DOMAIN §5.5): only the data file of chinese-days is read —
 * never its date functions, which depend on the process time zone (DOMAIN §5.1).
 * Keep `version` equal to the pinned dependency in package.json (a unit test checks it).
 */
export const NATIONAL_CALENDAR_SOURCE = { package: 'chinese-days', version: '1.5.7' } as const;

/** OGI-2008 came into force on 2008-05-01; earlier years are not loaded. */
export const FIRST_NATIONAL_YEAR = 2008;

interface RawDataset {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
}

interface RawEntry {
  readonly date: LocalDate;
  readonly name: string;
  readonly nameEn: string;
}

/** Values look like "Spring Festival,春节,4": English name, Chinese name, statutory days. */
function decode(date: LocalDate, value: string): RawEntry {
  const [en = '', zh = ''] = value.split(',');
  const name = normaliseHolidayName(zh || en);
  return { date, name, nameEn: englishHolidayName(name, en) };
}

/**
 * The notice a dataset entry belongs to: New Year days in December were announced by the
 * following year's notice (e.g. 2018-12-29/31 by the 2019 notice, DOMAIN §4.2).
 */
function noticeYearOf(e: RawEntry): number {
  return monthOf(e.date) === 12 && e.name === '元旦' ? yearOf(e.date) + 1 : yearOf(e.date);
}

function groupByNoticeYear(map: Readonly<Record<string, string>>): Map<number, RawEntry[]> {
  const out = new Map<number, RawEntry[]>();
  for (const date of Object.keys(map).sort()) {
    const entry = decode(date, map[date]);
    const year = noticeYearOf(entry);
    out.set(year, [...(out.get(year) ?? []), entry]);
  }
  return out;
}

function buildYears(data: RawDataset): YearArrangement[] {
  const offByYear = groupByNoticeYear(data.holidays);
  const workByYear = groupByNoticeYear(data.workdays);
  const lastYear = Math.max(...offByYear.keys());
  const years: YearArrangement[] = [];
  for (let year = FIRST_NATIONAL_YEAR; year <= lastYear; year++) {
    const byName = new Map<string, { nameEn: string; off: LocalDate[] }>();
    for (const e of offByYear.get(year) ?? []) {
      const h = byName.get(e.name) ?? { nameEn: e.nameEn, off: [] };
      h.off.push(e.date);
      byName.set(e.name, h);
    }
    const holidays: NoticeHoliday[] = [...byName].map(([name, h]) => ({
      name,
      nameEn: h.nameEn,
      off: h.off,
    }));
    const workdays: MakeupWorkday[] = (workByYear.get(year) ?? []).map((e) => ({ ...e }));
    const provenance = noticeProvenance(year);
    years.push({
      year,
      noticeUrl: provenance.noticeUrl,
      noticeDate: provenance.noticeDate,
      additionalUrls: provenance.additionalUrls,
      note: provenance.note,
      source: `${NATIONAL_CALENDAR_SOURCE.package}@${NATIONAL_CALENDAR_SOURCE.version}`,
      holidays,
      workdays,
    });
  }
  return years;
}

let cached: readonly YearArrangement[] | undefined;

/** National arrangements 2008 … the latest year in the dataset (2026 in 1.5.7), built once. */
export function nationalYearArrangements(): readonly YearArrangement[] {
  cached ??= Object.freeze(buildYears(chineseDays as RawDataset));
  return cached;
}

/**
 * Base data plus imported notices (R-WD-04, DOMAIN §5.5 gap 3): an imported year replaces the
 * base year of the same number (mid-year amendments, corrections); new years are appended.
 */
export function mergeYearArrangements(
  base: readonly YearArrangement[],
  imported: readonly YearArrangement[],
): YearArrangement[] {
  const byYear = new Map<number, YearArrangement>();
  for (const y of base) byYear.set(y.year, y);
  for (const y of imported) byYear.set(y.year, y);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}
