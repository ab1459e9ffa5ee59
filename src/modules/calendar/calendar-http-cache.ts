import { createHash } from 'node:crypto';
import type { Response } from 'express';
import { NATIONAL_CALENDAR_SOURCE } from './domain/calendar-data';
import type { EffectiveCalendar } from './domain/effective-calendar';

/** Public calendar answers may be cached for five minutes by browsers and proxies. */
export const CALENDAR_CACHE_CONTROL = 'public, max-age=300';

/**
 * ETag of every public calendar answer: it changes with the calendar version (each import or
 * override), with the bundled dataset and with CALENDAR_APPLY_LOCAL_OVERRIDES — everything an
 * answer for a given URL depends on. Express answers 304 when If-None-Match matches.
 */
export function calendarEtag(effective: EffectiveCalendar): string {
  const inputs = `${NATIONAL_CALENDAR_SOURCE.package}@${NATIONAL_CALENDAR_SOURCE.version}|local=${effective.applyLocal}`;
  const digest = createHash('sha256').update(inputs).digest('hex').slice(0, 12);
  return `"cal-${effective.version}-${digest}"`;
}

/** Set on success only (after the answer is computed), so errors are not cached. */
export function setCalendarCacheHeaders(res: Response, effective: EffectiveCalendar): void {
  res.setHeader('Cache-Control', CALENDAR_CACHE_CONTROL);
  res.setHeader('ETag', calendarEtag(effective));
}
