import { addDays, parseLocalDate, type LocalDate } from '../../calendar/domain/local-date';
import {
  mergePauses,
  pauseCovering,
  type MergedPause,
  type PauseInput,
} from '../../calendar/domain/pauses';
import type { DayKind, WorkingCalendar } from '../../calendar/domain/working-calendar';
import { computeClock, type ClockInput, type ClockResult } from './clock';

export type TraceDayStatus = 'counted' | 'not-working' | 'paused';

export interface TraceDay {
  readonly date: LocalDate;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
  readonly kind: DayKind;
  readonly working: boolean;
  readonly status: TraceDayStatus;
  /** 1-based number of the counted working day (R-CNT-02). */
  readonly n?: number;
  /** Counted day that belongs to the extension (R-CNT-07). */
  readonly extension?: boolean;
  readonly name?: string;
  readonly nameEn?: string;
  /** Reasons of the pause covering the day ('consultation', 'fee', 'pause'). */
  readonly pausedBy?: readonly string[];
  readonly provisional: boolean;
}

export interface DeadlineTrace {
  readonly anchor: LocalDate;
  readonly limitWd: number;
  readonly extension: number;
  /** Day-by-day from the day after the anchor to the due date (or to the start of an open pause). */
  readonly days: readonly TraceDay[];
  readonly due: LocalDate | null;
  readonly paused: boolean;
  readonly workingDaysLeft: number;
  readonly provisional: boolean;
  readonly pauses: readonly MergedPause[];
}

export interface TraceInput {
  readonly anchor: LocalDate;
  readonly limitWd: number;
  readonly extension?: number;
  readonly pauses?: readonly PauseInput[];
}

/**
 * Day-by-day trace of a working-day count (R-CNT-01 … R-CNT-07): every day after the anchor up to
 * the due date, each counted, skipped as non-working, or paused. Counted days = limit + extension.
 */
export function buildTrace(cal: WorkingCalendar, input: TraceInput): DeadlineTrace {
  const anchor = parseLocalDate(input.anchor, 'anchor');
  const extension = input.extension ?? 0;
  const total = input.limitWd + extension;
  const pauses = mergePauses(input.pauses ?? []);
  // Same arithmetic as addWorkingDays; it also validates the count and bounds the loop below.
  const target = cal.addWorkingDays(anchor, total, pauses);
  const end = target.due ?? pauses.find((p) => p.end === null)?.start ?? anchor;
  const days: TraceDay[] = [];
  let counted = 0;
  for (let date = addDays(anchor, 1); date <= end; date = addDays(date, 1)) {
    const s = cal.dayStatus(date);
    const pause = pauseCovering(pauses, date);
    const names = {
      ...(s.name ? { name: s.name } : {}),
      ...(s.nameEn ? { nameEn: s.nameEn } : {}),
    };
    const base = {
      date,
      weekday: s.weekday,
      kind: s.kind,
      working: s.working,
      provisional: s.provisional,
      ...names,
    };
    if (pause) {
      days.push({
        ...base,
        status: 'paused',
        pausedBy: pause.reasons.length > 0 ? pause.reasons : ['pause'],
      });
    } else if (s.working) {
      counted++;
      days.push({
        ...base,
        status: 'counted',
        n: counted,
        ...(counted > input.limitWd ? { extension: true } : {}),
      });
    } else {
      days.push({ ...base, status: 'not-working' });
    }
  }
  return {
    anchor,
    limitWd: input.limitWd,
    extension,
    days,
    due: target.due,
    paused: target.paused,
    workingDaysLeft: target.workingDaysLeft,
    provisional: target.provisional,
    pauses,
  };
}

/** The case clock together with the trace of its reply count (same anchor, pauses and extension). */
export function traceClock(
  cal: WorkingCalendar,
  input: ClockInput,
): { clock: ClockResult; trace: DeadlineTrace } {
  const clock = computeClock(cal, input);
  const trace = buildTrace(cal, {
    anchor: clock.anchor,
    limitWd: clock.limitWd,
    extension: clock.extension,
    pauses: clock.pauses.flatMap((p) =>
      (p.reasons.length > 0 ? p.reasons : ['pause']).map((reason) => ({
        start: p.start,
        end: p.end,
        reason,
      })),
    ),
  });
  return { clock, trace };
}
