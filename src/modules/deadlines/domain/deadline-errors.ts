import { DomainError } from '../../../shared/domain/domain-error';

/** Stable codes of deadline errors (CLI exit code 2, HTTP 400). */
export const DeadlineErrorCode = {
  InvalidRegime: 'invalid-regime',
  InvalidExtension: 'invalid-extension',
  ExtensionTooLong: 'extension-too-long',
  DatesOutOfOrder: 'dates-out-of-order',
} as const;
export type DeadlineErrorCode = (typeof DeadlineErrorCode)[keyof typeof DeadlineErrorCode];

export class InvalidRegimeError extends DomainError<DeadlineErrorCode> {
  readonly code = DeadlineErrorCode.InvalidRegime;

  constructor(value: unknown, field = 'regime') {
    const message = `unknown regime '${String(value)}': expected OGI-2008 or OGI-2019`;
    super(message, [{ field, message }]);
  }
}

/** Extension that is not a whole number of working days >= 0. */
export class InvalidExtensionError extends DomainError<DeadlineErrorCode> {
  readonly code = DeadlineErrorCode.InvalidExtension;

  constructor(value: unknown, field = 'extension') {
    const message = `extension must be a whole number of working days, got ${String(value)}`;
    super(message, [{ field, message }]);
  }
}

/** R-DL-02, D-5: at most 20 WD under OGI-2019 (Art 33), 15 WD under OGI-2008 (Art 24). */
export class ExtensionTooLongError extends DomainError<DeadlineErrorCode> {
  readonly code = DeadlineErrorCode.ExtensionTooLong;

  constructor(extension: number, max: number, regime: string, field = 'extension') {
    const message = `extension of ${extension} working days exceeds the ${regime} maximum of ${max}`;
    super(message, [{ field, message }]);
  }
}

/** Two dates of one case in an impossible order (e.g. a correction received before the application). */
export class DatesOutOfOrderError extends DomainError<DeadlineErrorCode> {
  readonly code = DeadlineErrorCode.DatesOutOfOrder;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`, [{ field, message }]);
  }
}
