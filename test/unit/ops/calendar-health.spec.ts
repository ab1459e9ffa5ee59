import fc from 'fast-check';
import { holidayNoticeCheck } from '../../../src/modules/ops/calendar-health';

const day = fc
  .date({
    min: new Date('2008-01-01T00:00:00Z'),
    max: new Date('2040-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

describe('holidayNoticeCheck (R-WD-04: next year’s holiday notice)', () => {
  it.each([
    ['2026-10-31', 'up', false],
    ['2026-11-01', 'up', true],
    ['2026-12-14', 'up', true],
    ['2026-12-15', 'degraded', false],
    ['2026-12-31', 'degraded', false],
  ] as const)('on %s without the 2027 notice: %s (warning: %s)', (today, status, warns) => {
    const r = holidayNoticeCheck(today, [2025, 2026]);
    expect(r.status).toBe(status);
    expect(typeof r.warning === 'string').toBe(warns);
    if (status === 'degraded') expect(String(r.problem)).toContain('2027年节假日安排尚未导入');
  });

  it('is up without a warning whenever next year is loaded', () => {
    fc.assert(
      fc.property(day, (today) => {
        const next = Number(today.slice(0, 4)) + 1;
        const r = holidayNoticeCheck(today, [next - 1, next]);
        return r.status === 'up' && r.warning === undefined;
      }),
    );
  });

  it('without next year: silent before 1 November, a warning until 14 December, degraded after', () => {
    fc.assert(
      fc.property(day, (today) => {
        const r = holidayNoticeCheck(today, [Number(today.slice(0, 4))]);
        const md = today.slice(5);
        if (md < '11-01') return r.status === 'up' && r.warning === undefined;
        if (md < '12-15') return r.status === 'up' && typeof r.warning === 'string';
        return r.status === 'degraded';
      }),
    );
  });
});
