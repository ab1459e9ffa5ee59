import fc from 'fast-check';
import { nationalCalendar } from '../../../src/modules/calendar/domain/national-calendar';
import { planEffects } from '../../../src/modules/timers/domain/effect-schedule';
import {
  publishable,
  REPORT_ACTIONS,
  REPORT_STATUSES,
  REPORT_TRANSITIONS,
  reportDueOn,
  reportTransition,
} from '../../../src/modules/reports/domain/report-workflow';

describe('the annual report workflow', () => {
  it('goes draft → reviewed → published, and back to draft only through a correction', () => {
    const walk = (actions: Array<(typeof REPORT_ACTIONS)[number]>) =>
      actions.reduce<string>((s, a) => {
        const d = reportTransition(s as 'draft', a);
        if (!d.ok) throw d.refusal;
        return d.value;
      }, 'draft');
    expect(walk(['review', 'publish'])).toBe('published');
    expect(walk(['review', 'publish', 'correct', 'review', 'publish'])).toBe('published');
    expect(walk(['review', 'reopen'])).toBe('draft');
    expect(() => walk(['publish'])).toThrow(/草稿/);
    expect(() => walk(['review', 'publish', 'review'])).toThrow(/已发布/);
  });

  it('allows an action exactly from the statuses of its row of the table', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REPORT_STATUSES),
        fc.constantFrom(...REPORT_ACTIONS),
        (status, action) => {
          const d = reportTransition(status, action);
          expect(d.ok).toBe(REPORT_TRANSITIONS[action].from.includes(status));
          if (d.ok) expect(d.value).toBe(REPORT_TRANSITIONS[action].to);
          else expect(d.refusal.code).toBe('report-not-in-state');
        },
      ),
    );
  });

  it('refuses publication while any check fails, naming the rules', () => {
    expect(publishable([{ rule: 'R-AR-10', ok: true }]).ok).toBe(true);
    const d = publishable([
      { rule: 'R-AR-10', ok: true },
      { rule: 'R-AR-15', ok: false },
    ]);
    expect(!d.ok && [d.refusal.code, d.refusal.params.rules]).toEqual([
      'report-checks-failing',
      'R-AR-15',
    ]);
  });
});

describe('D-13 report due dates and their reminders', () => {
  it('is 31 Jan for departments and other agencies, 31 Mar for governments and under OGI-2008', () => {
    expect(reportDueOn(2025, 'department')).toBe('2026-01-31');
    expect(reportDueOn(2025, 'other')).toBe('2026-01-31');
    expect(reportDueOn(2025, 'government')).toBe('2026-03-31');
    expect(reportDueOn(2013, 'department')).toBe('2014-03-31');
  });

  const on = (due: string) =>
    Object.fromEntries(
      planEffects(nationalCalendar(), 'report_due', due, [5, 2]).map((e) => [e.effect, e.on]),
    );

  it('WE-11: 2025-01-31 falls in the Spring Festival, so the reminders target Mon 2025-01-27', () => {
    // Sun 2025-01-26 is a make-up working day: it counts.
    expect(on('2025-01-31')).toEqual({
      'remind-5': '2025-01-21',
      'remind-2': '2025-01-24',
      'remind-0': '2025-01-27',
      escalate: '2025-02-05',
    });
  });

  it('WE-11: 2026-01-31 is a Saturday, so the last reminder comes on Fri 2026-01-30', () => {
    expect(on('2026-01-31')).toEqual({
      'remind-5': '2026-01-23',
      'remind-2': '2026-01-28',
      'remind-0': '2026-01-30',
      escalate: '2026-02-02',
    });
    // A government's 2026-03-31 is a working day: the reminders count back from it.
    expect(on('2026-03-31')['remind-0']).toBe('2026-03-31');
  });
});
