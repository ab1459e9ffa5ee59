import { PauseEndsBeforeStartError } from './calendar-errors';
import { parseLocalDate, type LocalDate } from './local-date';

/**
 * A pause of a working-day count (R-CNT-05, D-6): working days in the half-open interval
 * (start, end] are not counted — the start day still counts, counting resumes after `end`.
 * `end = null` is a pause still open: nothing after `start` counts yet.
 */
export interface Pause {
  readonly start: LocalDate;
  readonly end: LocalDate | null;
  /** What caused it, for the trace (e.g. 'consultation', 'fee'). */
  readonly reason?: string;
}

/** Either a Pause or the tuple form [start, end | null]. */
export type PauseInput = Pause | readonly [LocalDate, LocalDate | null];

/** A union of overlapping pauses (R-TP-05: the same date is never subtracted twice). */
export interface MergedPause {
  readonly start: LocalDate;
  readonly end: LocalDate | null;
  readonly reasons: readonly string[];
}

function isTuple(p: PauseInput): p is readonly [LocalDate, LocalDate | null] {
  return Array.isArray(p);
}

/** Validates dates and order; throws InvalidDateError / PauseEndsBeforeStartError. */
export function normalizePause(p: PauseInput, field = 'pause'): Pause {
  const [start, end, reason] = isTuple(p) ? [p[0], p[1], undefined] : [p.start, p.end, p.reason];
  const s = parseLocalDate(start, `${field}.start`);
  const e = end === null || end === undefined ? null : parseLocalDate(end, `${field}.end`);
  if (e !== null && e < s) throw new PauseEndsBeforeStartError(s, e, field);
  return reason === undefined ? { start: s, end: e } : { start: s, end: e, reason };
}

export function normalizePauses(pauses: readonly PauseInput[] = [], field = 'pauses'): Pause[] {
  if (pauses.length === 0) return []; // most cases have no pause: skip the per-pause work
  return pauses.map((p, i) => normalizePause(p, `${field}[${i}]`));
}

/**
 * Merges pauses into disjoint intervals sorted by start. (a, b] and (c, d] overlap or touch when
 * c <= b; empty pauses (start = end) pause nothing and are dropped.
 */
export function mergePauses(pauses: readonly PauseInput[] = []): MergedPause[] {
  if (pauses.length === 0) return [];
  const sorted = normalizePauses(pauses)
    .filter((p) => p.end !== p.start)
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const out: Array<{ start: LocalDate; end: LocalDate | null; reasons: string[] }> = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && (last.end === null || p.start <= last.end)) {
      if (last.end !== null && (p.end === null || p.end > last.end)) last.end = p.end;
      if (p.reason && !last.reasons.includes(p.reason)) last.reasons.push(p.reason);
    } else {
      out.push({ start: p.start, end: p.end, reasons: p.reason ? [p.reason] : [] });
    }
  }
  return out;
}

/** The merged pause covering `date` (start < date <= end), if any. */
export function pauseCovering(
  merged: readonly MergedPause[],
  date: LocalDate,
): MergedPause | undefined {
  return merged.find((p) => date > p.start && (p.end === null || date <= p.end));
}
