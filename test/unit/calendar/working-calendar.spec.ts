import {
  InvalidPeriodError,
  PauseEndsBeforeStartError,
} from '../../../src/modules/calendar/domain/calendar-errors';
import {
  createWorkingCalendar,
  nationalCalendar,
} from '../../../src/modules/calendar/domain/national-calendar';
import { WorkingCalendar } from '../../../src/modules/calendar/domain/working-calendar';
import {
  CALENDAR_DAY_VECTORS,
  MONTH_VECTOR,
  WORKING_DAY_STATUS,
  WORKING_DAY_VECTORS,
} from '../support/domain-vectors';

describe(`${WorkingCalendar.name} §7.1 vectors`, () => {
  const cal = () => nationalCalendar();

  it.each(WORKING_DAY_VECTORS)('computes vector $id: addWD($anchor, $n) = $expected', (v) => {
    const r = cal().addWorkingDays(v.anchor, v.n, v.pause ? [v.pause] : []);
    expect(r).toEqual({
      anchor: v.anchor,
      n: v.n,
      due: v.expected,
      paused: false,
      workingDaysLeft: 0,
      provisional: false,
    });
  });

  it.each(CALENDAR_DAY_VECTORS)(
    'computes vector $id: addCD($anchor, $n) = $expected (raw $raw)',
    (v) => {
      const r = cal().addCalendarDays(v.anchor, v.n);
      expect([r.raw, r.due, r.rolled, r.provisional]).toEqual([
        v.raw,
        v.expected,
        v.raw !== v.expected,
        false,
      ]);
    },
  );

  it('computes vector 26 when the clamped month end is a make-up Saturday (no rollover, WE-10)', () => {
    const r = cal().addMonths(MONTH_VECTOR.anchor, MONTH_VECTOR.months);
    expect(r).toMatchObject({
      raw: MONTH_VECTOR.expected,
      due: MONTH_VECTOR.expected,
      rolled: false,
    });
    expect(cal().dayStatus(MONTH_VECTOR.expected)).toMatchObject({
      weekday: 6,
      kind: 'makeup',
      working: true,
    });
  });

  it.each(WORKING_DAY_STATUS)('answers vector 27: isWorkingDay(%s) = %s', (date, expected) => {
    expect(cal().isWorkingDay(date)).toBe(expected);
  });

  it('suggests the last working day before a report deadline on a non-working day (WE-11)', () => {
    expect(cal().lastWorkingDayOnOrBefore('2025-01-31')).toEqual({
      date: '2025-01-27',
      provisional: false,
    });
    expect(cal().lastWorkingDayOnOrBefore('2026-01-31')).toEqual({
      date: '2026-01-30',
      provisional: false,
    });
    expect(cal().lastWorkingDayOnOrBefore('2026-03-31')).toEqual({
      date: '2026-03-31',
      provisional: false,
    });
  });
});

describe(WorkingCalendar.name, () => {
  const cal = nationalCalendar();

  it('labels days with their kind and Chinese holiday name when statuses are listed', () => {
    const days = cal
      .days('2024-09-13', '2024-09-17')
      .map((d) => [d.date, d.kind, d.working, d.name ?? null]);
    expect(days).toEqual([
      ['2024-09-13', 'workday', true, null],
      ['2024-09-14', 'makeup', true, '中秋节'],
      ['2024-09-15', 'holiday', false, '中秋节'],
      ['2024-09-16', 'holiday', false, '中秋节'],
      ['2024-09-17', 'holiday', false, '中秋节'],
    ]);
    expect(cal.dayStatus('2024-09-21')).toMatchObject({
      kind: 'weekend',
      working: false,
      provisional: false,
    });
  });

  it('treats an uncovered year by the weekend rule and marks it provisional when no notice is loaded (R-WD-04)', () => {
    expect(cal.covers(2026)).toBe(true);
    expect(cal.covers(2027)).toBe(false);
    expect(cal.covers(2007)).toBe(false);
    expect(cal.dayStatus('2027-01-01')).toMatchObject({
      kind: 'workday',
      working: true,
      provisional: true,
    });
    expect(cal.addWorkingDays('2026-12-20', 20)).toMatchObject({
      due: '2027-01-15',
      provisional: true,
    });
    expect(cal.addWorkingDays('2026-11-20', 20)).toMatchObject({
      due: '2026-12-18',
      provisional: false,
    });
    expect(cal.addCalendarDays('2026-12-01', 40).provisional).toBe(true);
    expect(cal.addWorkingDays('2008-01-02', 20).provisional).toBe(false);
  });

  it('stops the count and reports the days left when a pause is still open', () => {
    expect(cal.addWorkingDays('2026-09-14', 20, [['2026-09-18', null]])).toEqual({
      anchor: '2026-09-14',
      n: 20,
      due: null,
      paused: true,
      workingDaysLeft: 16,
      provisional: false,
    });
  });

  it('ignores an open pause when the limit is reached before it starts', () => {
    expect(cal.addWorkingDays('2024-09-13', 20, [['2024-10-17', null]]).due).toBe('2024-10-17');
  });

  it('counts the pause start day and resumes after the end when pausing (D-6)', () => {
    // 09-18 is day 4 and still counts; 10-13 is the first counted day after the pause.
    expect(cal.countWorkingDays('2026-09-14', '2026-09-18', [['2026-09-18', '2026-10-12']])).toBe(
      4,
    );
    expect(cal.countWorkingDays('2026-09-14', '2026-10-13', [['2026-09-18', '2026-10-12']])).toBe(
      5,
    );
  });

  it('throws PauseEndsBeforeStartError when a pause ends before it starts', () => {
    expect(() => cal.addWorkingDays('2024-09-13', 20, [['2024-09-20', '2024-09-19']])).toThrow(
      PauseEndsBeforeStartError,
    );
  });

  it('throws InvalidPeriodError when the count is negative or fractional', () => {
    expect(() => cal.addWorkingDays('2024-09-13', -1)).toThrow(InvalidPeriodError);
    expect(() => cal.addCalendarDays('2024-09-13', 1.5)).toThrow(InvalidPeriodError);
    expect(() => cal.addMonths('2024-09-13', 5000)).toThrow(InvalidPeriodError);
  });

  it('returns the anchor when zero working days are added', () => {
    expect(cal.addWorkingDays('2024-09-15', 0).due).toBe('2024-09-15');
  });

  it('applies CLOSED and OPEN overrides over the national data when they are passed in (R-WD-05)', () => {
    const local = createWorkingCalendar({
      overrides: [
        {
          date: '2024-09-18',
          kind: 'CLOSED',
          scope: 'PROVINCE:54',
          basis: '西藏自治区 notice',
          name: '地方节日',
        },
        { date: '2024-09-21', kind: 'OPEN', scope: 'AGENCY:7', basis: 'office open by order' },
      ],
    });
    expect(local.dayStatus('2024-09-18')).toMatchObject({
      kind: 'override-closed',
      working: false,
      name: '地方节日',
      scope: 'PROVINCE:54',
    });
    expect(local.dayStatus('2024-09-21')).toMatchObject({
      kind: 'override-open',
      working: true,
      basis: 'office open by order',
    });
    // One day lost (09-18), one gained (09-21): the due date is unchanged.
    expect(local.addWorkingDays('2024-09-13', 20).due).toBe('2024-10-17');
    expect(local.addWorkingDays('2024-09-13', 3).due).toBe('2024-09-20');
    expect(cal.addWorkingDays('2024-09-13', 3).due).toBe('2024-09-19');
  });
});
