import type { Type } from '@nestjs/common';
import { createValidationPipe } from '../../infra/http/validation.pipe';
import { Refusal } from '../../shared/domain/refusal';
import type { FormError } from './form-errors';
import type { Lang } from './portal-text';

const pipe = createValidationPipe();

/** One language of a catalogue message (`中文 · English`). */
export function inLang(message: string, lang: Lang): string {
  const [zh, en] = message.split(' · ');
  return lang === 'en' && en ? en : zh;
}

/** A refusal's field problems as form errors, in the reader's language. */
export function formErrorsOf(err: Refusal, lang: Lang, fallbackField: string): FormError[] {
  if (err.fieldErrors.length)
    return err.fieldErrors.map((p) => ({ field: p.field, message: inLang(p.message, lang) }));
  return [{ field: fallbackField, message: inLang(err.message, lang), code: err.code }];
}

/**
 * A posted form checked by the API's own DTO and validation pipe (the same rules and messages);
 * empty fields count as absent. The `_csrf` field is the page's, not the DTO's.
 */
export async function validatedForm<T extends object>(
  dto: Type<T>,
  body: unknown,
  lang: Lang,
): Promise<{ value: T; errors: [] } | { value: null; errors: FormError[] }> {
  const fields = Object.fromEntries(
    Object.entries((body ?? {}) as Record<string, unknown>).filter(
      ([k, v]) => k !== '_csrf' && !(typeof v === 'string' && v.trim() === ''),
    ),
  );
  try {
    const value = (await pipe.transform(fields, { type: 'body', metatype: dto })) as T;
    return { value, errors: [] };
  } catch (err) {
    if (err instanceof Refusal) return { value: null, errors: formErrorsOf(err, lang, 'email') };
    throw err;
  }
}
