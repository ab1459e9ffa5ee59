import { DomainError } from '../../../shared/domain/domain-error';

/** Stable codes of fee errors (CLI exit code 2, HTTP 400). */
export const FeeErrorCode = {
  InvalidFeeInput: 'invalid-fee-input',
  FeeNotApplicable: 'fee-not-applicable',
  FeeMethodConflict: 'fee-method-conflict',
} as const;
export type FeeErrorCode = (typeof FeeErrorCode)[keyof typeof FeeErrorCode];

export class InvalidFeeInputError extends DomainError<FeeErrorCode> {
  readonly code = FeeErrorCode.InvalidFeeInput;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`, [{ field, message }]);
  }
}

/** R-FEE-09, D-8: the information-processing fee exists only for applications received from 2021-01-01. */
export class FeeNotApplicableError extends DomainError<FeeErrorCode> {
  readonly code = FeeErrorCode.FeeNotApplicable;

  constructor(receivedOn: string, field = 'received') {
    const message = `no information-processing fee for an application received on ${receivedOn} (fees start 2021-01-01)`;
    super(message, [{ field, message }]);
  }
}

/** R-FEE-01: one method per application, never both. */
export class FeeMethodConflictError extends DomainError<FeeErrorCode> {
  readonly code = FeeErrorCode.FeeMethodConflict;

  constructor() {
    const message =
      'choose one fee method: per-piece or per-volume, never both (国办函〔2020〕109号 Art 3)';
    super(message, [{ field: 'method', message }]);
  }
}
