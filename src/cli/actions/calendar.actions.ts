import { readFileSync } from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import { httpStatusOf, Refusal } from '../../infra/http/domain-error';
import {
  CalendarOverridesService,
  type NewOverride,
} from '../../modules/calendar/calendar-overrides.service';
import { CalendarYearsService } from '../../modules/calendar/calendar-years.service';
import { CalendarService } from '../../modules/calendar/calendar.service';
import { DomainError } from '../../shared/domain/domain-error';
import { UsageError } from '../usage-error';
import { withApp } from '../support/with-app';

const line = (value: unknown): void => void process.stdout.write(`${JSON.stringify(value)}\n`);

/** Runs `fn` in the application; refused input (validation, conflict, unknown) exits with code 2. */
async function inApp<T>(fn: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  try {
    return await withApp((app) => fn(app));
  } catch (err) {
    if (err instanceof DomainError) throw new UsageError(err.message);
    if (err instanceof Refusal && httpStatusOf(err.code) < 500) throw new UsageError(err.message);
    throw err;
  }
}

export async function importNotice(file: string, replace: boolean): Promise<void> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  line(await inApp((app) => app.get(CalendarYearsService).importYear(null, text, { replace })));
}

export async function years(): Promise<void> {
  const all = await inApp(async (app) => (await app.get(CalendarService).current()).years());
  all.forEach(line);
}

export async function list(includeDeleted: boolean): Promise<void> {
  const rows = await inApp((app) => app.get(CalendarOverridesService).list(null, includeDeleted));
  rows.forEach(line);
}

export async function add(input: NewOverride): Promise<void> {
  line(await inApp((app) => app.get(CalendarOverridesService).add(null, input)));
}

export async function remove(id: string): Promise<void> {
  line(await inApp((app) => app.get(CalendarOverridesService).remove(null, id)));
}
