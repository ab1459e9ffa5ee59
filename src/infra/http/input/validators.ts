import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min, ValidateBy, type ValidationOptions } from 'class-validator';
import type { ReasonCode } from '../../../shared/domain/reason-code';

/**
 * The input types every DTO uses. Each custom rule is named by its reason code, so the field
 * message comes from the catalogue (see field-problems.ts).
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real Gregorian date `YYYY-MM-DD` (no 2026-02-30), year 1900–2199. */
export function isLocalDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2199 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

const INSTANT =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?$/;

/** A real ISO 8601 date-time (`2026-03-02T09:30:00+08:00`; the offset may be left out). */
export function isInstant(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const m = INSTANT.exec(value);
  return m !== null && isLocalDate(m[1]);
}

const rule = (name: ReasonCode, test: (v: unknown) => boolean, options?: ValidationOptions) =>
  ValidateBy({ name, validator: { validate: (v) => test(v) } }, options);

export const IsLocalDate = (options?: ValidationOptions) =>
  rule('field-not-date', isLocalDate, options);
export const IsInstant = (options?: ValidationOptions) =>
  rule('field-not-instant', isInstant, options);

/** A string matching `pattern`, refused with `code` (e.g. 'field-not-postcode'). */
export const HasFormat = (pattern: RegExp, code: ReasonCode, options?: ValidationOptions) =>
  rule(code, (v) => typeof v === 'string' && pattern.test(v), options);

export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;

/** A calendar or report year (from query strings too). */
export const IsYear = () =>
  applyDecorators(
    Type(() => Number),
    ValidateBy({
      name: 'field-not-year',
      constraints: [YEAR_MIN, YEAR_MAX],
      validator: {
        validate: (v) =>
          Number.isInteger(v) && (v as number) >= YEAR_MIN && (v as number) <= YEAR_MAX,
      },
    }),
  );

/** A whole number within its column's range (query strings are converted first). */
export const BoundedInt = (min: number, max: number) =>
  applyDecorators(
    Type(() => Number),
    IsInt(),
    Min(min),
    Max(max),
  );

export const IsPhone = (options?: ValidationOptions) =>
  HasFormat(/^[0-9+\-\s]{5,20}$/, 'field-not-phone', options);
export const IsPostcode = (options?: ValidationOptions) =>
  HasFormat(/^\d{6}$/, 'field-not-postcode', options);

/** A boolean from a query string: `true` or `false`, nothing else. */
export const QueryBoolean = () =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      value === 'true' ? true : value === 'false' ? false : value,
    ),
    IsBoolean(),
  );
