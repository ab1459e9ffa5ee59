/** The date formats every input uses (pure). */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real Gregorian date `YYYY-MM-DD` (no 2026-02-30), year 1900–2199. */
export function isLocalDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2199 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

const INSTANT =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?$/;

/** A real ISO 8601 date-time (`2026-03-02T09:30:00+08:00`; the offset may be left out). */
export function isInstant(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const m = INSTANT.exec(value);
  return m !== null && isLocalDate(m[1]);
}

/**
 * R-WD-06: an instant without an offset is Beijing wall-clock time, never the server's zone
 * (`2026-09-11T19:00` is a Friday evening at the counter, not Saturday 03:00). Anything that is
 * not an instant is returned unchanged for the validator to refuse.
 */
export function withShanghaiOffset(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const m = INSTANT.exec(value);
  return m && !m[5] ? `${value}+08:00` : value;
}

/** The first day the OGI Regulations (2007) were in force: no application is received before. */
export const OGI_START_DATE = '2008-05-01';
