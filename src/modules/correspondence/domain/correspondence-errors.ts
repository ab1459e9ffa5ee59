import { DomainError } from '../../../shared/domain/domain-error';

/** Stable codes of correspondence errors (CLI exit code 2, HTTP 400). */
export const CorrespondenceErrorCode = {
  InvalidLetterInput: 'invalid-letter-input',
} as const;
export type CorrespondenceErrorCode =
  (typeof CorrespondenceErrorCode)[keyof typeof CorrespondenceErrorCode];

/** A letter cannot be rendered from this input (missing statutory content, bad number …). */
export class InvalidLetterInputError extends DomainError<CorrespondenceErrorCode> {
  readonly code = CorrespondenceErrorCode.InvalidLetterInput;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`, [{ field, message }]);
  }
}
