import fc from 'fast-check';
import {
  backoffMs,
  nextRetry,
  type RetryPolicy,
} from '../../../src/modules/notifications/domain/retry-schedule';

const H = 3600_000;
const DEFAULT: RetryPolicy = { baseMs: 30_000, maxDelayMs: 30 * 60_000, horizonMs: 72 * H };

describe(nextRetry.name, () => {
  it('backs off 30 s, 1 min, 2 min … and stays at the 30 min cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((n) => backoffMs(n, DEFAULT) / 1000)).toEqual([
      30, 60, 120, 240, 480, 960, 1800, 1800,
    ]);
  });

  it('keeps retrying for the 72 h default horizon, about 150 attempts, the last on the horizon', () => {
    const first = new Date('2026-03-02T00:00:00Z');
    let now = first;
    let failures = 1;
    const times: number[] = [];
    for (;;) {
      const d = nextRetry(failures, first, now, DEFAULT);
      if (d.kind === 'give-up') break;
      times.push(d.at.getTime());
      now = d.at;
      failures++;
    }
    expect(times[times.length - 1]).toBe(first.getTime() + 72 * H);
    expect(times.length).toBeGreaterThan(140);
    expect(times.length).toBeLessThan(150);
  });

  it('gives up exactly when the horizon has passed, never before', () => {
    const first = new Date('2026-03-02T00:00:00Z');
    const justBefore = new Date(first.getTime() + 72 * H - 1);
    expect(nextRetry(9, first, justBefore, DEFAULT)).toEqual({
      kind: 'retry',
      at: new Date(first.getTime() + 72 * H),
      delayMs: 1,
    });
    expect(nextRetry(9, first, new Date(first.getTime() + 72 * H), DEFAULT).kind).toBe('give-up');
  });

  it('schedules within (now, horizon], never later than the cap, never sooner as failures grow', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 3_600_000 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 500 * H }),
        fc.integer({ min: 0, max: 600 * H }),
        (baseMs, cap, failures, horizonMs, elapsed) => {
          const p = { baseMs, maxDelayMs: Math.max(cap, baseMs), horizonMs };
          const first = new Date(Date.UTC(2026, 0, 1));
          const now = new Date(first.getTime() + elapsed);
          const d = nextRetry(failures, first, now, p);
          expect(backoffMs(failures + 1, p)).toBeGreaterThanOrEqual(backoffMs(failures, p));
          if (elapsed >= horizonMs) {
            expect(d.kind).toBe('give-up');
            return;
          }
          if (d.kind !== 'retry') throw new Error('expected a retry');
          expect(d.delayMs).toBeGreaterThan(0);
          expect(d.delayMs).toBeLessThanOrEqual(p.maxDelayMs);
          expect(d.at.getTime()).toBeLessThanOrEqual(first.getTime() + horizonMs);
        },
      ),
    );
  });
});
