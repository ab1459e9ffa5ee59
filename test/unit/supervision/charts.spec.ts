import fc from 'fast-check';
import {
  agencySeries,
  monthlySeries,
  percent,
  yearTotals,
} from '../../../src/modules/supervision/domain/charts';

const month = (year: number) =>
  fc.integer({ min: 1, max: 12 }).map((m) => `${year}-${String(m).padStart(2, '0')}`);

describe('The supervisors’ chart series', () => {
  it('rounds a percentage to one decimal, half up, and has none without a whole', () => {
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(1, 16)).toBe(6.3);
    expect(percent(0, 5)).toBe(0);
    expect(percent(0, 0)).toBeNull();
  });

  it('gives twelve months, zero where nothing happened, the year’s counts only', () => {
    const s = monthlySeries(
      2026,
      [
        { month: '2026-02', n: 6 },
        { month: '2025-12', n: 9 },
      ],
      [{ month: '2026-03', replied: 4, onTime: 3 }],
    );
    expect(s.map((p) => p.month)).toEqual([
      '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06',
      '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12',
    ]); // prettier-ignore
    expect(s[1]).toEqual({ month: '2026-02', received: 6, replied: 0, onTime: 0, onTimePct: null });
    expect(s[2]).toEqual({ month: '2026-03', received: 0, replied: 4, onTime: 3, onTimePct: 75 });
    expect(yearTotals(s).received).toBe(6);
  });

  it('takes the year’s on-time rate over all replies, not as an average of the months', () => {
    const s = monthlySeries(
      2026,
      [],
      [
        { month: '2026-01', replied: 1, onTime: 1 },
        { month: '2026-02', replied: 3, onTime: 0 },
      ],
    );
    expect(yearTotals(s)).toEqual({ received: 0, replied: 4, onTime: 1, onTimePct: 25 });
  });

  it('keeps every count of the year and each month’s rate within 0–100 (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ month: month(2026), n: fc.nat(500) }), {
          selector: (x) => x.month,
        }),
        fc.uniqueArray(
          fc
            .record({ month: month(2026), replied: fc.nat(500), late: fc.nat(500) })
            .map((x) => ({ month: x.month, replied: x.replied + x.late, onTime: x.replied })),
          { selector: (x) => x.month },
        ),
        (received, replies) => {
          const s = monthlySeries(2026, received, replies);
          const y = yearTotals(s);
          expect(s).toHaveLength(12);
          expect(y.received).toBe(received.reduce((a, x) => a + x.n, 0));
          expect(y.replied).toBe(replies.reduce((a, x) => a + x.replied, 0));
          expect(y.onTime).toBe(replies.reduce((a, x) => a + x.onTime, 0));
          for (const p of s) {
            if (p.replied === 0) expect(p.onTimePct).toBeNull();
            else {
              expect(p.onTimePct).toBeGreaterThanOrEqual(0);
              expect(p.onTimePct).toBeLessThanOrEqual(100);
              expect(Math.abs(p.onTimePct! - (100 * p.onTime) / p.replied)).toBeLessThanOrEqual(
                0.05 + 1e-9,
              );
            }
          }
        },
      ),
    );
  });

  it('lists agencies by code, each with its own rate', () => {
    const a = agencySeries([
      { code: 'DQ-JY', name: '教育局', received: 2, replied: 2, onTime: 1, overdueNow: 0 },
      { code: 'DQ-GA', name: '公安局', received: 3, replied: 0, onTime: 0, overdueNow: 2 },
    ]);
    expect(a.map((x) => [x.code, x.onTimePct])).toEqual([
      ['DQ-GA', null],
      ['DQ-JY', 50],
    ]);
  });
});
