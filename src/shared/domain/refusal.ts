import { fieldMessageOf, messageOf, type MessageParams } from '../i18n/messages';
import type { ReasonCode } from './reason-code';

/** One offending input field, with the reason and its catalogue message. */
export interface FieldProblem {
  /** Dotted path of the offending input field, e.g. `applicant.phone` or `received`. */
  readonly field: string;
  readonly code: ReasonCode;
  readonly message: string;
}

/**
 * Something the system refuses, with a reason code from the one enum. Pure rules return it
 * (see `Decision`); services throw it; the HTTP layer maps it to problem details (status by
 * code), the CLI to exit code 2, the portal to an error page — all with the catalogue's words.
 */
export class Refusal extends Error {
  constructor(
    readonly code: ReasonCode,
    readonly params: MessageParams = {},
    readonly fieldErrors: readonly FieldProblem[] = [],
    /** Extra members of the problem details, e.g. `current` (the case's state) on a 409. */
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(messageOf(code, params));
    this.name = 'Refusal';
  }
}

export function fieldProblem(
  field: string,
  code: ReasonCode,
  params: MessageParams = {},
): FieldProblem {
  return { field, code, message: fieldMessageOf(code, params) };
}

/** A 400 naming one field: `invalidField('periodEnd', 'correction-period-not-after-today')`. */
export function invalidField(field: string, code: ReasonCode, params: MessageParams = {}): Refusal {
  return new Refusal('validation-failed', {}, [fieldProblem(field, code, params)]);
}

/** Several field problems at once. */
export function invalidFields(problems: readonly FieldProblem[]): Refusal {
  return new Refusal('validation-failed', {}, problems);
}

/** The outcome of a pure rule: allowed (with what it decided) or refused. */
export type Decision<T = void> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refusal: Refusal };

export const allow = <T>(value: T): Decision<T> => ({ ok: true, value });
export const allowed: Decision<void> = { ok: true, value: undefined };
export const refuse = (code: ReasonCode, params: MessageParams = {}): Decision<never> => ({
  ok: false,
  refusal: new Refusal(code, params),
});
export const refuseField = (
  field: string,
  code: ReasonCode,
  params: MessageParams = {},
): Decision<never> => ({
  ok: false,
  refusal: invalidField(field, code, params),
});

/** The decided value, or the refusal thrown. */
export function decided<T>(d: Decision<T>): T {
  if (!d.ok) throw d.refusal;
  return d.value;
}
