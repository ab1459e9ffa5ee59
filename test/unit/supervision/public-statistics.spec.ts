import fc from 'fast-check';
import {
  percent,
  publicStatistics,
  type StatisticsInput,
} from '../../../src/modules/supervision/domain/public-statistics';

const input = (over: Partial<StatisticsInput> = {}): StatisticsInput => ({
  received: 0,
  concluded: 0,
  onTime: 0,
  late: 0,
  netDays: [],
  outcomes: [],
  ...over,
});

describe(publicStatistics.name, () => {
  it('gives the on-time rate over the decided cases, and the median and average net days', () => {
    const s = publicStatistics(
      input({ received: 5, concluded: 4, onTime: 3, late: 1, netDays: [30, 10, 2] }),
    );
    expect(s).toMatchObject({
      received: 5,
      concluded: 4,
      onTimeRate: 0.75,
      replies: 3,
      medianNetDays: 10,
      averageNetDays: 14,
    });
    expect(percent(s.onTimeRate)).toBe('75.0%');
    // The supervision test's two replies: 10 and 30 net working days.
    expect(publicStatistics(input({ netDays: [10, 30] })).medianNetDays).toBe(20);
  });

  it('says "—" rather than 0% or 0 days when nothing was decided or replied', () => {
    const s = publicStatistics(input({ received: 2 }));
    expect(s.onTimeRate).toBeNull();
    expect(s.medianNetDays).toBeNull();
    expect(s.averageNetDays).toBeNull();
    expect(percent(s.onTimeRate)).toBe('—');
  });

  it('gives each outcome its share of the concluded requests, in the order of the rows', () => {
    const s = publicStatistics(
      input({
        concluded: 8,
        outcomes: [
          { id: 'r_open', n: 6 },
          { id: 'r_partial', n: 2 },
          { id: 'r_no_1', n: 0 },
        ],
      }),
    );
    expect(s.outcomes).toEqual([
      { id: 'r_open', n: 6, share: 0.75 },
      { id: 'r_partial', n: 2, share: 0.25 },
      { id: 'r_no_1', n: 0, share: 0 },
    ]);
    expect(percent(1 / 3)).toBe('33.3%');
  });

  it('keeps every figure within its bounds whatever the cases (property)', () => {
    fc.assert(
      fc.property(
        fc.nat(500),
        fc.nat(500),
        fc.array(fc.nat(120), { maxLength: 60 }),
        (onTime, late, netDays) => {
          const s = publicStatistics(input({ concluded: onTime + late, onTime, late, netDays }));
          if (onTime + late === 0) expect(s.onTimeRate).toBeNull();
          else {
            expect(s.onTimeRate).toBeGreaterThanOrEqual(0);
            expect(s.onTimeRate).toBeLessThanOrEqual(1);
            expect(Math.abs((s.onTimeRate ?? 0) - onTime / (onTime + late))).toBeLessThan(0.0006);
          }
          expect(s.replies).toBe(netDays.length);
          if (netDays.length) {
            const [min, max] = [Math.min(...netDays), Math.max(...netDays)];
            for (const v of [s.medianNetDays, s.averageNetDays]) {
              expect(v).toBeGreaterThanOrEqual(min);
              expect(v).toBeLessThanOrEqual(max);
            }
            // The order the replies come in does not matter.
            const reversed = publicStatistics(input({ netDays: [...netDays].reverse() }));
            expect(reversed.medianNetDays).toBe(s.medianNetDays);
            // At least half the replies take no longer than the median, and at least half no less.
            const m = s.medianNetDays ?? 0;
            expect(netDays.filter((d) => d <= m).length * 2).toBeGreaterThanOrEqual(netDays.length);
            expect(netDays.filter((d) => d >= m).length * 2).toBeGreaterThanOrEqual(netDays.length);
          } else expect(s.medianNetDays).toBeNull();
        },
      ),
    );
  });
});
