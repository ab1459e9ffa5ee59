import { InvalidPeriodError } from '../../../src/modules/calendar/domain/calendar-errors';
import { nationalCalendar } from '../../../src/modules/calendar/domain/national-calendar';
import {
  reconsiderationAcceptanceDue,
  reconsiderationDecisionDue,
  remedyWindows,
  suitAfterReconsiderationDue,
} from '../../../src/modules/deadlines/domain/remedy-windows';

const cal = nationalCalendar();

describe(remedyWindows.name, () => {
  it('rolls the 60-day window past National Day and offers no direct suit for a refusal from 2024 (WE-8, D-15)', () => {
    const r = remedyWindows(cal, {
      deliveredOn: '2025-08-02',
      repliedOn: '2025-08-02',
      nonDisclosure: true,
    });
    expect(r.reconsideration).toMatchObject({ raw: '2025-10-01', due: '2025-10-09', rolled: true });
    expect([r.directSuit, r.reconsiderationFirst, r.provisional]).toEqual([null, true, false]);
  });

  it('ends on day 60 when it is a working day (WE-8 control)', () => {
    expect(
      remedyWindows(cal, {
        deliveredOn: '2025-09-05',
        repliedOn: '2025-09-05',
        nonDisclosure: true,
      }).reconsideration?.due,
    ).toBe('2025-11-04');
  });

  it('ends the 6-month direct suit on a make-up Saturday when the reply is not a refusal (WE-10)', () => {
    const r = remedyWindows(cal, {
      deliveredOn: '2025-08-31',
      repliedOn: '2025-08-31',
      nonDisclosure: false,
    });
    expect(r.directSuit).toMatchObject({ raw: '2026-02-28', due: '2026-02-28', rolled: false });
    expect(r.reconsiderationFirst).toBe(false);
  });

  it('still offers a direct suit for a refusal served before 2024-01-01', () => {
    const r = remedyWindows(cal, {
      deliveredOn: '2023-12-29',
      repliedOn: '2023-12-29',
      nonDisclosure: true,
    });
    expect([r.reconsiderationFirst, r.directSuit?.raw]).toEqual([false, '2024-06-29']);
  });

  it('judges reconsideration-first on the date of the reply, not on its delivery (D-15)', () => {
    // A refusal dated 2023-12-29 and delivered by post in 2024: the 2023 law applies, a direct
    // suit stays open (anchored on the delivery day).
    const before = remedyWindows(cal, {
      deliveredOn: '2024-01-03',
      repliedOn: '2023-12-29',
      nonDisclosure: true,
    });
    expect([before.reconsiderationFirst, before.directSuit?.raw]).toEqual([false, '2024-07-03']);
    // Dated 2024-01-02, delivered the same week: reconsideration first, no direct suit.
    const after = remedyWindows(cal, {
      deliveredOn: '2024-01-05',
      repliedOn: '2024-01-02',
      nonDisclosure: true,
    });
    expect([after.reconsiderationFirst, after.directSuit]).toEqual([true, null]);
    expect(after.reconsideration?.raw).toBe('2024-03-05');
  });

  it('gives only the one-year outer limits when the reply did not state the remedies (R-RV-05, R-LT-14)', () => {
    const r = remedyWindows(cal, {
      deliveredOn: '2025-03-03',
      repliedOn: '2025-03-03',
      nonDisclosure: false,
      remediesStated: false,
    });
    expect([r.reconsideration, r.directSuit]).toEqual([null, null]);
    expect([r.reconsiderationOuter?.due, r.directSuitOuter?.due]).toEqual([
      '2026-03-03',
      '2026-03-03',
    ]);
  });
});

describe('appeal clocks', () => {
  it('rolls the 15-day suit window out of the Spring Festival (WE-9)', () => {
    expect(suitAfterReconsiderationDue(cal, '2026-02-05')).toMatchObject({
      raw: '2026-02-20',
      due: '2026-02-24',
    });
    expect(suitAfterReconsiderationDue(cal, '2026-09-30').due).toBe('2026-10-15');
  });

  it('counts the 5-WD acceptance review in working days and decisions in calendar days (WE-13)', () => {
    expect(reconsiderationAcceptanceDue(cal, '2026-09-28').due).toBe('2026-10-10');
    expect(reconsiderationDecisionDue(cal, '2026-10-10', { simplified: true }).due).toBe(
      '2026-11-09',
    );
    expect(reconsiderationDecisionDue(cal, '2026-10-10').due).toBe('2026-12-09');
    expect(reconsiderationDecisionDue(cal, '2026-03-02')).toMatchObject({
      raw: '2026-05-01',
      due: '2026-05-06',
    });
  });

  it('throws InvalidPeriodError when the decision extension exceeds 30 days (R-RV-11)', () => {
    expect(() => reconsiderationDecisionDue(cal, '2026-10-10', { extensionDays: 31 })).toThrow(
      InvalidPeriodError,
    );
  });
});
