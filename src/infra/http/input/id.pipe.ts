import { Param, type PipeTransform } from '@nestjs/common';
import { fieldProblem, Refusal } from '../domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string =>
  typeof value === 'string' && UUID.test(value);

/**
 * The one id pipe: a path id that is not a UUID names nothing that can exist — 404, as for an
 * unknown or unreachable row, with the parameter named in `errors`.
 */
export class IdPipe implements PipeTransform<unknown, string> {
  constructor(private readonly name: string) {}

  transform(value: unknown): string {
    if (!isUuid(value))
      throw new Refusal('not-found', {}, [fieldProblem(this.name, 'field-not-uuid')]);
    return value.toLowerCase();
  }
}

/** `@IdParam()` / `@IdParam('attachmentId')`: a UUID path parameter. */
export const IdParam = (name = 'id'): ParameterDecorator => Param(name, new IdPipe(name));
