import type { LocalDate } from '../../modules/calendar/domain/local-date';
import { parsePauseRange } from '../../modules/calendar/domain/pause-range';
import type { DeadlineRequest } from '../../modules/deadlines/domain/deadline-query';
import { UsageError } from '../usage-error';

/** Parses --pause 'START..END' or 'START..' (still open); shared with the HTTP API (D-6). */
export function parsePauseFlag(value: string): readonly [LocalDate, LocalDate | null] {
  return parsePauseRange(value, '--pause');
}

const LINE_KEYS = ['received', 'regime', 'correctionReceived', 'pauses', 'extension'];
const KNOWN = new Set(LINE_KEYS);

const isString = (v: unknown): v is string => typeof v === 'string';

const pairOk = (p: unknown): p is [string, string | null] =>
  Array.isArray(p) && p.length === 2 && isString(p[0]) && (p[1] === null || isString(p[1]));

/** Shape check of one JSONL line; date and range checks are left to the domain. */
export function parseJsonLine(text: string): DeadlineRequest {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new UsageError('not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new UsageError('expected a JSON object');
  const o = value as Record<string, unknown>;
  for (const k in o)
    if (!KNOWN.has(k))
      throw new UsageError(`unknown field '${k}' (allowed: ${LINE_KEYS.join(', ')})`);
  if (!isString(o.received))
    throw new UsageError("'received' is required and must be a string YYYY-MM-DD");
  if (o.regime != null && !isString(o.regime)) throw new UsageError("'regime' must be a string");
  if (o.correctionReceived != null && !isString(o.correctionReceived)) {
    throw new UsageError("'correctionReceived' must be a string YYYY-MM-DD");
  }
  if (o.extension != null && typeof o.extension !== 'number')
    throw new UsageError("'extension' must be a number");
  const pauses = o.pauses ?? [];
  if (!Array.isArray(pauses) || !pauses.every(pairOk)) {
    throw new UsageError('\'pauses\' must be an array of ["START", "END" or null]');
  }
  // Built without spreads: this runs once per line of a --jsonl batch.
  const req: { -readonly [K in keyof DeadlineRequest]: DeadlineRequest[K] } = {
    received: o.received,
    pauses,
  };
  if (isString(o.regime)) req.regime = o.regime;
  if (isString(o.correctionReceived)) req.correctionReceived = o.correctionReceived;
  if (typeof o.extension === 'number') req.extension = o.extension;
  return req;
}
