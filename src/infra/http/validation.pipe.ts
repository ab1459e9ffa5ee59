import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { invalidFields } from './domain-error';
import { fieldProblems } from './input/field-problems';
import { cleanInput } from './input/text-rule';

/**
 * The one input pipe: the text rule on every string of bodies, queries and path parameters
 * (input/text-rule.ts), then class-validator — unknown fields refused, every failure naming its
 * field with the catalogue's message.
 */
class InputPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'custom') return super.transform(value, metadata);
    const prefix = metadata.type === 'body' || !metadata.data ? '' : metadata.data;
    const cleaned = cleanInput(value, prefix);
    if (cleaned.problems.length) throw invalidFields(cleaned.problems);
    return super.transform(cleaned.value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new InputPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The target names the DTO class, whose metadata gives each rule's arguments (min, max…).
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => invalidFields(fieldProblems(errors)),
  });
}
