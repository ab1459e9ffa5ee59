/** The form in which the applicant wants the information (Art 29(3)). */
export const INFORMATION_FORMS = ['paper', 'electronic', 'either'] as const;
export type InformationForm = (typeof INFORMATION_FORMS)[number];

/** How the applicant wants to obtain it (获取信息的方式、途径). */
export const DELIVERY_ROUTES = ['post', 'email', 'pickup', 'portal'] as const;
export type DeliveryRoute = (typeof DELIVERY_ROUTES)[number];

/** Each delivery route as the applicant reads it: Chinese, then English. */
export const DELIVERY_ROUTE_LABELS: Readonly<Record<DeliveryRoute, { zh: string; en: string }>> = {
  post: { zh: '邮寄', en: 'By post' },
  email: { zh: '电子邮件', en: 'By e-mail' },
  pickup: { zh: '当面领取', en: 'Collection in person' },
  portal: { zh: '网上查看', en: 'Online, in the portal' },
};

/** How a reply was served (R-DEL-01…03); on time is judged on the signing or posting day. */
export const SERVICE_METHODS = ['in_person', 'post', 'email', 'portal'] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];

/** What a reply says beyond its type (Art 36, Art 37). */
export interface ReplyDetail {
  text: string | null;
  /** PARTIAL_REDACTED: each withheld part with its reason and basis. */
  withheld: Array<{ item: string; reason: string; basis: string }>;
  /** NOT_THIS_AGENCY: the responsible agency and contact, when known (Art 36(5)). */
  responsibleAgency: string | null;
  /** REPEAT_NOT_REPROCESSED: the earlier replied case cited (Art 36(6)). */
  previousCaseId?: string | null;
}
