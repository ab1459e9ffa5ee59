import { bilingual, type MailTemplate } from './mail-template';

type LinkParams = { name: string; link: string; token: string; expiresHours: number };

/** Sent after self-registration: the link verifies the applicant's e-mail address. */
export const verifyEmailTemplate: MailTemplate<LinkParams> = {
  key: 'verify-email',
  render: (p, locale) =>
    bilingual(
      locale,
      { zh: '请验证您的电子邮箱', en: 'Please verify your e-mail address' },
      {
        zh: [
          `${p.name}，您好：`,
          '感谢注册政府信息公开申请系统。请打开以下链接验证邮箱：',
          p.link,
          `链接 ${p.expiresHours} 小时内有效。如非本人操作，请忽略本邮件。`,
        ],
        en: [
          `Dear ${p.name},`,
          'Thank you for registering. Open this link to verify your e-mail address:',
          p.link,
          `The link is valid for ${p.expiresHours} hours. If you did not register, ignore this message.`,
        ],
      },
    ),
};

/** Password reset (also used to invite new staff to set their first password). */
export const resetPasswordTemplate: MailTemplate<LinkParams & { invitation: boolean }> = {
  key: 'reset-password',
  render: (p, locale) =>
    bilingual(
      locale,
      p.invitation
        ? { zh: '请设置您的登录密码', en: 'Set your password' }
        : { zh: '重置登录密码', en: 'Reset your password' },
      {
        zh: [
          `${p.name}，您好：`,
          p.invitation
            ? '管理员已为您开通工作人员账号。请打开以下链接设置密码：'
            : '我们收到了重置密码的请求。请打开以下链接设置新密码：',
          p.link,
          '重置码（也可通过接口 POST /api/v1/auth/reset-password 提交）：',
          p.token,
          `链接和重置码 ${p.expiresHours} 小时内有效，仅可使用一次。如非本人操作，请忽略本邮件。`,
        ],
        en: [
          `Dear ${p.name},`,
          p.invitation
            ? 'An administrator opened a staff account for you. Open this link to set your password:'
            : 'We received a request to reset your password. Open this link to set a new one:',
          p.link,
          'The reset code (also accepted by POST /api/v1/auth/reset-password):',
          p.token,
          `The link and code are valid for ${p.expiresHours} hours, once. If you did not ask for this, ignore this message.`,
        ],
      },
    ),
};
