import { DataSource } from 'typeorm';
import { CalendarOverridesService } from '../../src/modules/calendar/calendar-overrides.service';
import { ReportDeadlines } from '../../src/modules/reports/report-deadlines.service';
import { seedWorld, WORLD } from '../utils/fixtures';
import { setToday } from '../utils/requests';
import { bootTestApp, type TestApp } from '../utils/test-app';
import { reportMailsOn, settle } from '../utils/timers';

/**
 * D-13 after a calendar change (R-WD-04): the report's legal due date stays, but the working
 * days its reminders target move with the calendar — the timers' recompute re-arms the report
 * deadlines, so each reminder comes on the day the new calendar gives it, not the old one.
 */
describe('report deadlines after a calendar change', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootTestApp({
      CLOCK: 'fixed',
      CLOCK_FIXED_AT: '2026-01-05T09:00:00+08:00',
      ACCESS_TOKEN_TTL_SECONDS: '31536000',
    });
    await seedWorld(t.app);
  }, 180_000);
  afterAll(() => t.close());

  it('moves the reminders to the working days of a new holiday notice', async () => {
    setToday(t.app, '2026-01-05', '09:30');
    await t.app.get(ReportDeadlines).openYear(2025);
    await settle(t.app);
    // Armed for 2025's due date, Sat 2026-01-31: reminders from Fri 2026-01-30 back (5, 2, 0 WD).
    // Then 30 Jan is closed by a national correction: the last working day is Thu 29 Jan.
    await t.app.get(CalendarOverridesService).add(null, {
      date: '2026-01-30',
      kind: 'CLOSED',
      scope: 'NATIONAL_CORRECTION',
      basis: '国务院办公厅补充通知（测试）',
      name: '临时停工',
    });
    await settle(t.app);
    const seen = await reportMailsOn(t.app, [
      '2026-01-21',
      '2026-01-22',
      '2026-01-23',
      '2026-01-26',
      '2026-01-27',
      '2026-01-28',
      '2026-01-29',
      '2026-01-30',
      '2026-02-02',
    ]);
    const reporter = WORLD.staff.reporter.email;
    expect(seen.filter(([, to]) => to === reporter)).toEqual([
      ['2026-01-22', reporter, 'deadline-reminder', 5],
      ['2026-01-27', reporter, 'deadline-reminder', 2],
      ['2026-01-29', reporter, 'deadline-reminder', 0],
    ]);
    // The legal dates themselves did not move (departments 31 Jan, governments 31 Mar).
    const due = await t.app
      .get(DataSource)
      .query<Array<{ due_on: string }>>(
        `SELECT DISTINCT due_on::text FROM deadline WHERE subject_type = 'report' ORDER BY 1`,
      );
    expect(due.map((d) => d.due_on)).toEqual(['2026-01-31', '2026-03-31']);
  });
});
