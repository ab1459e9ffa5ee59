import type { LocalDate } from '../../modules/calendar/domain/local-date';
import type { WorkingCalendar } from '../../modules/calendar/domain/working-calendar';
import type { ClockInput, ClockResult } from '../../modules/deadlines/domain/clock';
import { computeClock } from '../../modules/deadlines/domain/clock';
import { traceClock, type TraceDay } from '../../modules/deadlines/domain/trace';
import { renderTraceDay } from '../../modules/deadlines/domain/trace-text';
import { UsageError } from '../usage-error';

/** The input of one deadline computation, as flags or as one JSONL line (camelCase). */
export interface DeadlineRequest {
  readonly received: LocalDate;
  readonly regime?: string;
  readonly correctionReceived?: LocalDate;
  readonly pauses: ReadonlyArray<readonly [LocalDate, LocalDate | null]>;
  readonly extension?: number;
}

/** Output keys are an interface other tools depend on: keep names and order stable. */
export interface DeadlineOutput {
  regime: string;
  anchor: LocalDate;
  correctionNoticeDue: LocalDate | null;
  replyDue: LocalDate | null;
  paused: boolean;
  workingDaysLeft?: number;
  provisional: boolean;
  trace?: Array<TraceDay & { text: string }>;
}

export function computeDeadline(
  cal: WorkingCalendar,
  req: DeadlineRequest,
  withTrace: boolean,
): DeadlineOutput {
  const input: ClockInput = {
    received: req.received,
    regime: req.regime as ClockInput['regime'],
    correctionReceived: req.correctionReceived ?? null,
    pauses: req.pauses,
    extension: req.extension ?? 0,
  };
  if (!withTrace) return toOutput(computeClock(cal, input));
  const { clock, trace } = traceClock(cal, input);
  return { ...toOutput(clock), trace: trace.days.map((d) => ({ ...d, text: renderTraceDay(d) })) };
}

function toOutput(c: ClockResult): DeadlineOutput {
  return {
    regime: c.regime,
    anchor: c.anchor,
    correctionNoticeDue: c.correctionNoticeDue,
    replyDue: c.replyDue,
    paused: c.paused,
    ...(c.paused ? { workingDaysLeft: c.workingDaysLeft ?? 0 } : {}),
    provisional: c.provisional,
  };
}

/** Parses 'START..END' or 'START..' (a pause still open). Dates are validated by the domain. */
export function parsePauseFlag(value: string): readonly [LocalDate, LocalDate | null] {
  const parts = value.split('..');
  if (parts.length !== 2 || parts[0] === '') {
    throw new UsageError(`--pause '${value}' must look like START..END or START.. (still open)`);
  }
  return [parts[0], parts[1] === '' ? null : parts[1]];
}

const LINE_KEYS = ['received', 'regime', 'correctionReceived', 'pauses', 'extension'];

const isString = (v: unknown): v is string => typeof v === 'string';

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
  const unknownKey = Object.keys(o).find((k) => !LINE_KEYS.includes(k));
  if (unknownKey)
    throw new UsageError(`unknown field '${unknownKey}' (allowed: ${LINE_KEYS.join(', ')})`);
  if (!isString(o.received))
    throw new UsageError("'received' is required and must be a string YYYY-MM-DD");
  if (o.regime != null && !isString(o.regime)) throw new UsageError("'regime' must be a string");
  if (o.correctionReceived != null && !isString(o.correctionReceived)) {
    throw new UsageError("'correctionReceived' must be a string YYYY-MM-DD");
  }
  if (o.extension != null && typeof o.extension !== 'number')
    throw new UsageError("'extension' must be a number");
  const pauses = o.pauses ?? [];
  const pairOk = (p: unknown): p is [string, string | null] =>
    Array.isArray(p) && p.length === 2 && isString(p[0]) && (p[1] === null || isString(p[1]));
  if (!Array.isArray(pauses) || !pauses.every(pairOk)) {
    throw new UsageError('\'pauses\' must be an array of ["START", "END" or null]');
  }
  return {
    received: o.received,
    ...(isString(o.regime) ? { regime: o.regime } : {}),
    ...(isString(o.correctionReceived) ? { correctionReceived: o.correctionReceived } : {}),
    pauses,
    ...(typeof o.extension === 'number' ? { extension: o.extension } : {}),
  };
}
