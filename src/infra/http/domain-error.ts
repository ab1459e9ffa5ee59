/** Codes of errors the API turns into RFC 9457 problem details. */
export const ErrorCode = {
  Validation: 'validation',
  NotFound: 'not-found',
  Conflict: 'conflict',
  Forbidden: 'forbidden',
  Unauthorized: 'unauthorized',
  RateLimited: 'rate-limited',
  Internal: 'internal',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface FieldError {
  /** Dotted path of the offending input field, e.g. `applicant.phone` or `received`. */
  readonly field: string;
  readonly message: string;
}

/** An error with a stable code; the problem-details filter maps it to HTTP. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors: readonly FieldError[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.Validation:
      return 400;
    case ErrorCode.Unauthorized:
      return 401;
    case ErrorCode.Forbidden:
      return 403;
    case ErrorCode.NotFound:
      return 404;
    case ErrorCode.Conflict:
      return 409;
    case ErrorCode.RateLimited:
      return 429;
    case ErrorCode.Internal:
      return 500;
  }
}

/** A 400 naming one field, e.g. `invalidField('periodEnd', 'must be after today')`. */
export function invalidField(field: string, message: string): AppError {
  return new AppError(ErrorCode.Validation, message, [{ field, message }]);
}
