import type { MailTemplate, RenderedMail } from './mail-template';

/**
 * A statutory letter sent by e-mail to an applicant who chose e-mail delivery. The letter is
 * rendered when it is issued (it is a legal document fixed at that moment) and stored in the
 * outbox row; the mail carries it as HTML with a plain-text version.
 */
export const statutoryLetterTemplate: MailTemplate<{
  subject: string;
  html: string;
  text: string;
}> = {
  key: 'statutory-letter',
  statutory: true,
  render: (p): RenderedMail => ({ subject: p.subject, html: p.html, text: p.text }),
};
