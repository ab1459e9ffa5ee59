import fc from 'fast-check';
import { addDays, diffDays } from '../../../src/modules/calendar/domain/local-date';
import { nationalCalendar } from '../../../src/modules/calendar/domain/national-calendar';
import { WorkingCalendar } from '../../../src/modules/calendar/domain/working-calendar';
import { buildTrace } from '../../../src/modules/deadlines/domain/trace';
import { anchorWithPauses, dateArb, pauseAfter } from '../support/arbitraries';

const cal = nationalCalendar();
const limit = fc.integer({ min: 1, max: 45 });

describe(`${WorkingCalendar.name} properties`, () => {
  it('ends on a working day strictly after the anchor when n >= 1 (R-CNT-01/02)', () => {
    fc.assert(
      fc.property(anchorWithPauses, limit, ([anchor, pauses], n) => {
        const due = cal.addWorkingDays(anchor, n, pauses).due as string;
        expect(due > anchor).toBe(true);
        expect(cal.isWorkingDay(due)).toBe(true);
      }),
    );
  });

  it('never moves the due date earlier when a pause is added', () => {
    fc.assert(
      fc.property(anchorWithPauses, limit, ([anchor, pauses], n) => {
        const without = cal.addWorkingDays(anchor, n).due as string;
        expect((cal.addWorkingDays(anchor, n, pauses).due as string) >= without).toBe(true);
      }),
    );
  });

  it('equals a then b when one extension of a + b days is counted (R-CNT-07)', () => {
    fc.assert(
      fc.property(
        anchorWithPauses,
        limit,
        fc.integer({ min: 0, max: 20 }),
        ([anchor, pauses], a, b) => {
          const first = cal.addWorkingDays(anchor, a, pauses).due as string;
          expect(cal.addWorkingDays(first, b, pauses).due).toBe(
            cal.addWorkingDays(anchor, a + b, pauses).due,
          );
        },
      ),
    );
  });

  it('counts back exactly n working days between the anchor and the due date', () => {
    fc.assert(
      fc.property(anchorWithPauses, limit, ([anchor, pauses], n) => {
        const due = cal.addWorkingDays(anchor, n, pauses).due as string;
        expect(cal.countWorkingDays(anchor, due, pauses)).toBe(n);
      }),
    );
  });

  it('equals pausing the union when two overlapping pauses are merged (R-TP-05)', () => {
    // p2 starts inside p1 or on its last day, so (p1 ∪ p2] is one interval.
    const overlapping = dateArb.chain((anchor) =>
      pauseAfter(anchor).chain((p1) =>
        fc
          .tuple(
            fc.integer({ min: 0, max: diffDays(p1[0], p1[1]) }),
            fc.integer({ min: 0, max: 60 }),
          )
          .map(([k, length]) => {
            const start = addDays(p1[0], k);
            return [anchor, p1, [start, addDays(start, length)] as const] as const;
          }),
      ),
    );
    fc.assert(
      fc.property(overlapping, limit, ([anchor, p1, p2], n) => {
        const union = [p1[0] < p2[0] ? p1[0] : p2[0], p1[1] > p2[1] ? p1[1] : p2[1]] as const;
        expect(cal.addWorkingDays(anchor, n, [p1, p2]).due).toBe(
          cal.addWorkingDays(anchor, n, [union]).due,
        );
        expect(cal.addWorkingDays(anchor, n, [p2, p1, p1]).due).toBe(
          cal.addWorkingDays(anchor, n, [union]).due,
        );
      }),
    );
  });

  it('lists exactly the limit as counted days when a trace is built', () => {
    fc.assert(
      fc.property(
        anchorWithPauses,
        limit,
        fc.integer({ min: 0, max: 20 }),
        ([anchor, pauses], n, ext) => {
          const trace = buildTrace(cal, { anchor, limitWd: n, extension: ext, pauses });
          const counted = trace.days.filter((d) => d.status === 'counted');
          expect(counted.map((d) => d.n)).toEqual(Array.from({ length: n + ext }, (_, i) => i + 1));
          expect(counted.filter((d) => d.extension)).toHaveLength(ext);
          expect(trace.days[trace.days.length - 1]?.date).toBe(trace.due);
          expect(trace.due).toBe(cal.addWorkingDays(anchor, n + ext, pauses).due);
          trace.days.forEach((d, i) => expect(d.date).toBe(addDays(anchor, i + 1)));
        },
      ),
    );
  });

  it('rolls a calendar-day period forward to the first working day on or after the raw end (R-PER-02)', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 400 }), (anchor, n) => {
        const r = cal.addCalendarDays(anchor, n);
        expect(r.raw).toBe(addDays(anchor, n));
        expect(r.due >= r.raw).toBe(true);
        expect(cal.isWorkingDay(r.due)).toBe(true);
        for (let d = r.raw; d < r.due; d = addDays(d, 1)) expect(cal.isWorkingDay(d)).toBe(false);
      }),
    );
  });

  it('finds a working day on or before the date when looking backwards', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const r = cal.lastWorkingDayOnOrBefore(date);
        expect(r.date <= date && cal.isWorkingDay(r.date)).toBe(true);
        for (let d = addDays(r.date, 1); d <= date; d = addDays(d, 1))
          expect(cal.isWorkingDay(d)).toBe(false);
      }),
    );
  });
});
