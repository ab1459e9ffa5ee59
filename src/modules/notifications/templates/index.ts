import { resetPasswordTemplate, verifyEmailTemplate } from './account.templates';
import { mailCheckTemplate } from './mail-check.template';
import type { MailTemplate } from './mail-template';

/** Every template by key. A row whose template is missing fails permanently. */
export const MAIL_TEMPLATES: ReadonlyMap<string, MailTemplate> = new Map(
  [mailCheckTemplate, verifyEmailTemplate, resetPasswordTemplate].map((t) => [t.key, t as unknown as MailTemplate]),
);
