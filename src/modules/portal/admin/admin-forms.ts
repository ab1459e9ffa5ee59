import type { Response } from 'express';
import { httpStatusOf } from '../../../infra/http/domain-error';
import { Refusal } from '../../../shared/domain/refusal';
import type { FormError } from '../form-errors';
import type { Lang } from '../portal-text';
import { formErrorsOf } from '../validated-form';

/** Each field's first problem: marks it `aria-invalid` and is said next to it. */
export const invalidOf = (errors: readonly FormError[]): Record<string, string> =>
  Object.fromEntries([...errors].reverse().map((e) => [e.field, e.message]));

/** A refusal that means "no such thing within your reach" (answered with the 404 page). */
export function isNotFound(err: unknown): err is Refusal {
  return err instanceof Refusal && httpStatusOf(err.code) === 404;
}

/**
 * A service's refusal of a form as field errors, with the fields renamed to the form's own
 * (`roles.0.agencyCode` → `agencyCode`); anything else is rethrown.
 */
export function refusedForm(
  err: unknown,
  lang: Lang,
  fallbackField: string,
  rename: (field: string) => string = (f) => f,
): FormError[] {
  if (!(err instanceof Refusal)) throw err;
  return formErrorsOf(err, lang, fallbackField).map((e) => ({ ...e, field: rename(e.field) }));
}

/** Post/Redirect/Get: the page again, saying what was done (`?done=…`). */
export function seeOther(res: Response, path: string, done: string): void {
  res.redirect(303, `${path}${path.includes('?') ? '&' : '?'}done=${done}`);
}
