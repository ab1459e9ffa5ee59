import type { ReasonCode } from './reason-code';

/**
 * Base class of every error raised by pure domain code (calendar, deadlines, fees).
 * The CLI maps it to exit code 2 and the HTTP layer to 400 (STYLE.md point 9).
 * Structurally compatible with the HTTP layer's `FieldError` ({ field, message }).
 */
export interface DomainFieldError {
  /** Dotted path of the offending input field, e.g. `pauses[1]` or `holidays[0].off[2]`. */
  readonly field: string;
  readonly message: string;
}

export abstract class DomainError<C extends ReasonCode = ReasonCode> extends Error {
  abstract readonly code: C;

  protected constructor(
    message: string,
    readonly fieldErrors: readonly DomainFieldError[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}
