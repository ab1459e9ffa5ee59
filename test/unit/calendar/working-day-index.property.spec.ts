import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { nationalYearArrangements } from '../../../src/modules/calendar/domain/calendar-data';
import { EffectiveCalendar } from '../../../src/modules/calendar/domain/effective-calendar';
import {
  addDays,
  fromEpochDay,
  toEpochDay,
  type LocalDate,
} from '../../../src/modules/calendar/domain/local-date';
import {
  createWorkingCalendar,
  nationalCalendar,
} from '../../../src/modules/calendar/domain/national-calendar';
import type { ScopedOverride } from '../../../src/modules/calendar/domain/override-scope';
import { mergePauses, type PauseInput } from '../../../src/modules/calendar/domain/pauses';
import {
  WorkingCalendar,
  type CalendarOverride,
} from '../../../src/modules/calendar/domain/working-calendar';
import { WorkingDayIndex } from '../../../src/modules/calendar/domain/working-day-index';
import {
  walkAddWorkingDays,
  walkCountWorkingDays,
} from '../../../src/modules/calendar/domain/working-day-walk';
import { parseYearNoticeOrThrow } from '../../../src/modules/calendar/domain/year-notice';
import { pauseAfter } from '../support/arbitraries';

const NOTICE_2027 = parseYearNoticeOrThrow(
  JSON.parse(readFileSync(join(__dirname, '../../fixtures/notice-2027.json'), 'utf8')),
);
const FIRST = toEpochDay('2008-01-01');
const LAST = toEpochDay('2026-12-31');

/** What the day-by-day walk (the definition) answers, in the shape of addWorkingDays. */
function oracle(cal: WorkingCalendar, anchor: LocalDate, n: number, pauses: PauseInput[] = []) {
  const r = walkAddWorkingDays(cal, toEpochDay(anchor), n, mergePauses(pauses));
  return {
    due: r.due === null ? null : fromEpochDay(r.due),
    workingDaysLeft: r.workingDaysLeft,
    provisional: r.provisional,
  };
}

function indexed(cal: WorkingCalendar, anchor: LocalDate, n: number, pauses: PauseInput[] = []) {
  const r = cal.addWorkingDays(anchor, n, pauses);
  return { due: r.due, workingDaysLeft: r.workingDaysLeft, provisional: r.provisional };
}

const anchorArb = fc.integer({ min: FIRST, max: LAST }).map(fromEpochDay);
const nArb = fc.integer({ min: 0, max: 60 });
/** Up to three pauses after the anchor, one of them possibly still open, some before it. */
const pausesArb = (anchor: LocalDate) =>
  fc.array(
    fc.oneof(
      pauseAfter(anchor).map((p): PauseInput => p),
      pauseAfter(addDays(anchor, -30)).map((p): PauseInput => p),
      fc.integer({ min: -5, max: 60 }).map((k): PauseInput => [addDays(anchor, k), null]),
    ),
    { maxLength: 3 },
  );
const overridesArb = fc.array(
  fc.record({
    date: anchorArb,
    kind: fc.constantFrom('CLOSED' as const, 'OPEN' as const),
    scope: fc.constant('NATIONAL_CORRECTION'),
    basis: fc.constant('测试依据'),
  }),
  { maxLength: 12 },
);

/** The calendars the index must agree with the walk on (R-WD-01 … R-WD-05), built once. */
const CALENDARS: readonly WorkingCalendar[] = [
  nationalCalendar(),
  ...fc
    .sample(overridesArb, { numRuns: 4, seed: 12 })
    .map((overrides) => createWorkingCalendar({ overrides })),
  // An imported 2027 (anchors late in 2026 reach it) and a provisional 2027 (not imported).
  ...fc
    .sample(overridesArb, { numRuns: 2, seed: 13 })
    .map((overrides) => createWorkingCalendar({ importedYears: [NOTICE_2027], overrides })),
  // Years missing from the data: provisional weekdays-only years inside the range.
  new WorkingCalendar(nationalYearArrangements().filter((y) => ![2010, 2020].includes(y.year))),
  new WorkingCalendar(nationalYearArrangements().filter((y) => y.year !== 2026)),
];
const calendarArb = fc.constantFrom(...CALENDARS);

describe(`${WorkingDayIndex.name} (prefix sums) against the day-by-day walk`, () => {
  it('equals the walk for every day 2008–2026 and every n in 0..60 on the national calendar', () => {
    const cal = nationalCalendar();
    for (let e = FIRST; e <= LAST; e++) {
      const anchor = fromEpochDay(e);
      // Without pauses the walk for n is the walk for n - 1 and one more working day.
      let due = e;
      let provisional = false;
      for (let n = 0; n <= 60; n++) {
        if (n > 0) {
          const step = walkAddWorkingDays(cal, due, 1, []);
          due = step.due!;
          provisional ||= step.provisional;
        }
        const got = cal.addWorkingDays(anchor, n);
        if (got.due !== fromEpochDay(due) || got.provisional !== provisional)
          throw new Error(`${anchor} + ${n}: ${got.due} != ${fromEpochDay(due)}`);
      }
    }
  });

  it('equals the walk with overrides, imported and provisional years, pauses and extensions', () => {
    fc.assert(
      fc.property(
        calendarArb,
        anchorArb.chain((a) => fc.tuple(fc.constant(a), pausesArb(a))),
        nArb,
        fc.integer({ min: 0, max: 20 }),
        (cal, [anchor, pauses], base, extension) => {
          const n = Math.min(60, base + extension);
          expect(indexed(cal, anchor, n, pauses)).toEqual(oracle(cal, anchor, n, pauses));
          const to = addDays(anchor, base * 2);
          expect(cal.countWorkingDays(anchor, to, pauses)).toBe(
            walkCountWorkingDays(cal, toEpochDay(anchor), toEpochDay(to), mergePauses(pauses)),
          );
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('answers from the changed calendar, never a stale table, after a calendar change', () => {
    const override = (date: LocalDate): ScopedOverride => ({
      id: '1',
      date,
      kind: 'CLOSED',
      scope: 'NATIONAL_CORRECTION',
      scopeKind: 'NATIONAL_CORRECTION',
      basis: '测试依据',
      agencyId: null,
      agencyCode: null,
    });
    fc.assert(
      fc.property(anchorArb, nArb, fc.integer({ min: 1, max: 60 }), (anchor, n, k) => {
        const before = new EffectiveCalendar(
          { version: '1', importedYears: [], overrides: [] },
          false,
        );
        const first = indexed(before.national, anchor, n); // builds the first table
        const closed = addDays(anchor, k);
        const after = new EffectiveCalendar(
          { version: '2', importedYears: [], overrides: [override(closed)] },
          false,
        );
        expect(indexed(after.national, anchor, n)).toEqual(oracle(after.national, anchor, n));
        expect(indexed(before.national, anchor, n)).toEqual(first);
        if (
          before.national.isWorkingDay(closed) &&
          first.due !== null &&
          closed <= first.due &&
          n > 0
        )
          expect(after.national.addWorkingDays(anchor, n).due! > first.due).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('falls back to the walk outside the indexed years', () => {
    const cal = nationalCalendar();
    for (const anchor of ['1899-12-20', '2200-12-20', '2210-03-01'])
      expect(indexed(cal, anchor, 20)).toEqual(oracle(cal, anchor, 20));
    const far: CalendarOverride = {
      date: '2150-03-03',
      kind: 'OPEN',
      scope: 'NATIONAL_CORRECTION',
      basis: '测试依据',
    };
    const withFar = createWorkingCalendar({ overrides: [far] });
    expect(indexed(withFar, '2150-02-20', 20)).toEqual(oracle(withFar, '2150-02-20', 20));
  });
});
