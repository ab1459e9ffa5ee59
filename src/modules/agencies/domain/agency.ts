/** Kinds of agency (DOMAIN §1.2): people's governments, their departments, other bodies. */
export const AGENCY_KINDS = ['government', 'department', 'other'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/**
 * Application channels an agency may announce in its OGI guide (R-APP-01). In person and
 * post can never be refused (国办公开办函〔2017〕19号); the others only when announced.
 */
export const CHANNELS = ['in_person', 'post', 'fax', 'online', 'email', 'oral'] as const;
export type Channel = (typeof CHANNELS)[number];
export const ALWAYS_ACCEPTED_CHANNELS: readonly Channel[] = ['in_person', 'post'];

/** D-2: how online submissions are confirmed (R-RCV-04). */
export const ONLINE_CONFIRMATION = ['automatic', 'manual'] as const;
export type OnlineConfirmation = (typeof ONLINE_CONFIRMATION)[number];

/** Stable agency codes, used in reference numbers such as DQ-GA-2026-000123. */
export const AGENCY_CODE = /^[A-Z0-9]{1,12}(-[A-Z0-9]{1,12}){0,5}$/;

export function isAgencyCode(value: unknown): value is string {
  return typeof value === 'string' && AGENCY_CODE.test(value);
}

/** Whether an application by `channel` must be accepted by an agency with `announced` channels. */
export function acceptsChannel(announced: readonly Channel[], channel: Channel): boolean {
  return ALWAYS_ACCEPTED_CHANNELS.includes(channel) || announced.includes(channel);
}

/** Contact details printed on letters. */
export interface AgencyContact {
  address?: string | null;
  postcode?: string | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
}

/** Bodies that hear remedies against the agency, named in reply letters (D-15). */
export interface RemedyBodies {
  reconsiderationBody?: string | null;
  court?: string | null;
}
