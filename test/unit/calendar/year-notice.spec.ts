import { InvalidYearNoticeError } from '../../../src/modules/calendar/domain/calendar-errors';
import {
  createWorkingCalendar,
  nationalCalendar,
} from '../../../src/modules/calendar/domain/national-calendar';
import {
  parseYearNotice,
  parseYearNoticeOrThrow,
  toYearNoticeJson,
} from '../../../src/modules/calendar/domain/year-notice';

/** A made-up 2027 notice in the documented import form. */
const NOTICE_2027 = {
  year: 2027,
  noticeUrl: 'https://www.gov.cn/zhengce/zhengceku/202611/content_0000000.htm',
  noticeDate: '2026-11-05',
  holidays: [
    { name: '元旦', nameEn: "New Year's Day", off: ['2027-01-01', '2027-01-02', '2027-01-03'] },
    { name: '春节', off: ['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'] },
  ],
  workdays: [{ date: '2027-02-20', name: '春节' }],
};

describe(parseYearNotice.name, () => {
  it('returns the arrangement with English names filled in when the notice is valid', () => {
    const result = parseYearNotice(NOTICE_2027);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ year: 2027, source: 'import', noticeDate: '2026-11-05' });
    expect(result.value.holidays[1]).toEqual({
      name: '春节',
      nameEn: 'Spring Festival',
      off: NOTICE_2027.holidays[1].off,
    });
    expect(result.value.workdays).toEqual([
      { date: '2027-02-20', name: '春节', nameEn: 'Spring Festival' },
    ]);
  });

  it('accepts JSON text when the notice arrives as a string', () => {
    expect(parseYearNotice(JSON.stringify(NOTICE_2027)).ok).toBe(true);
  });

  it('reports every field-level error when the notice is wrong in several places', () => {
    const result = parseYearNotice({
      year: 2027.5,
      noticeUrl: 'gov.cn',
      noticeDate: '2026-02-30',
      holidays: [
        { name: '', off: ['2027-01-01', '2027-01-01'] },
        { name: '春节', off: [] },
      ],
      workdays: [{ date: '2027-02-22', name: '春节' }, 7],
      extra: true,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toEqual(
      expect.arrayContaining([
        'extra',
        'year',
        'noticeUrl',
        'noticeDate',
        'holidays[0].name',
        'holidays[0].off[1]',
        'holidays[1].off',
        'workdays[0].date',
        'workdays[1]',
      ]),
    );
  });

  it('rejects dates outside the notice year and a weekday make-up day when the year is valid', () => {
    const result = parseYearNotice({
      ...NOTICE_2027,
      holidays: [{ name: '元旦', off: ['2026-11-30', '2028-01-01'] }],
      workdays: [{ date: '2027-01-04', name: '元旦' }],
    });
    expect(result.ok ? [] : result.errors).toEqual([
      { field: 'holidays[0].off[0]', message: 'must lie between 2026-12-01 and 2027-12-31' },
      { field: 'holidays[0].off[1]', message: 'must lie between 2026-12-01 and 2027-12-31' },
      { field: 'workdays[0].date', message: 'a make-up working day must be a Saturday or Sunday' },
    ]);
  });

  it('returns one error when the text is not JSON', () => {
    const result = parseYearNotice('{ nope');
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['$']);
  });

  it('throws InvalidYearNoticeError with code invalid-year-notice when using the throwing variant', () => {
    expect(() => parseYearNoticeOrThrow({})).toThrow(InvalidYearNoticeError);
    expect(() => parseYearNoticeOrThrow({})).toThrow(
      expect.objectContaining({ code: 'invalid-year-notice' }),
    );
  });

  it('round-trips a dataset year through the import form when it has a URL and date', () => {
    const y2025 = nationalCalendar().arrangement(2025);
    const reparsed = parseYearNoticeOrThrow(toYearNoticeJson(y2025!));
    expect(reparsed.holidays).toEqual(y2025!.holidays);
    expect(reparsed.workdays).toEqual(y2025!.workdays);
  });
});

describe('calendar with imported years', () => {
  it('makes 2027 non-provisional and applies its arrangement when the notice is imported', () => {
    const cal = createWorkingCalendar({ importedYears: [parseYearNoticeOrThrow(NOTICE_2027)] });
    expect(cal.covers(2027)).toBe(true);
    expect(cal.dayStatus('2027-02-20')).toMatchObject({
      kind: 'makeup',
      working: true,
      provisional: false,
    });
    expect(cal.dayStatus('2027-02-08')).toMatchObject({
      kind: 'holiday',
      name: '春节',
      working: false,
    });
    expect(cal.addWorkingDays('2026-12-20', 20)).toMatchObject({ provisional: false });
    expect(nationalCalendar().covers(2027)).toBe(false);
  });

  it('replaces a base year when a corrected notice for it is imported', () => {
    const corrected = parseYearNoticeOrThrow({
      year: 2026,
      noticeUrl: 'https://example.gov.cn/corrected',
      noticeDate: '2026-01-10',
      holidays: [{ name: '元旦', off: ['2026-01-01'] }],
      workdays: [],
    });
    const cal = createWorkingCalendar({ importedYears: [corrected] });
    expect(cal.isWorkingDay('2026-02-16')).toBe(true);
    expect(cal.isWorkingDay('2026-01-01')).toBe(false);
    expect(cal.arrangement(2026)?.noticeUrl).toBe('https://example.gov.cn/corrected');
  });
});
