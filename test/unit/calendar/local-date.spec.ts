import fc from 'fast-check';
import { InvalidDateError } from '../../../src/modules/calendar/domain/calendar-errors';
import {
  addDays,
  addMonthsClamped,
  dayOfWeek,
  diffDays,
  fromEpochDay,
  parseLocalDate,
  shanghaiDateOf,
  toEpochDay,
} from '../../../src/modules/calendar/domain/local-date';

describe(parseLocalDate.name, () => {
  it.each(['2024-02-29', '2000-02-29', '2026-12-31'])('accepts %s when it is a real day', (s) => {
    expect(parseLocalDate(s)).toBe(s);
  });

  it.each([
    '2025-02-30',
    '2023-02-29',
    '1900-02-29',
    '2024-04-31',
    '2024-13-01',
    '2024-00-10',
    '2024-01-00',
  ])('throws InvalidDateError when %s does not exist', (s) => {
    expect(() => parseLocalDate(s, 'received')).toThrow(InvalidDateError);
    expect(() => parseLocalDate(s, 'received')).toThrow(/received.*no such day/);
  });

  it.each(['2024-9-1', '20240901', '2024-09-01T00:00:00Z', ' 2024-09-01', '', 'tomorrow'])(
    'throws with code invalid-date when %p is malformed',
    (s) => {
      expect(() => parseLocalDate(s)).toThrow(expect.objectContaining({ code: 'invalid-date' }));
    },
  );

  it('throws when the value is not a string', () => {
    expect(() => parseLocalDate(20240901)).toThrow(InvalidDateError);
  });
});

describe('local-date arithmetic', () => {
  it('round-trips every day through epoch days when dates span 1900–2200', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toEpochDay('1900-01-01'), max: toEpochDay('2200-12-31') }),
        (n) => {
          const d = fromEpochDay(n);
          expect(toEpochDay(parseLocalDate(d))).toBe(n);
          expect(
            new Date(Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10))).getUTCDay(),
          ).toBe(dayOfWeek(d));
        },
      ),
    );
  });

  it('adds and subtracts days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(diffDays('2025-08-02', '2025-10-01')).toBe(60);
  });

  it('clamps to the month end when the corresponding day does not exist (R-PER-04)', () => {
    expect(addMonthsClamped('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonthsClamped('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonthsClamped('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonthsClamped('2025-11-15', 14)).toBe('2027-01-15');
  });

  it('gives the Asia/Shanghai date of an instant when UTC is still on the previous day', () => {
    expect(shanghaiDateOf(new Date('2026-02-23T16:00:00Z'))).toBe('2026-02-24');
    expect(shanghaiDateOf(new Date('2026-02-23T15:59:59.999Z'))).toBe('2026-02-23');
    expect(shanghaiDateOf(new Date('2024-09-13T00:00:00+08:00'))).toBe('2024-09-13');
  });

  it('throws when the instant is invalid', () => {
    expect(() => shanghaiDateOf(new Date('nope'))).toThrow(InvalidDateError);
  });
});
