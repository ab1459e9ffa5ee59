import { DomainError, type DomainFieldError } from '../../../shared/domain/domain-error';

/** Stable codes of calendar errors (shared with the CLI and the HTTP layer). */
export const CalendarErrorCode = {
  InvalidDate: 'invalid-date',
  InvalidPeriod: 'invalid-period',
  PauseEndsBeforeStart: 'pause-ends-before-start',
  InvalidPause: 'invalid-pause',
  InvalidYearNotice: 'invalid-year-notice',
} as const;
export type CalendarErrorCode = (typeof CalendarErrorCode)[keyof typeof CalendarErrorCode];

/** A malformed ('2024-9-1') or impossible ('2025-02-30') calendar date. */
export class InvalidDateError extends DomainError<CalendarErrorCode> {
  readonly code = CalendarErrorCode.InvalidDate;

  constructor(
    readonly input: unknown,
    field = 'date',
    reason = 'expected a real calendar date in the form YYYY-MM-DD',
  ) {
    const shown = typeof input === 'string' ? `'${input}'` : String(input);
    super(`invalid date ${shown} for ${field}: ${reason}`, [{ field, message: reason }]);
  }
}

/** A period length that is not a non-negative whole number, or unreasonably large. */
export class InvalidPeriodError extends DomainError<CalendarErrorCode> {
  readonly code = CalendarErrorCode.InvalidPeriod;

  constructor(message: string, field = 'n') {
    super(message, [{ field, message }]);
  }
}

/** A pause (start, end] whose end lies before its start (R-CNT-05, D-6). */
export class PauseEndsBeforeStartError extends DomainError<CalendarErrorCode> {
  readonly code = CalendarErrorCode.PauseEndsBeforeStart;

  constructor(start: string, end: string, field = 'pauses') {
    const message = `pause ends before it starts: ${start}..${end}`;
    super(message, [{ field, message }]);
  }
}

/** A pause written neither 'START..END' nor 'START..' (still open), as in `--pause` or `?pause=`. */
export class InvalidPauseError extends DomainError<CalendarErrorCode> {
  readonly code = CalendarErrorCode.InvalidPause;

  constructor(value: string, field = 'pause') {
    const message = `${field} '${value}' must look like START..END or START.. (still open)`;
    super(message, [{ field, message: 'expected START..END or START.. (still open)' }]);
  }
}

/** An imported year notice (parseYearNotice) that failed validation; carries every field error. */
export class InvalidYearNoticeError extends DomainError<CalendarErrorCode> {
  readonly code = CalendarErrorCode.InvalidYearNotice;

  constructor(errors: readonly DomainFieldError[]) {
    const first = errors[0];
    const summary = first ? `${first.field}: ${first.message}` : 'unknown error';
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    super(`invalid year notice: ${summary}${more}`, errors);
  }
}
