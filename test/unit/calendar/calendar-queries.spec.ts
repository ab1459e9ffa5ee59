import {
  InvalidPauseError,
  InvalidPeriodError,
  PauseEndsBeforeStartError,
  InvalidDateError,
} from '../../../src/modules/calendar/domain/calendar-errors';
import { listDays, MAX_LISTED_DAYS } from '../../../src/modules/calendar/domain/day-list';
import { nationalCalendar } from '../../../src/modules/calendar/domain/national-calendar';
import {
  parseScopeSpec,
  warningOf,
  warningsBetween,
  type ScopedOverride,
} from '../../../src/modules/calendar/domain/override-scope';
import { parsePauseRange } from '../../../src/modules/calendar/domain/pause-range';
import { computePeriod } from '../../../src/modules/calendar/domain/period-query';
import { calculateFee } from '../../../src/modules/fees/domain/fee-calculator';
import { InvalidFeeInputError } from '../../../src/modules/fees/domain/fee-errors';
import { feeRequestOf } from '../../../src/modules/fees/domain/fee-query';
import { CALENDAR_DAY_VECTORS, MONTH_VECTOR, WORKING_DAY_VECTORS } from '../support/domain-vectors';

const cal = nationalCalendar();

describe(parsePauseRange.name, () => {
  it('reads START..END as (START, END] and START.. as a pause still open (D-6)', () => {
    expect(parsePauseRange('2026-09-18..2026-10-12')).toEqual(['2026-09-18', '2026-10-12']);
    expect(parsePauseRange('2026-09-18..')).toEqual(['2026-09-18', null]);
  });

  it.each([
    ['2026-09-18', InvalidPauseError, 'pause[0]'],
    ['..2026-09-18', InvalidPauseError, 'pause[0]'],
    ['2026-09-18..2026-09-31', InvalidDateError, 'pause[0].end'],
    ['2026-09-18..2026-09-17', PauseEndsBeforeStartError, 'pause[0]'],
  ])('refuses %s naming the field', (value, error, field) => {
    const run = () => parsePauseRange(value, 'pause[0]');
    expect(run).toThrow(error);
    try {
      run();
    } catch (err) {
      expect((err as InvalidPauseError).fieldErrors[0].field).toBe(field);
    }
  });
});

describe(computePeriod.name, () => {
  it.each(CALENDAR_DAY_VECTORS)('gives raw and due of vector $id (calendar days)', (v) => {
    expect(computePeriod(cal, v.anchor, 'calendarDays', v.n)).toEqual({
      raw: v.raw,
      due: v.expected,
    });
  });

  it('clamps months to the month end without rolling a make-up Saturday (vector 26)', () => {
    expect(computePeriod(cal, MONTH_VECTOR.anchor, 'months', MONTH_VECTOR.months)).toEqual({
      raw: MONTH_VECTOR.expected,
      due: MONTH_VECTOR.expected,
    });
  });

  it.each(WORKING_DAY_VECTORS.filter((v) => !v.pause))(
    'ends working-day vector $id on its n-th working day',
    (v) => {
      expect(computePeriod(cal, v.anchor, 'workingDays', v.n)).toEqual({
        raw: v.expected,
        due: v.expected,
      });
    },
  );

  it('names the start field when it is not a date', () => {
    expect(() => computePeriod(cal, '2025-02-30', 'months', 1)).toThrow(/for from/);
  });
});

describe(feeRequestOf.name, () => {
  it.each([
    [{ method: 'per-piece', nth: 45 }, 300],
    [{ method: 'per-piece', monthCount: 45 }, 5500],
    [{ method: 'per-volume', pages: 250 }, 4700],
    [{ method: 'per-piece', nth: 13, receivedOn: '2024-04-26' }, 100],
  ] as const)('builds the request of %j (WE-6, D-8)', (query, amount) => {
    expect(calculateFee(feeRequestOf(query)).amountYuan).toBe(amount);
  });

  it.each([
    [{ method: 'per-piece' }, 'monthCount', /per-piece needs one of monthCount, nth/],
    [{ method: 'per-piece', nth: 1, monthCount: 2 }, 'nth', /cannot be combined with monthCount/],
    [{ method: 'per-piece', nth: 1, pages: 2 }, 'pages', /belongs to per-volume/],
    [{ method: 'per-volume', nth: 1, pages: 2 }, 'nth', /belongs to per-piece/],
    [{ method: 'per-volume' }, 'pages', /required for per-volume/],
  ] as const)('refuses %j on the field %s', (query, field, message) => {
    expect(() => feeRequestOf(query)).toThrow(InvalidFeeInputError);
    expect(() => feeRequestOf(query)).toThrow(message);
    try {
      feeRequestOf(query);
    } catch (err) {
      expect((err as InvalidFeeInputError).fieldErrors[0].field).toBe(field);
    }
  });

  it('spells fields the way the caller does (command-line flags)', () => {
    expect(() => feeRequestOf({ method: 'per-piece' }, (f) => `--${f}`)).toThrow(
      /--monthCount, --nth/,
    );
  });
});

describe(listDays.name, () => {
  const warning = warningOf({
    id: 'x',
    date: '2024-10-10',
    kind: 'CLOSED',
    scope: 'AGENCY:DQ-GA',
    scopeKind: 'AGENCY',
    agencyId: 'a',
    agencyCode: 'DQ-GA',
    basis: '庆政办发〔2024〕12号',
    name: '检修',
  } satisfies ScopedOverride);

  it('lists statuses with holiday names and make-up days, and attaches warnings to their day', () => {
    const days = listDays(cal, '2024-09-14', '2024-10-10', [warning]);
    expect(days).toHaveLength(27);
    expect(days[0]).toMatchObject({
      date: '2024-09-14',
      kind: 'makeup',
      working: true,
      name: '中秋节',
    });
    expect(days[2]).toMatchObject({
      date: '2024-09-16',
      kind: 'holiday',
      working: false,
      nameEn: 'Mid-autumn Festival',
    });
    expect(days.at(-1)).toMatchObject({
      date: '2024-10-10',
      kind: 'workday',
      working: true,
      warnings: [warning],
    });
    expect(days.filter((d) => d.warnings)).toHaveLength(1);
  });

  it(`lists at most ${MAX_LISTED_DAYS} days and refuses a range that ends before it starts`, () => {
    expect(listDays(cal, '2024-01-01', '2025-02-03')).toHaveLength(400);
    expect(() => listDays(cal, '2024-01-01', '2025-02-04')).toThrow(InvalidPeriodError);
    expect(() => listDays(cal, '2024-01-01', '2025-02-04')).toThrow(/at most 400 days/);
    expect(() => listDays(cal, '2024-01-02', '2024-01-01')).toThrow(/before 'from'/);
  });

  it('marks days of years without a published notice as provisional (R-WD-04)', () => {
    expect(listDays(cal, '2026-12-31', '2027-01-01').map((d) => d.provisional)).toEqual([
      false,
      true,
    ]);
  });
});

describe(warningsBetween.name, () => {
  const at = (date: string) => ({
    date,
    kind: 'CLOSED' as const,
    scope: 'AGENCY:X',
    basis: 'b',
    name: null,
    message: '',
  });

  it('keeps the warnings after the anchor up to the due date, or all later ones while paused', () => {
    const all = [at('2024-09-13'), at('2024-10-10'), at('2024-10-17'), at('2024-10-18')];
    expect(warningsBetween(all, '2024-09-13', '2024-10-17').map((w) => w.date)).toEqual([
      '2024-10-10',
      '2024-10-17',
    ]);
    expect(warningsBetween(all, '2024-09-13', null)).toHaveLength(3);
  });
});

describe(parseScopeSpec.name, () => {
  it.each([
    ['national', { scope: 'NATIONAL_CORRECTION', agencyCode: null }],
    ['NATIONAL_CORRECTION', { scope: 'NATIONAL_CORRECTION', agencyCode: null }],
    ['agency:dq-ga', { scope: 'AGENCY', agencyCode: 'DQ-GA' }],
    ['province:HLJ', { scope: 'PROVINCE', agencyCode: 'HLJ' }],
    ['agency:', null],
    ['city:DQ', null],
  ])('reads %s', (spec, expected) => {
    expect(parseScopeSpec(spec)).toEqual(expected);
  });
});
