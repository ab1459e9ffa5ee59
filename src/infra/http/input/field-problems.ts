import { getMetadataStorage, type ValidationError } from 'class-validator';
import { REASON_CODES, type ReasonCode } from '../../../shared/domain/reason-code';
import { fieldProblem, type FieldProblem } from '../../../shared/domain/refusal';
import type { MessageParams } from '../../../shared/i18n/messages';

/**
 * class-validator's failures in the catalogue's words: each constraint maps to a reason code
 * (custom rules are named by theirs), with its arguments as message parameters. A field that is
 * missing gets one message, "必填 · required", not one per rule.
 */
type Params = (args: readonly unknown[]) => MessageParams;
const BUILT_IN: Record<string, { code: ReasonCode; params?: Params }> = {
  isDefined: { code: 'field-required' },
  isNotEmpty: { code: 'field-required' },
  whitelistValidation: { code: 'field-unknown' },
  isString: { code: 'field-not-text' },
  isLength: { code: 'field-length', params: ([min, max]) => ({ min: n(min), max: n(max) }) },
  minLength: { code: 'field-too-short', params: ([min]) => ({ min: n(min) }) },
  maxLength: { code: 'field-too-long', params: ([max]) => ({ max: n(max) }) },
  isIn: { code: 'field-not-in-list', params: ([values]) => ({ values: list(values) }) },
  isEnum: { code: 'field-not-in-list', params: ([values]) => ({ values: list(values) }) },
  matches: { code: 'field-bad-format' },
  isInt: { code: 'field-not-integer' },
  isNumber: { code: 'field-not-number' },
  min: { code: 'field-too-small', params: ([min]) => ({ min: n(min) }) },
  max: { code: 'field-too-large', params: ([max]) => ({ max: n(max) }) },
  isUuid: { code: 'field-not-uuid' },
  isEmail: { code: 'field-not-email' },
  isBoolean: { code: 'field-not-boolean' },
  isArray: { code: 'field-not-list' },
  arrayMinSize: { code: 'field-too-few-items', params: ([min]) => ({ min: n(min) }) },
  arrayMaxSize: { code: 'field-too-many-items', params: ([max]) => ({ max: n(max) }) },
  isIso8601: { code: 'field-not-instant' },
  nestedValidation: { code: 'field-not-object' },
  isObject: { code: 'field-not-object' },
};
const CUSTOM_PARAMS: Partial<Record<ReasonCode, Params>> = {
  'field-not-year': ([min, max]) => ({ min: n(min), max: n(max) }),
};
const n = (x: unknown) => (typeof x === 'number' ? x : Number(x));
const list = (x: unknown) =>
  (Array.isArray(x) ? x : typeof x === 'object' && x ? Object.values(x) : [x]).join(', ');
const CODES = new Set<string>(REASON_CODES);

/** The arguments of a property's constraint (`[min, max]` of @Length), from the metadata. */
function argsOf(target: object | undefined, property: string, constraint: string): unknown[] {
  if (!target) return [];
  const metas = getMetadataStorage().getTargetValidationMetadatas(
    target.constructor,
    '',
    true,
    false,
  );
  const meta = metas.find(
    (m) => m.propertyName === property && (m.name === constraint || m.type === constraint),
  );
  return (meta?.constraints as unknown[] | undefined) ?? [];
}

/** Rules about the kind of value: when one fails, the others (ranges, lengths) say nothing. */
const TYPE_RULES = new Set([
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isArray',
  'isObject',
  'nestedValidation',
  'isUuid',
  'isIso8601',
  'field-not-date',
  'field-not-instant',
  'field-not-year',
]);

function problemsOf(e: ValidationError, field: string): FieldProblem[] {
  const constraints = Object.keys(e.constraints ?? {});
  if (constraints.length === 0) return [];
  if (constraints.includes('whitelistValidation')) return [fieldProblem(field, 'field-unknown')];
  if (e.value === undefined || e.value === null) return [fieldProblem(field, 'field-required')];
  const typeFailure = constraints.find((c) => TYPE_RULES.has(c));
  return (typeFailure ? [typeFailure] : constraints).map((c) => {
    const args = argsOf(e.target, e.property, c);
    if (CODES.has(c)) {
      const code = c as ReasonCode;
      return fieldProblem(field, code, CUSTOM_PARAMS[code]?.(args) ?? {});
    }
    const known = BUILT_IN[c];
    if (!known) return fieldProblem(field, 'field-invalid');
    return fieldProblem(field, known.code, known.params?.(args) ?? {});
  });
}

/** Every failure of a validated object, nested fields by dotted path (`applicant.phone`). */
export function fieldProblems(errors: readonly ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    return [...problemsOf(e, field), ...fieldProblems(e.children ?? [], field)];
  });
}
