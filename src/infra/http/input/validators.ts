import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min, ValidateBy, type ValidationOptions } from 'class-validator';
import { isInstant, isLocalDate, withShanghaiOffset } from '../../../shared/domain/date-format';
import type { ReasonCode } from '../../../shared/domain/reason-code';

export { isInstant, isLocalDate };

/**
 * The input types every DTO uses. Each custom rule is named by its reason code, so the field
 * message comes from the catalogue (see field-problems.ts).
 */

const rule = (name: ReasonCode, test: (v: unknown) => boolean, options?: ValidationOptions) =>
  ValidateBy({ name, validator: { validate: (v) => test(v) } }, options);

export const IsLocalDate = (options?: ValidationOptions) =>
  rule('field-not-date', isLocalDate, options);
/** An ISO 8601 instant; without an offset it is read as Asia/Shanghai (R-WD-06). */
export const IsInstant = (options?: ValidationOptions) =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) => withShanghaiOffset(value)),
    rule('field-not-instant', isInstant, options),
  );

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
