import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  NATIONAL_CALENDAR_SOURCE,
  nationalYearArrangements,
} from '../../../src/modules/calendar/domain/calendar-data';
import { addDays, isWeekend, makeLocalDate } from '../../../src/modules/calendar/domain/local-date';
import { nationalCalendar } from '../../../src/modules/calendar/domain/national-calendar';
import { NOTICE_TABLES, WORKING_DAYS_PER_YEAR } from '../support/domain-tables';

const ROOT = join(__dirname, '..', '..', '..');
const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;

/** Second source: holiday-cn facts (test/fixtures/README via /work/shared/data/README.md). */
const fixture = readJson<Record<string, { off: string[]; work: string[] }>>(
  'test/fixtures/cn-calendar.json',
);

function expand(list: string, year: number): string[] {
  return list.split(' ').flatMap((token) => {
    const full = (d: string) => (d.length === 5 ? `${year}-${d}` : d);
    const [from, to] = token.split('…').map(full);
    if (!to) return [from];
    const out: string[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) if (!isWeekend(d)) out.push(d);
    return out;
  });
}

describe('national calendar data', () => {
  const cal = nationalCalendar();

  it('matches the pinned chinese-days version when the source is declared', () => {
    const installed = readJson<{ version: string }>(
      'node_modules/chinese-days/package.json',
    ).version;
    const pinned = readJson<{ dependencies: Record<string, string> }>('package.json').dependencies[
      'chinese-days'
    ];
    expect(NATIONAL_CALENDAR_SOURCE).toEqual({ package: 'chinese-days', version: installed });
    expect(pinned).toBe(NATIONAL_CALENDAR_SOURCE.version);
  });

  it('covers every year from 2008 through 2026 when built from the dataset', () => {
    expect(cal.coveredYears()).toEqual(Array.from({ length: 19 }, (_, i) => 2008 + i));
  });

  it('agrees with the holiday-cn fixture on every day of 2008–2026 when compared day by day', () => {
    const mismatches: string[] = [];
    for (let year = 2008; year <= 2026; year++) {
      const off = new Set(fixture[String(year)].off.map((d) => `${year}-${d}`));
      const work = new Set(fixture[String(year)].work.map((d) => `${year}-${d}`));
      for (let d = makeLocalDate(year, 1, 1); d <= makeLocalDate(year, 12, 31); d = addDays(d, 1)) {
        const expected = work.has(d) || (!off.has(d) && !isWeekend(d));
        if (cal.isWorkingDay(d) !== expected) mismatches.push(d);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it.each(Object.entries(WORKING_DAYS_PER_YEAR))(
    'counts the §5.4 total of working days in %s',
    (year, total) => {
      const days = cal.days(`${year}-01-01`, `${year}-12-31`);
      expect(days.filter((d) => d.working)).toHaveLength(total);
    },
  );

  it.each(Object.keys(NOTICE_TABLES).map(Number))(
    'reproduces the §4.2 table of %s when weekday days off and make-up days are read from the notice',
    (year) => {
      const arrangement = cal.arrangement(year);
      const weekdayOff = arrangement?.holidays
        .flatMap((h) => h.off)
        .filter((d) => !isWeekend(d))
        .sort();
      const makeup = arrangement?.workdays.map((w) => w.date).sort();
      expect(weekdayOff).toEqual(expand(NOTICE_TABLES[year].off, year).sort());
      expect(makeup).toEqual(expand(NOTICE_TABLES[year].makeup, year).sort());
    },
  );

  it('records the §4.2 notice URL and date as provenance when the year is 2013 or later', () => {
    const y2026 = cal.arrangement(2026);
    expect(y2026).toMatchObject({
      noticeUrl: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
      noticeDate: '2025-11-04',
      source: 'chinese-days@1.5.7',
    });
    expect(cal.arrangement(2023)?.noticeDate).toBe('2022-12-08');
    expect(cal.arrangement(2013)?.noticeUrl).toBe(
      'http://www.gov.cn/zhengce/zhengceku/2012-12/10/content_1353.htm',
    );
    expect(cal.arrangement(2020)?.additionalUrls).toEqual([
      'http://www.gov.cn/zhengce/zhengceku/2020-01/27/content_5472352.htm',
    ]);
    expect(cal.arrangement(2010)).toMatchObject({ noticeUrl: null, noticeDate: null });
  });

  it('names holidays in Chinese and English when the dataset uses short names', () => {
    const names = new Set(
      nationalYearArrangements().flatMap((y) => y.holidays.map((h) => `${h.name}/${h.nameEn}`)),
    );
    expect([...names]).toEqual(
      expect.arrayContaining([
        "元旦/New Year's Day",
        '春节/Spring Festival',
        '清明节/Tomb-sweeping Day',
        '中秋节/Mid-autumn Festival',
      ]),
    );
    expect(cal.dayStatus('2015-09-03').name).toBe(
      '中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日',
    );
  });

  it('keeps 2024-02-09 (除夕, rest only encouraged) a working day (R-WD-05)', () => {
    expect(cal.dayStatus('2024-02-09')).toMatchObject({ kind: 'workday', working: true });
  });
});
