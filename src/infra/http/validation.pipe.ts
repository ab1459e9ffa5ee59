import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { invalidFields, type FieldProblem } from './domain-error';

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message): FieldProblem => ({
      field,
      code: 'field-invalid',
      message,
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Global validation: unknown fields are refused, and every failure names its field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => invalidFields(flatten(errors)),
  });
}
