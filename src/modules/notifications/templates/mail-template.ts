import type { MailParams } from '../mail-outbox.entity';

export type Locale = 'zh-CN' | 'en';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** A mail template renders Chinese first, then English, from plain parameters. */
export interface MailTemplate<P extends MailParams = MailParams> {
  readonly key: string;
  /**
   * A statutory letter (or notice of one) to an applicant: an unresolved failure of such a mail
   * degrades /health, and its case's clerks are told when it cannot be delivered.
   */
  readonly statutory?: boolean;
  render(params: P, locale: Locale): RenderedMail;
}

const escape = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** Builds a bilingual mail from paragraphs: the locale's language first, the other second. */
export function bilingual(
  locale: Locale,
  subject: { zh: string; en: string },
  body: { zh: string[]; en: string[] },
): RenderedMail {
  const [first, second] = locale === 'en' ? [body.en, body.zh] : [body.zh, body.en];
  const subj = locale === 'en' ? `${subject.en} · ${subject.zh}` : `${subject.zh} · ${subject.en}`;
  const text = [...first, '', '——', '', ...second].join('\n');
  const para = (lines: string[]) => lines.map((l) => `<p>${escape(l)}</p>`).join('');
  const html = `<!doctype html><html><body style="font-family:sans-serif">${para(first)}<hr>${para(second)}</body></html>`;
  return { subject: subj, text, html };
}
