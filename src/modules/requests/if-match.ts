import { invalidField } from '../../infra/http/domain-error';
import type { ActionOptions } from './case-actions';

/** `If-Match: <version>` (weak or quoted) → the version an action expects; 400 when malformed. */
export function ifMatch(header: string | undefined): ActionOptions {
  if (header === undefined) return {};
  const v = Number(header.replace(/^W\//, '').replace(/"/g, ''));
  if (!Number.isInteger(v)) throw invalidField('If-Match', 'invalid-if-match');
  return { expectedVersion: v };
}
