import { DataSource } from 'typeorm';
import type { CalendarChange } from '../../src/modules/calendar/calendar-change';
import { CalendarChanges } from '../../src/modules/calendar/calendar-changes';
import { seedWorld, type World } from './fixtures';
import { bootTestApp, type TestApp } from './test-app';

/** Boots the app with the seeded world and records every calendar change into `changes`. */
export async function bootCalendarAdmin(
  changes: CalendarChange[],
): Promise<{ t: TestApp; world: World }> {
  const t = await bootTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
  const world = await seedWorld(t.app);
  t.app.get(CalendarChanges).onChange((c) => void changes.push(c));
  return { t, world };
}

/** The calendar entries of the audit log, oldest first. */
export function calendarAudit(t: TestApp) {
  return t.app.get(DataSource).query<
    Array<{
      action: string;
      actor_id: string | null;
      agency_id: string | null;
      target_id: string;
    }>
  >(`SELECT action, actor_id, agency_id, target_id FROM audit_log WHERE action LIKE 'calendar.%' ORDER BY id`);
}
