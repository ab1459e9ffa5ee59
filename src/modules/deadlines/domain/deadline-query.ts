import type { LocalDate } from '../../calendar/domain/local-date';
import type { WorkingCalendar } from '../../calendar/domain/working-calendar';
import { computeClock, type ClockInput, type ClockResult } from './clock';
import { traceClock, type TraceDay } from './trace';
import { renderTraceDay } from './trace-text';

/**
 * One reply-deadline question as the CLI (`govinfo deadline`) and the HTTP API
 * (GET /api/v1/calendar/deadline) both ask it. Both print `DeadlineOutput` through
 * `computeDeadline`, so the same input gives byte-identical JSON in either place.
 */
export interface DeadlineRequest {
  readonly received: LocalDate;
  readonly regime?: string;
  readonly correctionReceived?: LocalDate;
  /** Pauses (start, end | null] (D-6). */
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

/** R-DL-01, R-COR-03, R-CNT-01 … R-CNT-07: the reply deadline, optionally with its day-by-day trace. */
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
