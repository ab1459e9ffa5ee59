import type { ValidationOptions } from 'class-validator';
import { HasFormat } from '../../../infra/http/input/validators';
import { AGENCY_CODE } from '../domain/agency';

/** An agency code (`DQ-GA`), refused with the catalogue's `field-not-agency-code`. */
export const IsAgencyCode = (options?: ValidationOptions) =>
  HasFormat(AGENCY_CODE, 'field-not-agency-code', options);
