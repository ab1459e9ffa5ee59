import type { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { FixedClock } from '../../src/infra/clock/clock';
import { loadConfig } from '../../src/infra/config/app-config';
import { dataSourceOptions } from '../../src/infra/database/data-source-options';
import { AuditRepository } from '../../src/modules/audit/audit.repository';
import { AuditService } from '../../src/modules/audit/audit.service';
import type { CalendarChange } from '../../src/modules/calendar/calendar-change';
import { CalendarChangeWriter } from '../../src/modules/calendar/calendar-change-writer';
import { CalendarChanges } from '../../src/modules/calendar/calendar-changes';
import { CalendarOverridesService } from '../../src/modules/calendar/calendar-overrides.service';
import { CalendarRepository } from '../../src/modules/calendar/calendar.repository';
import { CalendarYearsService } from '../../src/modules/calendar/calendar-years.service';
import {
  CALENDAR_VERSION_TTL_MS,
  CalendarService,
} from '../../src/modules/calendar/calendar.service';
import { createTestDatabase, type TestDatabase } from '../utils/test-services';

/** The calendar services of one process: own pool, own cache, own clock. */
function startProcess(url: string) {
  const db = new DataSource(dataSourceOptions(url, 2));
  const clock = new FixedClock('2026-11-29T08:00:00Z');
  const config = loadConfig({});
  const logger = { setContext: () => undefined, error: jest.fn() } as unknown as PinoLogger;
  const store = new CalendarRepository(db);
  const calendar = new CalendarService(store, clock, config);
  const changes = new CalendarChanges(logger);
  const writer = new CalendarChangeWriter(clock, store, calendar, changes);
  const audit = new AuditService(new AuditRepository(db), clock);
  return {
    db,
    clock,
    logger,
    calendar,
    changes,
    overrides: new CalendarOverridesService(store, writer, audit, clock, config),
    years: new CalendarYearsService(writer, audit, clock),
  };
}

const closed = (date: string) => ({
  date,
  kind: 'CLOSED' as const,
  scope: 'NATIONAL_CORRECTION' as const,
  basis: '测试依据',
});
const we1 = (p: ReturnType<typeof startProcess>) =>
  p.calendar.current().then((c) => c.national.addWorkingDays('2024-09-13', 20).due);

describe(CalendarService.name, () => {
  let database: TestDatabase;
  let a: ReturnType<typeof startProcess>;
  let b: ReturnType<typeof startProcess>;

  beforeAll(async () => {
    database = await createTestDatabase();
    a = startProcess(database.url);
    b = startProcess(database.url);
    await Promise.all([a.db.initialize(), b.db.initialize()]);
  });
  afterAll(async () => {
    await Promise.all([a.db.destroy(), b.db.destroy()]);
    await database.drop();
  });

  it('sees its own change at once and another process’s change once the TTL has passed', async () => {
    expect((await a.calendar.current()).version).toBe('0');
    expect(await we1(b)).toBe('2024-10-17');
    await a.overrides.add(null, closed('2024-10-10'));
    expect(await we1(a)).toBe('2024-10-18');
    expect(await we1(b)).toBe('2024-10-17');
    b.clock.advance(CALENDAR_VERSION_TTL_MS - 1);
    expect(await we1(b)).toBe('2024-10-17');
    b.clock.advance(1);
    expect(await we1(b)).toBe('2024-10-18');
    expect((await b.calendar.current()).version).toBe((await a.calendar.current()).version);
  });

  it('keeps one cached calendar while the version is unchanged', async () => {
    b.clock.advance(CALENDAR_VERSION_TTL_MS);
    const first = await b.calendar.current();
    b.clock.advance(CALENDAR_VERSION_TTL_MS);
    expect(await b.calendar.current()).toBe(first);
    const [x, y] = await Promise.all([a.calendar.current(), a.calendar.current()]);
    expect(x).toBe(y);
  });

  it('tells listeners after commit and keeps the durable log for consumers with a cursor', async () => {
    const heard: CalendarChange[] = [];
    const off = a.changes.onChange((c) => void heard.push(c));
    a.changes.onChange(() => {
      throw new Error('listener bug');
    });
    const cursor = (await a.calendar.current()).version;
    const added = await a.overrides.add(null, closed('2025-03-03'));
    await a.overrides.remove(null, added.id);
    off();
    await a.overrides.add(null, closed('2025-03-04'));
    expect(heard.map((c) => [c.action, c.dateFrom, c.overrideId])).toEqual([
      ['override.added', '2025-03-03', added.id],
      ['override.removed', '2025-03-03', added.id],
    ]);
    expect(a.logger.error).toHaveBeenCalledTimes(3);
    const log = await b.calendar.changesSince(cursor);
    expect(log.map((c) => c.action)).toEqual([
      'override.added',
      'override.removed',
      'override.added',
    ]);
    expect(log.slice(0, 2)).toEqual(heard);
    expect(Number(log[2].id)).toBeGreaterThan(Number(log[1].id));
  });

  it('serialises concurrent changes: versions follow commit order and duplicates are refused', async () => {
    const dates = ['2025-05-06', '2025-05-07', '2025-05-08', '2025-05-09'];
    const results = await Promise.allSettled([
      ...dates.map((d) => a.overrides.add(null, closed(d))),
      b.overrides.add(null, closed('2025-05-06')),
    ]);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    const versions = (await a.calendar.changesSince('0', 1000)).map((c) => Number(c.id));
    expect(versions).toEqual([...versions].sort((x, y) => x - y));
    a.clock.advance(CALENDAR_VERSION_TTL_MS);
    const cal = (await a.calendar.current()).national;
    expect(dates.map((d) => cal.isWorkingDay(d))).toEqual([false, false, false, false]);
  });

  it('refuses two active corrections of one date even when written around the service (unique index)', async () => {
    const insert = (id: string) =>
      a.db.query(
        `INSERT INTO calendar_override (id, date, kind, scope, basis, created_at) VALUES ($1, '2025-06-09', 'CLOSED', 'NATIONAL_CORRECTION', 'x', now())`,
        [id],
      );
    await insert('b0000000-0000-4000-8000-000000000001');
    await expect(insert('b0000000-0000-4000-8000-000000000002')).rejects.toThrow(
      /calendar_override_active_key/,
    );
    await expect(
      a.db.query(
        `INSERT INTO calendar_override (id, date, kind, scope, basis, created_at) VALUES ('b0000000-0000-4000-8000-000000000003', '2025-06-10', 'CLOSED', 'NATIONAL_CORRECTION', '  ', now())`,
      ),
    ).rejects.toThrow(/calendar_override_basis_check/);
  });
});
