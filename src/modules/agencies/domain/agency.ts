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

/** How each channel is named to applicants (letters, the OGI guide, the portal). */
export const CHANNEL_LABELS: Readonly<Record<Channel, { zh: string; en: string }>> = {
  in_person: { zh: '当面提交', en: 'In person' },
  post: { zh: '邮寄', en: 'By post' },
  fax: { zh: '传真', en: 'By fax' },
  online: { zh: '互联网申请平台', en: 'Online application platform' },
  email: { zh: '电子邮件', en: 'By e-mail' },
  oral: { zh: '口头提出', en: 'Orally' },
};

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

/** Contact details printed on letters and in the OGI guide (D-21). */
export interface AgencyContact {
  address?: string | null;
  postcode?: string | null;
  phone?: string | null;
  fax?: string | null;
  email?: string | null;
  website?: string | null;
  /** Other internet contact named in the guide (an online form, a public account). */
  internetContact?: string | null;
  /** The OGI office's hours, as the guide prints them (e.g. 工作日 8:30—11:30，13:30—17:00). */
  officeHours?: string | null;
  /** How to pay a fee (D-7): account, payee, reference to quote; shown with fee notices. */
  paymentInstructions?: string | null;
}

/** Bodies that hear remedies against the agency, named in reply letters (D-15). */
export interface RemedyBodies {
  reconsiderationBody?: string | null;
  court?: string | null;
}

/**
 * The agency's optional text fields, in the order the guide and the API list them: the one list
 * behind the import's checks, creation, updates and the audit snapshot.
 */
export const AGENCY_DETAIL_FIELDS = [
  'address',
  'postcode',
  'phone',
  'fax',
  'email',
  'website',
  'internetContact',
  'officeHours',
  'paymentInstructions',
  'reconsiderationBody',
  'court',
] as const satisfies ReadonlyArray<keyof (AgencyContact & RemedyBodies)>;
export type AgencyDetailField = (typeof AGENCY_DETAIL_FIELDS)[number];

/** Longest accepted value of each detail field (the API's and the import's one rule). */
export const AGENCY_DETAIL_MAX_LENGTH: Readonly<Record<AgencyDetailField, number>> = {
  address: 500,
  postcode: 6,
  phone: 50,
  fax: 50,
  email: 254,
  website: 300,
  internetContact: 300,
  officeHours: 200,
  paymentInstructions: 1000,
  reconsiderationBody: 200,
  court: 200,
};
