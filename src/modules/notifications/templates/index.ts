import { resetPasswordTemplate, verifyEmailTemplate } from './account.templates';
import {
  deadlineOverdueTemplate,
  deadlineReminderTemplate,
  receiptUnconfirmedTemplate,
  supervisorDigestTemplate,
  supervisorWeeklyTemplate,
} from './deadline.templates';
import { letterNoticeTemplate } from './letter-notice.template';
import { statutoryLetterTemplate } from './letter.template';
import { mailCheckTemplate } from './mail-check.template';
import { mailUndeliverableTemplate } from './mail-undeliverable.template';
import type { MailTemplate } from './mail-template';

/** Every template by key. A row whose template is missing fails permanently. */
export const MAIL_TEMPLATES: ReadonlyMap<string, MailTemplate> = new Map(
  [
    mailCheckTemplate,
    verifyEmailTemplate,
    resetPasswordTemplate,
    deadlineReminderTemplate,
    deadlineOverdueTemplate,
    supervisorDigestTemplate,
    supervisorWeeklyTemplate,
    statutoryLetterTemplate,
    letterNoticeTemplate,
    receiptUnconfirmedTemplate,
    mailUndeliverableTemplate,
  ].map((t) => [t.key, t as unknown as MailTemplate]),
);
