import { bilingual, type Locale, type MailTemplate, type RenderedMail } from './mail-template';

/** Sent by `cli mail check --to ...` so an operator can prove the SMTP set-up end to end. */
export const mailCheckTemplate: MailTemplate<{ requestedAt: string; publicUrl: string }> = {
  key: 'mail-check',
  render(p, locale: Locale): RenderedMail {
    return bilingual(
      locale,
      { zh: '邮件配置检查', en: 'Mail configuration check' },
      {
        zh: [
          '这是一封检查邮件，说明本系统可以正常发送邮件。',
          `发送请求时间：${p.requestedAt}`,
          `系统地址：${p.publicUrl}`,
        ],
        en: [
          'This is a check message: the system can send e-mail.',
          `Requested at: ${p.requestedAt}`,
          `System address: ${p.publicUrl}`,
        ],
      },
    );
  },
};
