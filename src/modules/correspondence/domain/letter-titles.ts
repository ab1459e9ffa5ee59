/** Every statutory letter the system prints. */
export const LETTER_KINDS = [
  'receipt_acknowledgement',
  'correction_notice',
  'extension_notice',
  'consultation_letter',
  'fee_notice',
  'deferral_notice',
  'reasons_request',
  'reply',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** Title of each kind; a reply's exact title depends on its type (`replyLetterTitle`). */
export const LETTER_TITLES: Readonly<Record<LetterKind, string>> = {
  receipt_acknowledgement: '政府信息公开申请登记回执',
  correction_notice: '补正申请告知书', // OGI-2019 Art 30
  extension_notice: '延长答复期限告知书', // OGI-2019 Art 33(2)
  consultation_letter: '征求意见函', // OGI-2019 Arts 32, 34
  fee_notice: '收费通知', // 国办函〔2020〕109号
  deferral_notice: '延迟答复告知书', // OGI-2019 Art 35
  reasons_request: '要求说明理由通知书', // OGI-2019 Art 35
  reply: '政府信息公开申请答复书', // OGI-2019 Arts 36–39
};

export function isLetterKind(value: unknown): value is LetterKind {
  return typeof value === 'string' && (LETTER_KINDS as readonly string[]).includes(value);
}

/** A rendered letter body: its title and the complete HTML document. */
export interface LetterOutput {
  readonly title: string;
  readonly html: string;
}
